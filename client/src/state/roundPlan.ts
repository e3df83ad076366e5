// The round the facilitator can open now besides a stage's own round (which
// opens with the stage): its key, kind and speaking order.
import { activeItem, deriveConsent, ROUND_KEY, type MeetingSnapshot, type Round } from '@consent/shared';

export interface RoundPlan {
  key: string;
  kind: Round['kind'];
  order: string[];
  /** A round of this kind already ran under the key: opening again starts a new one. */
  reopening: boolean;
}

/** Everyone who attends and may speak (members and guests), in join order. */
export function speakingOrder(s: MeetingSnapshot): string[] {
  return Object.entries(s.participants)
    .filter(([, p]) => p.role !== 'observer' && p.present && p.removedAt === undefined)
    .sort(([, a], [, b]) => a.joinedAt - b.joinedAt)
    .map(([id]) => id);
}

export function roundPlan(s: MeetingSnapshot): RoundPlan | null {
  const phase = s.meta.phase;
  const once = (key: string, kind: Round['kind']): RoundPlan | null =>
    s.rounds[key]?.kind === kind ? null : { key, kind, order: speakingOrder(s), reopening: false };
  if (phase === 'opening') return once(ROUND_KEY.opening, 'opening');
  if (phase === 'closing') return once(ROUND_KEY.closing, 'closing');
  if (phase === 'agenda') return once(ROUND_KEY.agenda, 'agenda');
  const item = phase === 'items' ? activeItem(s) : null;
  // a consent round is opened afresh only when the text changed since positions were given
  if (item?.stage === 'consent' && s.rounds[item.id]?.kind === 'consent' && deriveConsent(s, item.id).stale.length > 0) {
    return { key: item.id, kind: 'consent', order: speakingOrder(s), reopening: true };
  }
  return null;
}
