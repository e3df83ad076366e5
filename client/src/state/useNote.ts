// One shared note as a text field's value. My own keystrokes never come back
// through a later re-read (which would race with the next key); the field
// takes the document's text when someone else changed it.
import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { notes, ORIGIN, writeNote } from '@consent/shared';

export function useNote(doc: Y.Doc, key: string): [string, (text: string) => void] {
  const read = useCallback(() => notes(doc).get(key)?.toString() ?? '', [doc, key]);
  const [text, setText] = useState(read);
  useEffect(() => {
    setText(read());
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== ORIGIN.local) setText(read());
    };
    doc.on('update', onUpdate);
    return () => doc.off('update', onUpdate);
  }, [doc, read]);
  const change = useCallback(
    (next: string) => {
      writeNote(doc, key, next);
      setText(next);
    },
    [doc, key],
  );
  return [text, change];
}
