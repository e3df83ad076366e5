// An address that is not a page of the board.
export function NotFoundPage() {
  return (
    <main className="page narrow">
      <h1>Page not found</h1>
      <p>
        This address is not a meeting board. <a href="/">Start a new meeting</a>.
      </p>
    </main>
  );
}
