// The tests' one percentile: the end-to-end, reliability and benchmark suites use it.

/** The nearest-rank percentile `p` (0–100) of values sorted ascending; NaN when there are none. */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** The nearest-rank percentile `p` (0–100) of values in any order. */
export const percentile = (values: readonly number[], p: number): number =>
  percentileOfSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
