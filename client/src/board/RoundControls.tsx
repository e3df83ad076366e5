// Opening the phase's round (opening, agenda, closing), a new consent round after
// the text changed, and closing a round whose speakers are all done.
import { closeRound, openRound } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { roundPlan } from '../state/roundPlan.ts';
import { roundKeyOf } from '../state/roundKey.ts';
import { AGENDA_CONSENT, FACILITATE } from './facilitationWords.ts';
import { nameOf, WRITING } from './words.ts';

export function RoundControls() {
  const { snapshot, doc, write } = useBoard();
  const plan = roundPlan(snapshot);
  const key = roundKeyOf(snapshot);
  const current = key ? snapshot.rounds[key] : undefined;
  // with a speaker, the round's own list offers the next step; "Close round" stands alone only once nobody speaks
  const closable =
    key !== null && current !== undefined && current.closedAt === undefined && current.speaker === null && current.kind !== 'agenda';
  if (!plan && !closable) return null;
  const label = plan
    ? plan.kind === 'agenda'
      ? AGENDA_CONSENT.ask
      : plan.reopening
        ? FACILITATE.newConsentRound
        : FACILITATE.openRound(plan.kind)
    : '';
  return (
    <div className="round-controls">
      <div className="row" role="group" aria-label={FACILITATE.roundGroup}>
        {plan && (
          <button
            type="button"
            className="primary"
            disabled={plan.order.length === 0}
            title={plan.order.length ? FACILITATE.order(plan.order.map((id) => nameOf(snapshot, id)).join(', ')) : FACILITATE.nobodyPresent}
            onClick={() =>
              write(WRITING.openingTheRound, () => openRound(doc, plan.key, { kind: plan.kind, order: plan.order, now: Date.now() }))
            }
          >
            {label}
          </button>
        )}
        {closable && (
          <button type="button" onClick={() => write(WRITING.closingTheRound, () => closeRound(doc, key, Date.now()))}>
            {FACILITATE.closeRound}
          </button>
        )}
      </div>
      {plan?.kind === 'agenda' && <p className="hint">{AGENDA_CONSENT.askHint}</p>}
      {plan?.reopening && <p className="hint">{FACILITATE.newConsentRoundHint}</p>}
    </div>
  );
}
