// The validated snapshot of the meeting document, re-read after every change.
import { useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { readMeeting, type MeetingSnapshot } from '@consent/shared';

export function useMeeting(doc: Y.Doc): MeetingSnapshot {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    // Many updates in one frame (a remote burst) become one re-read.
    let frame = 0;
    const onUpdate = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setVersion((v) => v + 1);
      });
    };
    doc.on('update', onUpdate);
    return () => {
      doc.off('update', onUpdate);
      if (frame) cancelAnimationFrame(frame);
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
