// The facilitator's moves: exactly what the shared move table allows now, plus round controls.
import { useState } from 'react';
import { allowedMoves, closeRound, itemById, movePhase, moveStage, openRound, type Move } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { roundPlan } from '../state/roundPlan.ts';
import { roundKeyOf } from '../state/roundKey.ts';
import { RecordDecisionForm } from './RecordDecisionForm.tsx';
import { PHASE_LABEL, STAGE_LABEL, nameOf } from './words.ts';

const ROUND_NAME = { opening: 'opening round', closing: 'closing round', consent: 'consent round', clarify: 'clarifying round',
  react: 'reaction round', nominations: 'nominations round', change: 'change round' } as const;

export function FacilitatorControls() {
  const { snapshot, doc, me, write } = useBoard();
  const [deciding, setDeciding] = useState<string | null>(null);
  const all = allowedMoves(snapshot, me);
  // Phase moves and the active item's stages up front; other items' moves stay reachable below.
  // The item's next steps come before the next phase, which ends the item's part of the meeting.
  const moves = [
    ...all.filter((m) => m.kind === 'stage' && m.itemId === snapshot.meta.activeItemId),
    ...all.filter((m) => m.kind === 'phase'),
  ];
  const others = all.filter((m) => !moves.includes(m));
  const plan = roundPlan(snapshot);
  const roundKey = roundKeyOf(snapshot);
  const current = roundKey ? snapshot.rounds[roundKey] : undefined;
  const roundOpen = roundKey !== null && current !== undefined && current.closedAt === undefined;

  const run = (move: Move) => {
    if (move.kind === 'phase') write(`Moving to ${PHASE_LABEL[move.to]}`, () => movePhase(doc, move.to));
    else if (move.to === 'decided') setDeciding(move.itemId);
    else write(`Moving to ${STAGE_LABEL[move.to]}`, () => moveStage(doc, move.itemId, move.to));
  };
  const label = (move: Move) =>
    move.kind === 'phase'
      ? `Phase: ${PHASE_LABEL[move.to]}`
      : move.to === 'decided'
        ? `Record decision on ${nameOfItem(move.itemId)}…`
        : `Stage: ${STAGE_LABEL[move.to]}`;
  const nameOfItem = (id: string) => itemById(snapshot, id)?.title ?? 'the item';

  return (
    <section className="facilitator" aria-labelledby="facilitator-heading">
      <h2 id="facilitator-heading">Facilitate</h2>
      {moves.length === 0 && !plan && <p className="hint">No moves are possible right now.</p>}
      <div className="row moves" role="group" aria-label="Allowed moves">
        {moves.map((m) => (
          <button key={m.kind === 'phase' ? `phase-${m.to}` : `stage-${m.itemId}-${m.to}`} type="button"
            className={m.kind === 'stage' && m.to === 'decided' ? 'primary' : ''} onClick={() => run(m)}>
            {label(m)}
          </button>
        ))}
      </div>
      {others.length > 0 && (
        <details>
          <summary>Other items</summary>
          <div className="row" role="group" aria-label="Moves of other items">
            {others.map((m) => m.kind === 'stage' && (
              <button key={`stage-${m.itemId}-${m.to}`} type="button" className="small" onClick={() => run(m)}>
                {nameOfItem(m.itemId)}: {STAGE_LABEL[m.to]}
              </button>
            ))}
          </div>
        </details>
      )}
      {deciding && <RecordDecisionForm itemId={deciding} onDone={() => setDeciding(null)} />}
      {(plan || roundOpen) && (
        <div className="row" role="group" aria-label="Round">
          {plan && <button type="button" onClick={() => write('Opening the round', () => openRound(doc, plan.key, { kind: plan.kind, order: plan.order, now: Date.now() }))}
            disabled={plan.order.length === 0} title={plan.order.length ? `Order: ${plan.order.map((id) => nameOf(snapshot, id)).join(', ')}` : 'Nobody present to speak'}>
            {plan.reopening ? `New ${ROUND_NAME[plan.kind]}` : `Open ${ROUND_NAME[plan.kind]}`}
          </button>}
          {roundOpen && (
            <button type="button" onClick={() => write('Closing the round', () => closeRound(doc, roundKey, Date.now()))}>Close round</button>
          )}
        </div>
      )}
    </section>
  );
}
