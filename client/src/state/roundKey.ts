// Which round the board is about now: the opening or closing round, or the active item's.
import { ROUND_KEY, type MeetingSnapshot } from '@consent/shared';

export function roundKeyOf(s: MeetingSnapshot): string | null {
  const phase = s.meta.phase;
  if (phase === 'opening') return ROUND_KEY.opening;
  if (phase === 'closing' || phase === 'closed') return ROUND_KEY.closing;
  if (phase === 'items' && s.meta.activeItemId) return s.meta.activeItemId;
  return null;
}
