// [F1–F5] Who facilitates, shown to everyone; the facilitator names a
// co-facilitator or hands over; when the facilitator is gone, the co-facilitator
// takes over, or a present member proposes themselves and the others consent.
import { useState } from 'react';
import { eligibleMembers, facilitatorAway, handOver, nameCoFacilitator } from '@consent/shared';
import { answerTakeover, proposeTakeover, takeOver } from '../api.ts';
import { useNow } from '../state/useMeeting.ts';
import { useBoard } from './BoardContext.ts';
import { HANDOVER } from './revealWords.ts';
import { useServerCall } from './useSealedCall.ts';
import { nameOf, WRITING } from './words.ts';

function FacilitatorChoices() {
  const { snapshot, doc, me, write } = useBoard();
  const [to, setTo] = useState('');
  const others = eligibleMembers(snapshot).filter((id) => id !== me);
  return (
    <details className="handover-choices">
      <summary>{HANDOVER.choices}</summary>
      <label>
        {HANDOVER.nameCo}{' '}
        <select
          aria-label={HANDOVER.nameCo}
          value={snapshot.meta.coFacilitatorId ?? ''}
          onChange={(e) => write(WRITING.namingTheCofacilitator, () => nameCoFacilitator(doc, e.target.value || null))}
        >
          <option value="">{HANDOVER.nobody}</option>
          {others.map((id) => (
            <option key={id} value={id}>
              {nameOf(snapshot, id)}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <select aria-label={HANDOVER.handOver} value={to} onChange={(e) => setTo(e.target.value)}>
          <option value="">{HANDOVER.handOver}…</option>
          {others.map((id) => (
            <option key={id} value={id}>
              {nameOf(snapshot, id)}
            </option>
          ))}
        </select>
        <button type="button" className="small" disabled={!to} onClick={() => write(WRITING.handingOver, () => handOver(doc, to))}>
          {HANDOVER.handOverButton}
        </button>
      </div>
    </details>
  );
}

function Takeover() {
  const { snapshot, me, online, can } = useBoard();
  const { run, error, busy } = useServerCall();
  const now = useNow(1000);
  const away = facilitatorAway(snapshot);
  if (!away || !can.isMember || snapshot.meta.phase === 'closed') return null;
  const proposal = snapshot.handover?.proposal;
  const waitSeconds = Math.max(0, Math.ceil((away.takeoverAt - now) / 1000));
  const isCo = snapshot.meta.coFacilitatorId === me;
  const waiting = proposal
    ? eligibleMembers(snapshot).filter(
        (id) => id !== proposal.candidateId && id !== away.participantId && online.has(id) && !proposal.consents.includes(id),
      )
    : [];
  return (
    <div className="banner banner-warn" role="status">
      <div>
        <p>{HANDOVER.away(nameOf(snapshot, away.participantId))}</p>
        {waitSeconds > 0 && <p>{HANDOVER.waitMinute(waitSeconds)}</p>}
        {proposal && <p>{HANDOVER.proposal(nameOf(snapshot, proposal.candidateId))}</p>}
        {proposal && waiting.length > 0 && (
          <p className="hint">{HANDOVER.waitingFor(waiting.map((id) => nameOf(snapshot, id)).join(', '))}</p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="row">
        {isCo && !proposal && (
          <button type="button" className="primary" disabled={busy || waitSeconds > 0} onClick={() => void run(takeOver)}>
            {HANDOVER.takeOver}
          </button>
        )}
        {!isCo && !proposal && (
          <button type="button" disabled={busy || waitSeconds > 0} onClick={() => void run(proposeTakeover)}>
            {HANDOVER.proposeSelf}
          </button>
        )}
        {proposal && proposal.candidateId !== me && !proposal.consents.includes(me) && (
          <>
            <button type="button" className="primary" disabled={busy} onClick={() => void run((m, t) => answerTakeover(m, t, 'consent'))}>
              {HANDOVER.consent}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => void run((m, t) => answerTakeover(m, t, 'object'))}>
              {HANDOVER.object}
            </button>
          </>
        )}
      </div>
    </div>
  );
}

export function Handover() {
  const { snapshot, can } = useBoard();
  const co = snapshot.meta.coFacilitatorId;
  return (
    <section className="handover" aria-labelledby="handover-heading">
      <h2 id="handover-heading">{HANDOVER.heading}</h2>
      <p>
        {HANDOVER.facilitator(nameOf(snapshot, snapshot.meta.facilitatorId))}
        {co ? ` · ${HANDOVER.co(nameOf(snapshot, co))}` : ''}
      </p>
      <Takeover />
      {can.isFacilitator && <FacilitatorChoices />}
    </section>
  );
}
