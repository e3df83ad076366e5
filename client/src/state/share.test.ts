import { describe, expect, it } from 'vitest';
import { equalData, share } from './share.ts';

describe('share: structural sharing of plain data', () => {
  it('gives back the previous value when nothing changed', () => {
    const prev = { a: [1, 2, { b: 'x' }], c: { d: null } };
    const next = { a: [1, 2, { b: 'x' }], c: { d: null } };
    expect(share(prev, next)).toBe(prev);
  });

  it('keeps the identity of unchanged parts and takes the changed ones', () => {
    const prev = {
      agenda: [
        { id: 'i1', title: 'Kettle' },
        { id: 'i2', title: 'News' },
      ],
      meta: { phase: 'items' },
    };
    const next = {
      agenda: [
        { id: 'i1', title: 'Kettle' },
        { id: 'i2', title: 'Views' },
      ],
      meta: { phase: 'items' },
    };
    const out = share(prev, next);
    expect(out).not.toBe(prev);
    expect(out).toEqual(next);
    expect(out.meta).toBe(prev.meta);
    expect(out.agenda[0]).toBe(prev.agenda[0]);
    expect(out.agenda[1]).not.toBe(prev.agenda[1]);
    expect(out.agenda[1]).toEqual({ id: 'i2', title: 'Views' });
  });

  it('notices an added key, a removed key and a longer or shorter list', () => {
    expect(share<Record<string, number>>({ a: 1 }, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    const removed = share<Record<string, number>>({ a: 1, b: 2 }, { a: 1 });
    expect(removed).toEqual({ a: 1 });
    expect(share([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
    expect(share([1, 2], [1])).toEqual([1]);
  });

  it('an undefined value stands apart from a missing key', () => {
    const prev: Record<string, unknown> = { a: 1 };
    const next: Record<string, unknown> = { a: 1, b: undefined };
    expect(share(prev, next)).not.toBe(prev);
  });

  it('takes the new value where the kind changes (list, object, value)', () => {
    const next = { a: 1 };
    expect(share<unknown>([1], next)).toBe(next);
    expect(share<unknown>({ a: 1 }, [1])).toEqual([1]);
    expect(share<unknown>('x', next)).toBe(next);
  });

  it('equalData compares all the way down', () => {
    expect(equalData({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(equalData({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
  });
});
