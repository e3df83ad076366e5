// Consent to the agenda [A1–A4]: where the circle stands, and my answer
// (consent, or an objection with its reason).
import { useState } from 'react';
import { deriveAgendaConsent, giveAgendaPosition, positionKey, ROUND_KEY } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { ReasonForm } from './ReasonForm.tsx';
import { AGENDA_CONSENT } from './facilitationWords.ts';
import { listNames, nameOf, WRITING } from './words.ts';

export function AgendaConsent() {
  const { snapshot, doc, me, can, write } = useBoard();
  const [objecting, setObjecting] = useState(false);
  const record = deriveAgendaConsent(snapshot);
  const round = snapshot.rounds[ROUND_KEY.agenda];
  const open = round?.kind === 'agenda' && round.closedAt === undefined;
  const mine = snapshot.positions[positionKey(ROUND_KEY.agenda, me)];
  const counts = record.consented.includes(me) || record.objecting.includes(me);
  const answer = (fn: () => void) => write(WRITING.answeringOnTheAgenda, fn);
  return (
    <section className="agenda-consent" aria-labelledby="agenda-consent-heading">
      <h2 id="agenda-consent-heading">{AGENDA_CONSENT.heading}</h2>
      <p className={`consent-state state-${record.state}`} data-agenda-consent={record.state} role="status">
        {record.state === 'not-started' ? AGENDA_CONSENT.notYet : AGENDA_CONSENT.states[record.state]}
        {record.state === 'collecting' &&
          record.missing.length > 0 &&
          ` — ${AGENDA_CONSENT.waiting(listNames(record.missing.map((id) => nameOf(snapshot, id))))}`}
      </p>
      {record.reasons.length > 0 && (
        <ul className="agenda-objections">
          {record.reasons.map((r) => (
            <li key={r.participantId}>{AGENDA_CONSENT.objects(nameOf(snapshot, r.participantId), r.text)}</li>
          ))}
        </ul>
      )}
      {record.stale.length > 0 && <p className="hint">{AGENDA_CONSENT.stale}</p>}
      {open && can.isMember && (
        <div className="my-position">
          {mine && counts && (
            <p className="hint">{AGENDA_CONSENT.youGave(AGENDA_CONSENT.answers[mine.position === 'object' ? 'object' : 'consent'])}</p>
          )}
          <div className="row" role="group" aria-label={AGENDA_CONSENT.heading}>
            <button
              type="button"
              className="primary"
              onClick={() => answer(() => giveAgendaPosition(doc, me, { position: 'consent' }, Date.now()))}
            >
              {AGENDA_CONSENT.consent}
            </button>
            <button type="button" className="danger" aria-expanded={objecting} onClick={() => setObjecting(true)}>
              {AGENDA_CONSENT.object}
            </button>
          </div>
          {objecting && (
            <ReasonForm
              label={AGENDA_CONSENT.reasonLabel}
              submitLabel={AGENDA_CONSENT.submitObjection}
              onCancel={() => setObjecting(false)}
              onSubmit={(reason) =>
                answer(() => giveAgendaPosition(doc, me, { position: 'object', reason }, Date.now())) && setObjecting(false)
              }
            />
          )}
        </div>
      )}
      {can.isFacilitator && record.state !== 'not-started' && record.state !== 'consented' && (
        <p className="hint">{AGENDA_CONSENT.moveOnAnyway}</p>
      )}
    </section>
  );
}
