// The agenda on the left: items with kind, owner and timebox; the active one stands out.
import { itemTerm, moveAgendaItem, removeAgendaItem, setActiveItem, type AgendaItem } from '@consent/shared';
import { memo, useState } from 'react';
import { useBoard } from './BoardContext.ts';
import { AgendaItemForm } from './AgendaItemForm.tsx';
import { StageBadge } from './StageBadge.tsx';
import { BacklogPanel } from './BacklogPanel.tsx';
import { KIND_LABEL, nameOf, UI, UI_T, WRITING } from './words.ts';

export const AgendaPanel = memo(function AgendaPanel() {
  const { snapshot, can } = useBoard();
  const [adding, setAdding] = useState(false);
  return (
    <aside className="panel agenda-panel" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{UI.agenda.heading}</h2>
      {snapshot.agenda.length === 0 && (
        <p className="hint">
          {UI.agenda.empty}
          {can.isFacilitator ? UI.agenda.addFirst : ''}
        </p>
      )}
      <ol className="agenda-list">
        {snapshot.agenda.map((item, index) => (
          <AgendaRow key={item.id} item={item} index={index} />
        ))}
      </ol>
      {can.isFacilitator &&
        (adding ? (
          <AgendaItemForm onDone={() => setAdding(false)} />
        ) : (
          <button type="button" onClick={() => setAdding(true)}>
            {UI.agenda.addItem}
          </button>
        ))}
      <BacklogPanel />
    </aside>
  );
});

function AgendaRow({ item, index }: { item: AgendaItem; index: number }) {
  const { snapshot, can, doc, write } = useBoard();
  const [editing, setEditing] = useState(false);
  const active = snapshot.meta.activeItemId === item.id;
  const last = snapshot.agenda.length - 1;
  if (editing)
    return (
      <li className="agenda-item editing">
        <AgendaItemForm item={item} onDone={() => setEditing(false)} />
      </li>
    );
  return (
    <li className={`agenda-item${active ? ' active' : ''}`} aria-current={active ? 'true' : undefined} data-item-id={item.id}>
      <div className="agenda-item-title">
        {active && <span className="active-mark">{UI.agenda.now}</span>}
        <strong>{item.title || UI.agenda.untitled}</strong>
      </div>
      <p className="agenda-meta">
        {KIND_LABEL[item.kind]} · {item.ownerId ? nameOf(snapshot, item.ownerId) : UI.participants.noOwner} ·{' '}
        {UI_T.countdownMin(item.timeboxMin)} <StageBadge item={item} />
        {item.stage === 'decided' &&
          itemTerm(snapshot, item.id)?.reviewDate &&
          UI_T.agendaReview(itemTerm(snapshot, item.id)?.reviewDate ?? '')}
      </p>
      {can.isFacilitator && (
        <div className="row agenda-actions">
          {!active && (
            <button type="button" className="small" onClick={() => write(WRITING.activatingTheItem, () => setActiveItem(doc, item.id))}>
              {UI.agenda.activate}
              <span className="visually-hidden"> {item.title}</span>
            </button>
          )}
          <button type="button" className="small" onClick={() => setEditing(true)}>
            {UI.agenda.edit}
            <span className="visually-hidden"> {item.title}</span>
          </button>
          <button
            type="button"
            className="small"
            disabled={index === 0}
            aria-label={`Move ${item.title} up`}
            onClick={() => write(WRITING.movingTheItem, () => moveAgendaItem(doc, item.id, index - 1))}
          >
            ↑
          </button>
          <button
            type="button"
            className="small"
            disabled={index === last}
            aria-label={`Move ${item.title} down`}
            onClick={() => write(WRITING.movingTheItem, () => moveAgendaItem(doc, item.id, index + 1))}
          >
            ↓
          </button>
          {item.stage === 'draft' && !active && (
            <button
              type="button"
              className="small danger"
              aria-label={UI_T.removeItem(item.title)}
              onClick={() => write(WRITING.removingTheItem, () => removeAgendaItem(doc, item.id))}
            >
              {UI.agenda.remove}
            </button>
          )}
        </div>
      )}
    </li>
  );
}
