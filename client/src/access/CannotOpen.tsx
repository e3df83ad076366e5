// The screen for a board that cannot open (a refused pass, a removal, a meeting
// that is gone): why, in the server's words too, and what to do.
import { CANNOT_OPEN, type CannotOpenStatus } from './words.ts';

export interface Refused {
  status: CannotOpenStatus;
  /** The server's sentence, when it gave one. */
  reason: string;
}

export function CannotOpen({ refused }: { refused: Refused }) {
  const words = CANNOT_OPEN.byStatus[refused.status];
  return (
    <main className="page narrow cannot-open" aria-labelledby="cannot-open-title">
      <h1 id="cannot-open-title">{CANNOT_OPEN.title}</h1>
      <p role="alert">{words.why}</p>
      <p>{words.todo}</p>
      {refused.reason && (
        <p className="hint">
          {CANNOT_OPEN.serverSays} “{refused.reason}”
        </p>
      )}
      <p>
        <a href="/">{CANNOT_OPEN.startNew}</a>
      </p>
    </main>
  );
}
