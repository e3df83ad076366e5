// [CI23] The versions a register entry replaced, newest first: the walk along
// `supersedes` that every store shares (each reads one entry its own way).
import type { RegisterEntry } from '@consent/shared';

export async function supersededChain(entryId: string, get: (id: string) => Promise<RegisterEntry | null>): Promise<RegisterEntry[]> {
  const out: RegisterEntry[] = [];
  let next = (await get(entryId))?.supersedes ?? null;
  // a chain is short; the bound keeps a corrupted cycle from looping
  while (next !== null && out.length < 1000) {
    const e = await get(next);
    if (!e) break;
    out.push(e);
    next = e.supersedes;
  }
  return out;
}
