// Waiting on conditions, never on fixed delays: poll a predicate until it holds
// or a deadline passes, and say what was awaited when it does not.

export { waitFor, type WaitOptions } from '@consent/server/testing/wait';

/** Yield to the event loop for a polling interval (not a synchronisation sleep). */
export function tick(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves with the value of the first event, or rejects after timeoutMs. */
export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    }),
  ]);
}
