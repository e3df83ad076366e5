// My answer in the consent round: Consent, or a concern or an objection with a reason.
import { useState } from 'react';
import { givePosition, positionKey, raiseObjection, type AgendaItem, type ConsentRecord, type PositionValue } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { ReasonForm } from './ReasonForm.tsx';
import { POSITION_HINT } from './facilitationWords.ts';
import { POSITION } from './methodWords.ts';

export function MyPosition({ item, record }: { item: AgendaItem; record: ConsentRecord }) {
  const { snapshot, doc, me, can, write } = useBoard();
  const [asking, setAsking] = useState<'concern' | 'objection' | null>(null);
  if (!can.canTakePosition) return null;
  const round = snapshot.rounds[item.id];
  const open = round !== undefined && round.kind === 'consent' && round.closedAt === undefined && item.stage === 'consent';
  const mine = snapshot.positions[positionKey(item.id, me)];
  const counts = mine !== undefined && !record.stale.includes(me) && mine.round === round?.number;

  const give = (position: PositionValue) => write('Giving your position', () => givePosition(doc, item.id, me, position, Date.now()));
  const raise = (kind: 'concern' | 'objection', text: string) => {
    const ok = write(kind === 'objection' ? 'Raising your objection' : 'Recording your concern', () => {
      raiseObjection(doc, { id: crypto.randomUUID(), itemId: item.id, authorId: me, kind, text, now: Date.now() });
      givePosition(doc, item.id, me, kind === 'objection' ? 'object' : 'concern', Date.now());
    });
    if (ok) setAsking(null);
  };

  return (
    // while the consent round is open this is the current action: on a phone it stays in reach (board.css)
    <section className={`my-position${open ? ' current-action' : ''}`} aria-labelledby="my-position-heading">
      <h2 id="my-position-heading">Your position</h2>
      {open && round?.speaker === me && <p className="your-turn" role="status">{POSITION_HINT.yourTurn}</p>}
      {!can.isMember && <p className="hint">As a guest your position is shown but does not count; you may record a concern.</p>}
      {!open ? (
        <p className="hint">{POSITION_HINT.notOpen}</p>
      ) : (
        <>
          {mine && (
            <p className="hint">
              You gave: <strong>{mine.position}</strong>
              {!counts && <> — {POSITION.earlier}</>}
            </p>
          )}
          <div className="row" role="group" aria-label="Your position">
            <button type="button" className="primary" onClick={() => give('consent')}>Consent</button>
            <button type="button" onClick={() => setAsking('concern')} aria-expanded={asking === 'concern'}>Concern…</button>
            {/* Guests raise concerns; an objection is a member's argument from the circle's aim. */}
            {can.isMember && (
              <button type="button" onClick={() => setAsking('objection')} aria-expanded={asking === 'objection'}>{POSITION.object}</button>
            )}
          </div>
          {asking && (
            <ReasonForm
              label={asking === 'objection' ? POSITION.objectionLabel : 'Your concern (you still consent)'}
              submitLabel={asking === 'objection' ? POSITION.objectionSubmit : 'Consent with concern'}
              onSubmit={(text) => raise(asking, text)}
              onCancel={() => setAsking(null)}
            />
          )}
        </>
      )}
    </section>
  );
}
