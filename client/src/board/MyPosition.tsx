// My answer in the consent round: Consent, or a concern or an objection with a reason.
// A concern is checked once ("is this an objection?") before it is recorded [C26];
// an absent member may answer beforehand, before the round opens [Q9].
import { useState } from 'react';
import {
  consentWithConcern,
  givePosition,
  objectWithReason,
  positionKey,
  positionOpenTo,
  type AgendaItem,
  type ConsentRecord,
} from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { ReasonForm } from './ReasonForm.tsx';
import { ConcernCheck } from './ConcernCheck.tsx';
import { POSITION_HINT } from './facilitationWords.ts';
import { BEFOREHAND, CONCERN_CHECK } from './absenceWords.ts';
import { POSITION } from './methodWords.ts';
import { UI, WRITING } from './words.ts';
import { SEALED } from './revealWords.ts';

export function MyPosition({ item, record }: { item: AgendaItem; record: ConsentRecord }) {
  const { snapshot, doc, me, can, write } = useBoard();
  const [asking, setAsking] = useState<'concern' | 'objection' | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  if (!can.canTakePosition) return null;
  // [R10][R18][R23][Q9] in the item's consent round, or beforehand as an absent member
  const openTo = positionOpenTo(snapshot, item.id, me);
  const inRound = openTo === 'round';
  const beforehand = openTo === 'beforehand';
  const open = openTo !== null;
  const mine = snapshot.positions[positionKey(item.id, me)];
  const counts = mine !== undefined && !record.stale.includes(me) && (beforehand || record.eligible.includes(me));

  const give = () => write(WRITING.givingYourPosition, () => givePosition(doc, item.id, me, 'consent', Date.now()));
  const card = (text: string) => ({ id: crypto.randomUUID(), itemId: item.id, by: me, text, now: Date.now() });
  const done = (ok: boolean) => {
    if (!ok) return;
    setAsking(null);
    setChecking(null);
  };
  const recordConcern = (text: string) => done(write(CONCERN_CHECK.recording, () => consentWithConcern(doc, card(text))));
  const raiseObjection = (text: string) => done(write(CONCERN_CHECK.raising, () => objectWithReason(doc, card(text))));
  // [C26] a member is asked once whether the concern is an objection; a guest's concern is recorded as it is
  const submit = (text: string) => (asking === 'objection' ? raiseObjection(text) : can.isMember ? setChecking(text) : recordConcern(text));

  return (
    // while the consent round is open this is the current action: on a phone it stays in reach (board.css)
    <section className={`my-position${inRound ? ' current-action' : ''}`} aria-labelledby="my-position-heading">
      <h2 id="my-position-heading">{UI.myPosition.heading}</h2>
      {inRound && snapshot.rounds[item.id]?.speaker === me && (
        <p className="your-turn" role="status">
          {POSITION_HINT.yourTurn}
        </p>
      )}
      {!can.isMember && <p className="hint">{UI.myPosition.guestHint}</p>}
      {beforehand && <p className="hint">{BEFOREHAND.hint}</p>}
      {!open ? (
        <p className="hint">{POSITION_HINT.notOpen}</p>
      ) : checking !== null ? (
        <ConcernCheck
          text={checking}
          onConcern={() => recordConcern(checking)}
          onObjection={() => raiseObjection(checking)}
          onCancel={() => setChecking(null)}
        />
      ) : (
        <>
          {mine && (
            <p className="hint">
              {UI.myPosition.youGave} <strong>{SEALED.position[mine.position]}</strong>
              {!counts && <> — {POSITION.earlier}</>}
            </p>
          )}
          <div className="row" role="group" aria-label={UI.myPosition.heading}>
            <button type="button" className="primary" onClick={give}>
              {UI.myPosition.consent}
            </button>
            <button type="button" onClick={() => setAsking('concern')} aria-expanded={asking === 'concern'}>
              {UI.myPosition.concern}
            </button>
            {/* Guests raise concerns; an objection is a member's argument from the circle's aim. */}
            {can.isMember && (
              <button type="button" onClick={() => setAsking('objection')} aria-expanded={asking === 'objection'}>
                {POSITION.object}
              </button>
            )}
          </div>
          {asking && (
            <ReasonForm
              label={asking === 'objection' ? POSITION.objectionLabel : UI.myPosition.concernLabel}
              submitLabel={asking === 'objection' ? POSITION.objectionSubmit : UI.myPosition.concernSubmit}
              onSubmit={submit}
              onCancel={() => setAsking(null)}
            />
          )}
        </>
      )}
    </section>
  );
}
