// Words the Markdown and HTML minutes share: times, durations, states, events.
// They return plain text; each renderer escapes it.
import type { ConsentState } from '../types.ts';
import type { TimelineEntry } from './types.ts';

const CONSENT_WORDS: Record<ConsentState, string> = {
  'not-started': 'No consent round yet',
  collecting: 'Collecting positions',
  objections: 'Blocked by an open objection',
  consented: 'Consented',
};

export const consentWords = (state: ConsentState): string => CONSENT_WORDS[state];

/** The line above a frozen consent record (C16); the renderer adds the time. */
export const frozenWords = (reason: 'decision' | 'deferral'): string =>
  reason === 'decision' ? 'As recorded at the decision,' : 'As recorded when the item was deferred,';

/** `2026-11-26 09:05 UTC` from an ISO time. */
export const timeText = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** `4:05` (minutes and seconds), `1:02:05` past an hour. */
export function durationText(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function timelineText(e: TimelineEntry): string {
  if (e.type === 'phase') return `Phase ${e.from} → ${e.to}`;
  if (e.type === 'stage') return `${e.itemTitle}: ${e.from} → ${e.to}`;
  return `${e.itemTitle}: decided (revision ${e.revision}${e.reviewDate ? `, review by ${e.reviewDate}` : ''})`;
}
