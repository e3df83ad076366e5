// The facilitator's moves: exactly what the shared move table allows now, with
// one obvious next step; moves that cannot be undone are confirmed first.
import { useState } from 'react';
import { itemById, movePhase, startStage, type Move } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { facilitatorMoves } from '../state/nextAction.ts';
import { speakingOrder } from '../state/roundPlan.ts';
import { RecordDecisionForm } from './RecordDecisionForm.tsx';
import { ConfirmMove } from './ConfirmMove.tsx';
import { ItemExitForm } from './ItemExitForm.tsx';
import { RoundControls } from './RoundControls.tsx';
import { NextItemHint } from './NextItemHint.tsx';
import { SecretaryPicker } from './SecretaryPicker.tsx';
import { SealedRoundStart } from './SealedRoundStart.tsx';
import { DecisionRules } from './DecisionRules.tsx';
import { CONFIRM, FACILITATE, PHASE_ACTION, stageAction } from './facilitationWords.ts';
import { PHASE_LABEL, WRITING_T } from './words.ts';

const keyOf = (m: Move) => (m.kind === 'phase' ? `phase-${m.to}` : `stage-${m.itemId}-${m.to}`);

export function FacilitatorControls() {
  const { snapshot, doc, me, write } = useBoard();
  const [deciding, setDeciding] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<Move | null>(null);
  const [exiting, setExiting] = useState<string | null>(null);
  const { next, more, others, blankProposal } = facilitatorMoves(snapshot, me);
  const titleOf = (id: string) => itemById(snapshot, id)?.title ?? '';
  const actionOf = (m: Extract<Move, { kind: 'stage' }>) => stageAction(itemById(snapshot, m.itemId)?.kind ?? 'consent', m.to);
  const needsText = (m: Move) => m.kind === 'stage' && m.to === 'consent' && blankProposal;

  const make = (move: Move) => {
    setConfirming(null);
    if (move.kind === 'phase') write(WRITING_T.movingTo(PHASE_LABEL[move.to]), () => movePhase(doc, move.to));
    else write(actionOf(move), () => startStage(doc, move.itemId, move.to, { order: speakingOrder(snapshot), now: Date.now() }));
  };
  // [M2][M3][M6] phase moves, deferring and deciding cannot be undone: they are confirmed first
  const run = (move: Move) => {
    if (move.kind === 'stage' && move.to === 'decided') setDeciding(move.itemId);
    else if (move.kind === 'stage' && move.to === 'deferred') setExiting(move.itemId);
    else if (move.kind === 'phase') setConfirming(move);
    else make(move);
  };
  const confirmText = (m: Move) =>
    m.kind === 'phase' ? (m.to === 'closed' ? CONFIRM.closed : CONFIRM.phase(PHASE_LABEL[m.to])) : CONFIRM.deferred(titleOf(m.itemId));
  const label = (m: Move) => (m.kind === 'phase' ? PHASE_ACTION[m.to] : actionOf(m));

  return (
    <section className="facilitator" aria-labelledby="facilitator-heading">
      <h2 id="facilitator-heading">{FACILITATE.heading}</h2>
      {exiting ? (
        <ItemExitForm itemId={exiting} onDone={() => setExiting(null)} />
      ) : confirming ? (
        <ConfirmMove text={confirmText(confirming)} onYes={() => make(confirming)} onNo={() => setConfirming(null)} />
      ) : (
        <>
          {!next && <p className="hint">{FACILITATE.noMoves}</p>}
          <div className="row moves" role="group" aria-label={FACILITATE.allowedMoves}>
            {[next, ...more]
              .filter((m): m is Move => m !== null)
              .map((m) => (
                <button
                  key={keyOf(m)}
                  type="button"
                  className={m === next ? 'primary' : m.kind === 'stage' && m.to === 'deferred' ? 'small' : ''}
                  disabled={needsText(m)}
                  aria-describedby={needsText(m) ? 'blank-proposal-hint' : undefined}
                  onClick={() => run(m)}
                >
                  {label(m)}
                </button>
              ))}
          </div>
          {blankProposal && [next, ...more].some((m) => m && needsText(m)) && (
            <p id="blank-proposal-hint" className="hint">
              {FACILITATE.blankProposal}
            </p>
          )}
          {!blankProposal && <SealedRoundStart />}
        </>
      )}
      {deciding && <RecordDecisionForm itemId={deciding} onDone={() => setDeciding(null)} />}
      <RoundControls />
      <NextItemHint />
      {others.length > 0 && (
        <details>
          <summary>{FACILITATE.otherItems}</summary>
          <div className="row" role="group" aria-label={FACILITATE.otherItemMoves}>
            {others.map(
              (m) =>
                m.kind === 'stage' && (
                  <button key={keyOf(m)} type="button" className="small" onClick={() => run(m)}>
                    {titleOf(m.itemId)}: {actionOf(m)}
                  </button>
                ),
            )}
          </div>
        </details>
      )}
      <SecretaryPicker />
      <DecisionRules />
    </section>
  );
}
