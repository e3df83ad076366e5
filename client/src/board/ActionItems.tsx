// [AI2][AI3][AI6] Action items beside the active item: who does what by when; the
// author, the assignee or the facilitator ticks one off.
import { useState, type FormEvent } from 'react';
import { actionsOf, addActionItem, markActionDone, participantList, type AgendaItem } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { ACTIONS } from './followUpWords.ts';
import { nameOf } from './words.ts';

export function ActionItems({ item }: { item: AgendaItem }) {
  const { snapshot, doc, me, can, write } = useBoard();
  const [adding, setAdding] = useState(false);
  const list = actionsOf(snapshot, item.id);
  const open = can.canEditText;
  return (
    <section className="action-items" aria-labelledby={`actions-${item.id}`}>
      <h3 id={`actions-${item.id}`}>{ACTIONS.heading(item.title)}</h3>
      {list.length === 0 && <p className="hint">{ACTIONS.empty}</p>}
      <ul className="action-list">
        {list.map((a) => {
          const mayTick = open && (a.authorId === me || a.assigneeId === me || can.isFacilitator);
          return (
            <li key={a.id} className={`action${a.done ? ' done' : ''}`} data-action-done={a.done}>
              <label>
                <input
                  type="checkbox"
                  checked={a.done}
                  disabled={!mayTick}
                  aria-label={ACTIONS.done(a.text)}
                  onChange={(e) => write(ACTIONS.marking, () => markActionDone(doc, a.id, e.target.checked, Date.now()))}
                />
                <span className="action-text">{a.text}</span>
              </label>
              <span className="hint"> — {ACTIONS.by(nameOf(snapshot, a.assigneeId), a.due)}</span>
            </li>
          );
        })}
      </ul>
      {can.isMember &&
        open &&
        (adding ? (
          <ActionForm itemId={item.id} onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="small" onClick={() => setAdding(true)}>
            {ACTIONS.add}
          </button>
        ))}
    </section>
  );
}

function ActionForm({ itemId, onDone }: { itemId: string; onDone: () => void }) {
  const { snapshot, doc, me, write } = useBoard();
  const people = participantList(snapshot).filter((p) => p.removedAt === undefined);
  const [text, setText] = useState('');
  const [assigneeId, setAssignee] = useState(me);
  const [due, setDue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (text.trim() === '') return;
    const ok = write(ACTIONS.writing, () =>
      addActionItem(doc, crypto.randomUUID(), { itemId, text: text.trim(), assigneeId, due: due || null, by: me, now: Date.now() }),
    );
    if (ok) onDone();
  };
  return (
    <form className="action-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <label className="field">
        {ACTIONS.text}
        <input value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} required />
      </label>
      <label className="field">
        {ACTIONS.assignee}
        <select value={assigneeId} onChange={(e) => setAssignee(e.target.value)}>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {ACTIONS.due}
        <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={text.trim() === ''}>
          {ACTIONS.submit}
        </button>
        <button type="button" onClick={onDone}>
          {ACTIONS.cancel}
        </button>
      </div>
    </form>
  );
}
