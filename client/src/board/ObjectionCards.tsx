// Objection and concern cards of the active item; the author withdraws or accepts an integration.
import { useState } from 'react';
import { acceptIntegration, withdrawObjection, type Card, type Objection } from '@consent/shared';
import { useBoard, useMeetingSelect } from './BoardContext.ts';
import { ReasonForm } from './ReasonForm.tsx';
import { nameOf } from './words.ts';
import { INTEGRATION } from './facilitationWords.ts';

const STATUS_LABEL = { open: 'Open', integrated: 'Integrated', withdrawn: 'Withdrawn' } as const;

/** `cards`: the item's record (itemRecord), frozen once the item is decided or deferred. */
export function ObjectionCards({ cards }: { cards: readonly Card[] }) {
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="objections-heading">
      <h2 id="objections-heading">Objections and concerns</h2>
      <ul className="objection-cards">
        {cards.map((o) => <ObjectionCard key={o.id} id={o.id} objection={o} />)}
      </ul>
    </section>
  );
}

function ObjectionCard({ id, objection: o }: { id: string; objection: Objection }) {
  const { snapshot, doc, me, can, write } = useBoard();
  const [integrating, setIntegrating] = useState(false);
  const mine = o.authorId === me && can.canTakePosition && o.status === 'open';
  // an objection is integrated by amending the text: until the text changed there is nothing to accept
  const amended = useMeetingSelect((s) => (s.proposals[o.itemId]?.revision ?? o.revision) !== o.revision, [o.itemId, o.revision]);
  return (
    <li className={`card objection-card kind-${o.kind} status-${o.status}`} data-objection-status={o.status}>
      <p className="card-head">
        <strong>{o.kind === 'objection' ? 'Objection' : 'Concern'}</strong> by {nameOf(snapshot, o.authorId)}
        {/* An open concern is on record and blocks nothing: it is not shown as an open problem. */}
        <span className={`badge status-${o.kind === 'concern' && o.status === 'open' ? 'recorded' : o.status}`}>
          {o.kind === 'concern' && o.status === 'open' ? 'Recorded' : STATUS_LABEL[o.status]}
        </span>
      </p>
      <p className="card-text">{o.text}</p>
      {o.resolution && <p className="card-resolution"><span className="hint">Integrated:</span> {o.resolution}</p>}
      {mine && !integrating && (
        <div className="row">
          {o.kind === 'objection' && amended && <button type="button" className="small primary" onClick={() => setIntegrating(true)}>Accept integration…</button>}
          <button type="button" className="small" onClick={() => write('Withdrawing', () => withdrawObjection(doc, id, Date.now()))}>Withdraw</button>
        </div>
      )}
      {mine && !integrating && o.kind === 'objection' && !amended && <p className="hint">{INTEGRATION.waitForText}</p>}
      {mine && integrating && (
        <ReasonForm label="How was your objection integrated?" submitLabel="Accept integration"
          onCancel={() => setIntegrating(false)}
          onSubmit={(note) => { if (write('Accepting the integration', () => acceptIntegration(doc, id, note, Date.now()))) setIntegrating(false); }} />
      )}
    </li>
  );
}
