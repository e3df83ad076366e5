// An address that is not a page of the board.
import { NOT_FOUND } from '../access/words.ts';
export function NotFoundPage() {
  return (
    <main className="page narrow">
      <h1>{NOT_FOUND.title}</h1>
      <p>
        {NOT_FOUND.body} <a href="/">{NOT_FOUND.start}</a>.
      </p>
    </main>
  );
}
