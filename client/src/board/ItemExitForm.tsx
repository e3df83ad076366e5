// [O4][O9] The facilitator ends an item in this meeting without a decision:
// carry it to the next meeting, pass it to a broader circle, or defer it back to
// the backlog. Each writes the deferral and its backlog entry in one update.
import { useEffect, useId, useRef, useState } from 'react';
import { exitItem, itemById, ITEM_EXITS, type ItemExit } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { CONFIRM } from './facilitationWords.ts';
import { ITEM_EXIT } from './followUpWords.ts';

export function ItemExitForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const { snapshot, doc, me, write } = useBoard();
  const id = useId();
  const [exit, setExit] = useState<ItemExit>('deferred');
  const [note, setNote] = useState('');
  const no = useRef<HTMLButtonElement>(null);
  useEffect(() => no.current?.focus(), []);
  const title = itemById(snapshot, itemId)?.title ?? '';
  const go = () => {
    const ok = write(ITEM_EXIT.writing, () =>
      exitItem(doc, itemId, { exit, entryId: crypto.randomUUID(), by: me, now: Date.now(), text: note.trim() }),
    );
    if (ok) onDone();
  };
  return (
    <div className="confirm item-exit" role="alertdialog" aria-labelledby={`${id}-q`} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <p id={`${id}-q`}>{ITEM_EXIT.question(title)}</p>
      <fieldset>
        <legend className="visually-hidden">{ITEM_EXIT.question(title)}</legend>
        {ITEM_EXITS.map((x) => (
          <label key={x} className="choice">
            <input type="radio" name={`${id}-exit`} value={x} checked={exit === x} onChange={() => setExit(x)} />
            {ITEM_EXIT.choice[x]}
          </label>
        ))}
      </fieldset>
      <label className="field">
        {ITEM_EXIT.note}
        <textarea rows={2} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div className="row">
        <button type="button" className="primary" onClick={go}>
          {CONFIRM.yes}
        </button>
        <button type="button" ref={no} onClick={onDone}>
          {CONFIRM.no}
        </button>
      </div>
    </div>
  );
}
