import { describe, expect, it } from 'vitest';
import { percentile, percentileOfSorted } from './percentile.ts';

describe('percentile', () => {
  it('percentile is the nearest rank, of sorted values or of any order', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect([50, 90, 99, 100, 0].map((p) => percentileOfSorted(sorted, p))).toEqual([5, 9, 10, 10, 1]);
    expect(percentile([10, 1, 5, 3], 50)).toBe(3);
    expect(percentile([], 50)).toBeNaN();
  });
});
