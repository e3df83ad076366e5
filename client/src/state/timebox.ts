// When the active item's timebox started, from the server-written log (so every
// screen counts down from the same instant), and how much of it is left.
import type { MeetingSnapshot } from '@consent/shared';

/** The first logged event about the item (a stage move or a round), or null if none yet. */
export function itemStartedAt(s: MeetingSnapshot, itemId: string): number | null {
  for (const e of s.log) {
    if ((e.type === 'stage' && e.itemId === itemId) || ((e.type === 'round' || e.type === 'speaker') && e.roundKey === itemId)) return e.at;
  }
  return null;
}

export interface Timebox {
  itemId: string;
  title: string;
  totalMs: number;
  /** Negative once the timebox is over. */
  leftMs: number | null;
}

export function activeTimebox(s: MeetingSnapshot, now: number): Timebox | null {
  const item = s.agenda.find((i) => i.id === s.meta.activeItemId);
  // The timebox runs while the circle works on the item in the items phase.
  if (!item || item.timeboxMin <= 0 || s.meta.phase !== 'items' || item.stage === 'decided' || item.stage === 'deferred') return null;
  const started = itemStartedAt(s, item.id);
  const totalMs = item.timeboxMin * 60_000;
  return { itemId: item.id, title: item.title, totalMs, leftMs: started === null ? null : started + totalMs - now };
}

export function formatDuration(ms: number): string {
  const total = Math.round(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const sec = total % 60;
  return `${ms < 0 ? '−' : ''}${m}:${String(sec).padStart(2, '0')}`;
}
