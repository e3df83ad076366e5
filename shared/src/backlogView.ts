// Readers of what a meeting hands on: its backlog, as the board and the minutes
// list it (entries are never lost, BL6), its action items, and each deferred
// item's way out (O6).
import { ITEM_EXITS, type ItemExit, type LogEvent } from './schema.ts';
import type { ActionItem, BacklogEntry } from './followUpSchema.ts';
import type { MeetingSnapshot } from './types.ts';

export interface BacklogRow extends BacklogEntry {
  id: string;
  /** True for a deferred item that no entry links (a deferral written without one): listed all the same. */
  derived: boolean;
}

const byTime = <T extends { at: number; id: string }>(a: T, b: T): number => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const isExit = (source: string): boolean => (ITEM_EXITS as readonly string[]).includes(source);

type Deferral = Extract<LogEvent, { type: 'deferral' }>;
const lastDeferral = (s: MeetingSnapshot, itemId: string): Deferral | undefined =>
  s.log.findLast((e): e is Deferral => e.type === 'deferral' && e.itemId === itemId);

/**
 * [BL6] The meeting's backlog, oldest first: every valid entry of `backlog`, and for
 * each deferred item that no exit entry links, an entry derived from its deferral,
 * so that no deferred item is silently lost.
 */
export function backlogOf(s: MeetingSnapshot): BacklogRow[] {
  const rows: BacklogRow[] = Object.entries(s.backlog ?? {}).map(([id, e]) => ({ ...e, id, derived: false }));
  const linked = new Set(rows.filter((r) => isExit(r.source)).map((r) => r.itemId));
  for (const item of s.agenda) {
    if (item.stage !== 'deferred' || linked.has(item.id)) continue;
    const event = lastDeferral(s, item.id);
    rows.push({
      id: `deferred-${item.id}`,
      title: item.title || item.id,
      text: '',
      source: 'deferred',
      itemId: item.id,
      authorId: event?.actorId ?? s.meta.facilitatorId,
      at: event?.at ?? 0,
      derived: true,
    });
  }
  return rows.sort(byTime);
}

/** [O6] How a deferred item left the meeting: its deferral's path, else its exit entry's source, else a plain deferral. */
export function itemExitOf(s: MeetingSnapshot, itemId: string): ItemExit | null {
  const item = s.agenda.find((i) => i.id === itemId);
  if (item?.stage !== 'deferred') return null;
  const logged = lastDeferral(s, itemId)?.path;
  if (logged) return logged;
  const entry = Object.values(s.backlog ?? {}).find((e) => e.itemId === itemId && isExit(e.source));
  return (entry?.source as ItemExit | undefined) ?? 'deferred';
}

/** [AI5] Action items, oldest first; of one agenda item when `itemId` is given. */
export function actionsOf(s: MeetingSnapshot, itemId?: string): (ActionItem & { id: string })[] {
  return Object.entries(s.actions ?? {})
    .map(([id, a]) => ({ ...a, id }))
    .filter((a) => itemId === undefined || a.itemId === itemId)
    .sort(byTime);
}
