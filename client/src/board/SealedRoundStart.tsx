// [V1] The facilitator's option per consent round: positions revealed together,
// beside the plain "Open consent round" step (or a new round after the text changed).
import { allowedMoves, openRound, startStage } from '@consent/shared';
import { roundPlan, speakingOrder } from '../state/roundPlan.ts';
import { useBoard } from './BoardContext.ts';
import { SEALED } from './revealWords.ts';
import { WRITING } from './words.ts';

export function SealedRoundStart() {
  const { snapshot, doc, me, write, can } = useBoard();
  if (!can.isFacilitator) return null;
  const activeId = snapshot.meta.activeItemId;
  const toConsent = allowedMoves(snapshot, me).some((m) => m.kind === 'stage' && m.itemId === activeId && m.to === 'consent');
  const plan = roundPlan(snapshot);
  const order = speakingOrder(snapshot);
  let open: (() => void) | null = null;
  if (toConsent && activeId) {
    const itemId = activeId;
    open = () => write(WRITING.openingTheRound, () => startStage(doc, itemId, 'consent', { order, now: Date.now(), reveal: 'together' }));
  } else if (plan?.kind === 'consent') {
    open = () =>
      write(WRITING.openingTheRound, () =>
        openRound(doc, plan.key, { kind: 'consent', order: plan.order, now: Date.now(), reveal: 'together' }),
      );
  }
  if (!open) return null;
  return (
    <div className="row" role="group" aria-label={SEALED.group}>
      <button type="button" onClick={open} disabled={order.length === 0}>
        {toConsent || !plan?.reopening ? SEALED.openSealed : SEALED.reopenSealed}
      </button>
    </div>
  );
}
