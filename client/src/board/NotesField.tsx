// A shared free-text note (opening round, closing round, an item), written as a minimal diff.
import { useEffect, useId, useRef, useState } from 'react';
import { writeNote } from '@consent/shared';
import { useBoard } from './BoardContext.ts';

export function NotesField({ noteKey, label }: { noteKey: string; label: string }) {
  const { snapshot, doc, can, write } = useBoard();
  const id = useId();
  const text = snapshot.notes[noteKey] ?? '';
  // The board re-reads the document a little after each change; the field keeps
  // what was typed meanwhile, and takes the document's text when someone else changed it.
  const [draft, setDraft] = useState(text);
  const written = useRef(text);
  useEffect(() => {
    if (text !== written.current) {
      written.current = text;
      setDraft(text);
    }
  }, [text]);

  const change = (value: string) => {
    setDraft(value);
    written.current = value;
    write('Saving the note', () => writeNote(doc, noteKey, value));
  };

  return (
    <section className="notes">
      <label htmlFor={id}>{label}</label>
      {can.canEditText ? (
        <textarea id={id} rows={4} value={draft} placeholder="Anyone may take notes here." onChange={(e) => change(e.target.value)} />
      ) : (
        <p id={id} className="notes-text">{text || <span className="hint">No notes.</span>}</p>
      )}
    </section>
  );
}
