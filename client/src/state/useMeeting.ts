// The validated snapshot of the meeting document, re-read after every change.
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { ORIGIN, readMeeting, type MeetingSnapshot } from '@consent/shared';

const READ_EVERY_MS = 100;

export function useMeeting(doc: Y.Doc): MeetingSnapshot {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    // My own commands (a click, a checkbox) show at once. Typing in the editor and
    // others' changes arrive with every keystroke, and the editor shows them by itself:
    // for those the rest of the board re-reads the meeting at most every READ_EVERY_MS,
    // so that a busy page still answers the next key at once.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === ORIGIN.local) {
        clearTimeout(timer);
        timer = undefined;
        setVersion((v) => v + 1);
        return;
      }
      timer ??= setTimeout(() => {
        timer = undefined;
        setVersion((v) => v + 1);
      }, READ_EVERY_MS);
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      clearTimeout(timer);
    };
  }, [doc]);
  return useMemo(() => readMeeting(doc).meeting, [doc, version]);
}

/** The wall clock, ticking every `ms` (countdowns, speaking time). */
export function useNow(ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
