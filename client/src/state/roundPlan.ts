// The round the facilitator can open now: its key, kind and speaking order.
import { activeItem, ROUND_KEY, type MeetingSnapshot, type Round } from '@consent/shared';

export interface RoundPlan {
  key: string;
  kind: Round['kind'];
  order: string[];
  /** A round of this kind is already open: opening again starts a new one. */
  reopening: boolean;
}

/** Everyone who attends and may speak (members and guests), in join order. */
export function speakingOrder(s: MeetingSnapshot): string[] {
  return Object.entries(s.participants)
    .filter(([, p]) => p.role !== 'observer' && p.present)
    .sort(([, a], [, b]) => a.joinedAt - b.joinedAt)
    .map(([id]) => id);
}

export function roundPlan(s: MeetingSnapshot): RoundPlan | null {
  const phase = s.meta.phase;
  let key: string | null = null;
  let kind: Round['kind'] | null = null;
  if (phase === 'opening') [key, kind] = [ROUND_KEY.opening, 'opening'];
  else if (phase === 'closing') [key, kind] = [ROUND_KEY.closing, 'closing'];
  else if (phase === 'items') {
    const item = activeItem(s);
    // a selection item's clarify and react stages are its nominations and change rounds (SelectionPanel)
    const selectionRound = item?.kind === 'selection' && item.stage !== 'consent';
    if (item && !selectionRound && (item.stage === 'clarify' || item.stage === 'react' || item.stage === 'consent')) [key, kind] = [item.id, item.stage];
  }
  if (!key || !kind) return null;
  const current = s.rounds[key];
  const reopening = current !== undefined && current.kind === kind && current.closedAt === undefined;
  // Only a consent round is started afresh while open (after the text changed); other rounds run once.
  if (reopening && kind !== 'consent') return null;
  return { key, kind, order: speakingOrder(s), reopening };
}
