// Small helpers of the rights check: how a path and a participant are named in
// a refusal, and how two plain entries differ.
import type * as Y from 'yjs';
import { ROOT, participants } from './schema.ts';
import type { WritePath } from './updatePaths.ts';

export function changedFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => !sameJson(a[k], b[k])).sort();
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function nameOf(doc: Y.Doc, participantId: string): string {
  const name = (participants(doc).get(participantId) as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' ? name : participantId;
}

export function ownerName(doc: Y.Doc, before: unknown): string {
  const author = isObject(before) ? before.authorId : undefined;
  return typeof author === 'string' ? nameOf(doc, author) : 'another participant';
}

/** `positions/item1/ben`, `agenda[item1].stage`, `proposal/item1`. */
export function describePath(path: WritePath): string {
  if (path.root === ROOT.agenda) {
    const item = path.itemId === null ? 'agenda' : `agenda[${path.itemId}]`;
    return path.subKey === null ? item : `${item}.${path.subKey}`;
  }
  return path.key === null ? path.root : `${path.root}/${path.key}`;
}
