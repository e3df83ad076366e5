// Review dates for tests that go through the server: CI19 refuses a review date
// before today by the server's clock, so a fixed date would fail once it passed.

const DAY_MS = 24 * 3600 * 1000;

/** The ISO date (UTC) `days` after today. */
export function daysFromToday(days: number, now: number = Date.now()): string {
  return new Date(now + days * DAY_MS).toISOString().slice(0, 10);
}
