import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalEdit } from './textDiff.ts';

const apply = (old: string, e: ReturnType<typeof minimalEdit>): string =>
  old.slice(0, e.start) + e.inserted + old.slice(e.start + e.removed);

describe('minimalEdit', () => {
  it.each([
    ['abc', 'abXc', { start: 2, removed: 0, inserted: 'X' }],
    ['hello world', 'hello', { start: 5, removed: 6, inserted: '' }],
    ['same', 'same', { start: 4, removed: 0, inserted: '' }],
    ['a😀b', 'a😁b', { start: 1, removed: 2, inserted: '😁' }],
    ['x😀', 'x😀😀', { start: 3, removed: 0, inserted: '😀' }],
    ['😀', '😁', { start: 0, removed: 2, inserted: '😁' }],
  ])('turns %j into %j with %j', (old, next, edit) => {
    expect(minimalEdit(old, next)).toEqual(edit);
  });

  it('always yields the new text, keeps the longest common prefix, and never cuts a surrogate pair', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '😀', '😁', 'é'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, (old, next) => {
        const e = minimalEdit(old, next);
        expect(apply(old, e)).toBe(next);
        const cut = (s: string, at: number) => at > 0 && at < s.length && /[\uD800-\uDBFF]/.test(s[at - 1]!);
        expect(cut(old, e.start) || cut(old, e.start + e.removed) || cut(next, e.start + e.inserted.length)).toBe(false);
        if (old === next) expect(e.removed + e.inserted.length).toBe(0);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
