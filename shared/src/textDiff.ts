// The smallest single edit that turns one string into another, so that a
// whole-text write touches only what changed and merges with concurrent edits.

export interface TextEdit {
  /** UTF-16 offset where the edit starts. */
  start: number;
  /** How many code units of the old text are removed there. */
  removed: number;
  /** What is inserted there. */
  inserted: string;
}

/** Keeps the longest common prefix and suffix; never splits a surrogate pair. */
export function minimalEdit(old: string, next: string): TextEdit {
  let start = 0;
  const max = Math.min(old.length, next.length);
  while (start < max && old.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && old.charCodeAt(old.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  // widen the edit by one unit where it would cut a pair in half
  if (start > 0 && isHighSurrogate(old.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(old.charCodeAt(old.length - end))) end--;
  return { start, removed: old.length - start - end, inserted: next.slice(start, next.length - end) };
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
