// Adding or editing an agenda item (facilitator): title, kind, owner, timebox.
import { useState, type FormEvent } from 'react';
import { addAgendaItem, ITEM_KINDS, updateAgendaItem, type AgendaItem, type ItemKind } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { KIND_LABEL, UI, UI_T, WRITING } from './words.ts';

export function AgendaItemForm({ item, onDone }: { item?: AgendaItem; onDone: () => void }) {
  const { snapshot, doc, write } = useBoard();
  const [title, setTitle] = useState(item?.title ?? '');
  const [kind, setKind] = useState<ItemKind>(item?.kind ?? 'consent');
  const [ownerId, setOwnerId] = useState(item?.ownerId ?? '');
  const [timebox, setTimebox] = useState(String(item?.timeboxMin ?? 15));
  const speakers = Object.entries(snapshot.participants).filter(([, p]) => p.role !== 'observer');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = { title: title.trim(), kind, ownerId: ownerId || null, timeboxMin: Math.max(0, Math.min(1440, Number(timebox) || 0)) };
    const ok = item
      ? write(WRITING.savingTheItem, () => updateAgendaItem(doc, item.id, fields))
      : write(WRITING.addingTheItem, () => addAgendaItem(doc, { id: crypto.randomUUID(), ...fields }));
    if (ok) onDone();
  };

  return (
    <form className="agenda-form" onSubmit={submit} aria-label={item ? UI_T.editItem(item.title) : UI.agendaForm.new}>
      <label>
        {UI.agendaForm.title}
        <input type="text" name="item-title" value={title} onChange={(e) => setTitle(e.target.value)} required autoFocus />
      </label>
      <label>
        {UI.agendaForm.kind}
        <select
          name="item-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as ItemKind)}
          disabled={item && item.stage !== 'draft'}
        >
          {ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {UI.agendaForm.owner}
        <select name="item-owner" value={ownerId} onChange={(e) => setOwnerId(e.target.value)}>
          <option value="">{UI.agendaForm.noOwner}</option>
          {speakers.map(([id, p]) => (
            <option key={id} value={id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {UI.agendaForm.timebox}
        <input type="number" name="item-timebox" min={0} max={1440} value={timebox} onChange={(e) => setTimebox(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={!title.trim()}>
          {item ? UI.agendaForm.save : UI.agendaForm.add}
        </button>
        <button type="button" onClick={onDone}>
          {UI.cancel}
        </button>
      </div>
    </form>
  );
}
