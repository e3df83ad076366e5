// A shared free-text note (opening round, closing round, an item), written as a minimal diff.
import { useId } from 'react';
import { useBoard } from './BoardContext.ts';
import { useNote } from '../state/useNote.ts';
import { UI, WRITING } from './words.ts';

export function NotesField({ noteKey, label, hint }: { noteKey: string; label: string; hint?: string }) {
  const { doc, can, write } = useBoard();
  const id = useId();
  const [text, change] = useNote(doc, noteKey);
  return (
    <section className="notes">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint">{hint}</p>}
      {can.canEditText ? (
        <textarea
          id={id}
          rows={4}
          value={text}
          placeholder={UI.notes.placeholder}
          onChange={(e) => write(WRITING.savingTheNote, () => change(e.target.value))}
        />
      ) : (
        <p id={id} className="notes-text">
          {text || <span className="hint">{UI.notes.none}</span>}
        </p>
      )}
    </section>
  );
}
