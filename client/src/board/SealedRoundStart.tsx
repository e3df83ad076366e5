// [V1] The facilitator's option per consent round: positions revealed together.
import { openRound } from '@consent/shared';
import { roundPlan } from '../state/roundPlan.ts';
import { useBoard } from './BoardContext.ts';
import { SEALED } from './revealWords.ts';

export function SealedRoundStart() {
  const { snapshot, doc, write, can } = useBoard();
  const plan = roundPlan(snapshot);
  if (!can.isFacilitator || !plan || plan.kind !== 'consent') return null;
  const open = () => write('Opening the round', () => openRound(doc, plan.key, { kind: 'consent', order: plan.order, now: Date.now(), reveal: 'together' }));
  return (
    <div className="row" role="group" aria-label="Sealed round">
      <button type="button" onClick={open} disabled={plan.order.length === 0}>{plan.reopening ? SEALED.reopenSealed : SEALED.openSealed}</button>
    </div>
  );
}
