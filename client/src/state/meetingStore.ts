// The meeting snapshot as an external store: read from the document after a
// change (my own commands at once, others' and typing at most every
// READ_EVERY_MS), with structural sharing, so that every part of the snapshot
// that did not change keeps its identity and a panel that reads only unchanged
// parts is not re-rendered (see trackedView.ts).
import type * as Y from 'yjs';
import { ORIGIN, readMeeting, type MeetingSnapshot } from '@consent/shared';
import { share } from './share.ts';

const READ_EVERY_MS = 100;

export class MeetingStore {
  private current: MeetingSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private attached = 0;

  constructor(private readonly doc: Y.Doc) {
    this.current = readMeeting(doc).meeting;
  }

  get = (): MeetingSnapshot => this.current;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.attached++ === 0) {
      this.doc.on('update', this.onUpdate);
      // a change may have come between the first read and the first subscriber
      this.read();
    }
    return () => {
      this.listeners.delete(listener);
      if (--this.attached === 0) {
        this.doc.off('update', this.onUpdate);
        clearTimeout(this.timer);
        this.timer = undefined;
      }
    };
  };

  // My own commands (a click, a checkbox) show at once. Typing in the editor and
  // others' changes arrive with every keystroke, and the editor shows them by itself:
  // for those the rest of the board re-reads the meeting at most every READ_EVERY_MS,
  // so that a busy page still answers the next key at once.
  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === ORIGIN.local) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.read();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.read();
    }, READ_EVERY_MS);
  };

  private read(): void {
    const next = share(this.current, readMeeting(this.doc).meeting);
    if (next === this.current) return;
    this.current = next;
    for (const l of [...this.listeners]) l();
  }
}
