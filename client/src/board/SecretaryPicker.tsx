// The facilitator names the secretary among the members present.
import { useId } from 'react';
import { mayWrite, ROOT, setSecretary } from '@consent/shared';
import { useBoard } from './BoardContext.ts';
import { participantsInOrder } from '../state/participants.ts';
import { SECRETARY } from './facilitationWords.ts';
import { WRITING } from './words.ts';

export function SecretaryPicker() {
  const { snapshot, doc, me, write } = useBoard();
  const id = useId();
  if (!mayWrite(snapshot, me, ROOT.meta)) return null; // [R4][R5]
  const members = participantsInOrder(snapshot).filter((p) => p.role === 'member' && p.removedAt === undefined);
  return (
    <div className="field secretary-picker">
      <label htmlFor={id}>{SECRETARY.label}</label>
      <select
        id={id}
        aria-describedby={`${id}-hint`}
        value={snapshot.meta.secretaryId ?? ''}
        onChange={(e) => write(WRITING.namingTheSecretary, () => setSecretary(doc, e.target.value === '' ? null : e.target.value))}
      >
        <option value="">{SECRETARY.none}</option>
        {members.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <p id={`${id}-hint`} className="hint">
        {SECRETARY.hint}
      </p>
    </div>
  );
}
