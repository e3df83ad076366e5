// [C18] An objector whose counting position is now consent (or concern) is asked
// once, in one click, whether the change resolved their objection.
import { useState } from 'react';
import { acceptIntegration, itemById, objectionsToConfirm } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { OBJECTION } from './methodWords.ts';
import { WRITING } from './words.ts';

export function ConfirmResolved({ itemId }: { itemId: string }) {
  const { snapshot, doc, me, can, write } = useBoard();
  // "No, it still stands" is asked once per card and text: a later amendment asks again
  const [declined, setDeclined] = useState<ReadonlySet<string>>(new Set());
  const stage = itemById(snapshot, itemId)?.stage;
  // [R18] a decided or deferred item's cards are final
  if (!can.canTakePosition || stage === 'decided' || stage === 'deferred') return null;
  const revision = snapshot.proposals[itemId]?.revision ?? '';
  const card = objectionsToConfirm(snapshot, itemId, me).find((c) => !declined.has(`${c.id}@${revision}`));
  if (!card) return null;
  const resolve = () =>
    write(WRITING.markingTheObjectionResolved, () => acceptIntegration(doc, card.id, OBJECTION.confirmResolution, Date.now()));
  return (
    <div className="banner banner-ok confirm-resolved" role="group" aria-label={OBJECTION.confirmQuestion}>
      <p>
        <strong>{OBJECTION.confirmQuestion}</strong>
      </p>
      <p className="card-text">{card.text}</p>
      <div className="row">
        <button type="button" className="primary" onClick={resolve}>
          {OBJECTION.confirmYes}
        </button>
        <button type="button" onClick={() => setDeclined(new Set([...declined, `${card.id}@${revision}`]))}>
          {OBJECTION.confirmNo}
        </button>
      </div>
    </div>
  );
}
