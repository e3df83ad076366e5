import { describe, expect, it } from 'vitest';
import { createMeeting, movePhase, readMeeting, setPresent, updateAgendaItem, type MeetingSnapshot } from '@consent/shared';
import { meetingDoc } from '@consent/shared/testing';
import * as Y from 'yjs';
import { share } from './share.ts';
import { TrackedView } from './trackedView.ts';

/** The store's next snapshot after `change`: shared with the one before, as MeetingStore makes it. */
function after(doc: Y.Doc, prev: MeetingSnapshot, change: (d: Y.Doc) => void): MeetingSnapshot {
  change(doc);
  return share(prev, readMeeting(doc).meeting);
}

describe('TrackedView: re-render only for what a component read', () => {
  it('a change to what was read is seen; a change elsewhere is not', () => {
    const doc = meetingDoc();
    const first = readMeeting(doc).meeting;
    const view = new TrackedView(first);
    expect(view.snapshot.meta.phase).toBe('lobby');
    const elsewhere = after(doc, first, (d) => updateAgendaItem(d, 'item2', { title: 'Views' }));
    expect(elsewhere).not.toBe(first);
    expect(view.changedIn(elsewhere)).toBe(false);
    view.rebase(elsewhere);
    const moved = after(doc, elsewhere, (d) => movePhase(d, 'opening'));
    expect(view.changedIn(moved)).toBe(true);
  });

  it('reads always go to the current base, after a rebase too', () => {
    const doc = meetingDoc();
    const first = readMeeting(doc).meeting;
    const view = new TrackedView(first);
    void view.snapshot.meta.title;
    const moved = after(doc, first, (d) => movePhase(d, 'opening'));
    view.rebase(moved);
    expect(view.snapshot.meta.phase).toBe('opening');
  });

  it('listing the keys of a record depends on the whole record', () => {
    const doc = meetingDoc();
    const first = readMeeting(doc).meeting;
    const view = new TrackedView(first);
    expect(Object.keys(view.snapshot.participants)).toEqual(Object.keys(first.participants));
    const absent = after(doc, first, (d) => setPresent(d, 'cleo', false));
    expect(view.changedIn(absent)).toBe(true);
  });

  it('a list read by index and length', () => {
    const doc = meetingDoc();
    const first = readMeeting(doc).meeting;
    const view = new TrackedView(first);
    expect(view.snapshot.agenda.length).toBe(2);
    expect(view.snapshot.agenda[0]!.title).toBe('Buy a kettle');
    expect(Array.isArray(view.snapshot.agenda)).toBe(true);
    const otherTitle = after(doc, first, (d) => updateAgendaItem(d, 'item2', { title: 'Views' }));
    expect(view.changedIn(otherTitle)).toBe(false);
    const sameTitle = after(doc, otherTitle, (d) => updateAgendaItem(d, 'item1', { title: 'Buy a teapot' }));
    expect(view.changedIn(sameTitle)).toBe(true);
  });

  it('the same snapshot never counts as changed, and the view is read-only', () => {
    const doc = new Y.Doc();
    createMeeting(doc, { title: 'T', circle: 'C', aim: 'A', facilitatorId: 'f', facilitatorName: 'F', now: 1 });
    const first = readMeeting(doc).meeting;
    const view = new TrackedView(first);
    void view.snapshot.meta.phase;
    expect(view.changedIn(first)).toBe(false);
    expect(() => {
      (view.snapshot.meta as { phase: string }).phase = 'closed';
    }).toThrow(TypeError);
  });
});
