// [BL2][BL6] The meeting's backlog: what is carried to the next meeting, with where
// each entry came from; members add their own.
import { memo, useState, type FormEvent } from 'react';
import { addBacklogEntry, backlogOf, itemById, INPUT_LIMITS } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { BACKLOG, SOURCE_WORDS } from './followUpWords.ts';
import { nameOf } from './words.ts';

export const BacklogPanel = memo(function BacklogPanel() {
  const { snapshot, can } = useBoard();
  const [adding, setAdding] = useState(false);
  const rows = backlogOf(snapshot);
  // the item an entry came from, unless the entry already bears its title
  const linkedTitle = (itemId: string | undefined, title: string) => {
    const item = itemId ? itemById(snapshot, itemId)?.title : undefined;
    return item && item !== title ? item : null;
  };
  return (
    <section className="backlog" aria-labelledby="backlog-heading">
      <h2 id="backlog-heading">{BACKLOG.heading}</h2>
      {rows.length === 0 && <p className="hint">{BACKLOG.empty}</p>}
      <ul className="backlog-list">
        {rows.map((e) => (
          <li key={e.id} className="card backlog-entry" data-source={e.source}>
            <strong>{e.title}</strong>
            <span className="hint">
              {' '}
              {BACKLOG.from(SOURCE_WORDS[e.source], linkedTitle(e.itemId, e.title))} · {nameOf(snapshot, e.authorId)}
            </span>
            {e.text && <p>{e.text}</p>}
          </li>
        ))}
      </ul>
      {can.isMember &&
        can.canEditText &&
        (adding ? (
          <BacklogForm onDone={() => setAdding(false)} />
        ) : (
          <button type="button" className="small" onClick={() => setAdding(true)}>
            {BACKLOG.add}
          </button>
        ))}
    </section>
  );
});

function BacklogForm({ onDone }: { onDone: () => void }) {
  const { doc, me, write } = useBoard();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim() === '') return;
    if (
      write(BACKLOG.writing, () =>
        addBacklogEntry(doc, crypto.randomUUID(), { title: title.trim(), text: text.trim(), by: me, now: Date.now() }),
      )
    )
      onDone();
  };
  return (
    <form className="backlog-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <label className="field">
        {BACKLOG.title}
        <input value={title} maxLength={INPUT_LIMITS.title} onChange={(e) => setTitle(e.target.value)} required />
      </label>
      <label className="field">
        {BACKLOG.text}
        <textarea rows={2} maxLength={5000} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={title.trim() === ''}>
          {BACKLOG.submit}
        </button>
        <button type="button" onClick={onDone}>
          {BACKLOG.cancel}
        </button>
      </div>
    </form>
  );
}
