// A shared free-text note (opening round, closing round), written as a minimal diff.
import { useId } from 'react';
import { writeNote } from '@consent/shared';
import { useBoard } from './BoardContext.ts';

export function NotesField({ noteKey, label }: { noteKey: string; label: string }) {
  const { snapshot, doc, can, write } = useBoard();
  const id = useId();
  const text = snapshot.notes[noteKey] ?? '';
  return (
    <section className="notes">
      <label htmlFor={id}>{label}</label>
      {can.canEditText ? (
        <textarea id={id} rows={5} value={text} placeholder="Anyone may take notes here."
          onChange={(e) => write('Saving the note', () => writeNote(doc, noteKey, e.target.value))} />
      ) : (
        <p id={id} className="notes-text">{text || <span className="hint">No notes.</span>}</p>
      )}
    </section>
  );
}
