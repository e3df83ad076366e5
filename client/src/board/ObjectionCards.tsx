// Objection and concern cards of the active item. An open objection is the
// circle's to integrate; its author withdraws it or marks it resolved by a change.
import { useState } from 'react';
import { acceptIntegration, withdrawObjection, type Card, type Objection } from '@consent/shared';
import { useBoard, useMeetingSelect } from './BoardContext.ts';
import { IntegrationForm } from './IntegrationForm.tsx';
import { WAY_THROUGH_WORDS } from './followUpWords.ts';
import { nameOf, UI, UI_T, WRITING } from './words.ts';
import { OBJECTION } from './methodWords.ts';
import { ConfirmResolved } from './ConfirmResolved.tsx';

const STATUS_LABEL = {
  get open() {
    return UI.objections.open;
  },
  get integrated() {
    return OBJECTION.resolvedBadge;
  },
  get withdrawn() {
    return UI.objections.withdrawn;
  },
};

/** `cards`: the item's record (itemRecord), frozen once the item is decided or deferred. */
export function ObjectionCards({ cards, itemId }: { cards: readonly Card[]; itemId: string }) {
  if (cards.length === 0) return null;
  return (
    <section aria-labelledby="objections-heading">
      <h2 id="objections-heading">{UI.objections.heading}</h2>
      <ConfirmResolved itemId={itemId} />
      <ul className="objection-cards">
        {cards.map((o) => (
          <ObjectionCard key={o.id} id={o.id} objection={o} />
        ))}
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
  const openObjection = o.kind === 'objection' && o.status === 'open';
  return (
    <li className={`card objection-card kind-${o.kind} status-${o.status}`} data-objection-status={o.status}>
      <p className="card-head">
        <strong>{o.kind === 'objection' ? UI.objections.objection : UI.objections.concern}</strong>
        {UI_T.by(nameOf(snapshot, o.authorId))}
        {/* An open concern is on record and blocks nothing: it is not shown as an open problem. */}
        <span className={`badge status-${o.kind === 'concern' && o.status === 'open' ? 'recorded' : o.status}`}>
          {o.kind === 'concern' && o.status === 'open' ? UI.objections.recorded : STATUS_LABEL[o.status]}
        </span>
      </p>
      <p className="card-text">{o.text}</p>
      {openObjection && <p className="card-ours">{OBJECTION.ours}</p>}
      {o.resolution && (
        <p className="card-resolution">
          <span className="hint">{o.path ? WAY_THROUGH_WORDS[o.path] : OBJECTION.resolvedBadge}:</span> {o.resolution}
        </p>
      )}
      {mine && !integrating && (
        <div className="row">
          {o.kind === 'objection' && amended && (
            <button type="button" className="small primary" onClick={() => setIntegrating(true)}>
              {OBJECTION.resolvedByChange}
            </button>
          )}
          <button type="button" className="small" onClick={() => write(WRITING.withdrawing, () => withdrawObjection(doc, id, Date.now()))}>
            {UI.objections.withdraw}
          </button>
        </div>
      )}
      {mine && !integrating && o.kind === 'objection' && !amended && <p className="hint">{OBJECTION.waitForText}</p>}
      {mine && integrating && (
        <IntegrationForm
          onCancel={() => setIntegrating(false)}
          onSubmit={(way) => {
            if (write(WRITING.markingTheObjectionResolved, () => acceptIntegration(doc, id, way, Date.now()))) setIntegrating(false);
          }}
        />
      )}
    </li>
  );
}
