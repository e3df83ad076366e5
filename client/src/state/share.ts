// Structural sharing: `next` with every part that equals its counterpart in
// `prev` replaced by that counterpart, so unchanged parts keep their identity
// (and `prev` itself comes back when nothing changed). Plain data only: JSON
// values as read from the document.

export function share<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) return next;
  if (Array.isArray(prev)) {
    if (!Array.isArray(next)) return next;
    let same = prev.length === next.length;
    const out = next.map((v, i) => {
      const s = i < prev.length ? share(prev[i], v) : v;
      if (s !== prev[i]) same = false;
      return s;
    });
    return (same ? prev : out) as T;
  }
  if (Array.isArray(next) || Object.getPrototypeOf(prev) !== Object.getPrototypeOf(next)) return next;
  const p = prev as Record<string, unknown>;
  const n = next as Record<string, unknown>;
  const keys = Object.keys(n);
  let same = keys.length === Object.keys(p).length;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const s = Object.hasOwn(p, k) ? share(p[k], n[k]) : n[k];
    if (s !== p[k] || !Object.hasOwn(p, k)) same = false;
    out[k] = s;
  }
  return (same ? prev : out) as T;
}

/** Whether two plain-data values are equal all the way down. */
export const equalData = (a: unknown, b: unknown): boolean => share(a, b) === a;
