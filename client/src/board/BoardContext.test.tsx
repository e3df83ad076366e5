// The board's view of its rights: useBoard().can is shared's abilitiesOf, read
// through the tracked snapshot, so a panel follows a change of what it may do
// (the meeting closes) and ignores changes it did not read.
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import type * as Y from 'yjs';
import { movePhase, updateAgendaItem } from '@consent/shared';
import { meetingDoc } from '@consent/shared/testing';
import { MeetingStore } from '../state/meetingStore.ts';
import type { PresenceStore } from '../state/presenceStore.ts';
import { BoardContext, useBoard, type BoardStores } from './BoardContext.ts';

afterEach(cleanup);

const noPresence = { get: () => ({ online: new Set<string>(), users: [] }), subscribe: () => () => {} } as unknown as PresenceStore;

function stores(doc: Y.Doc, me: string): BoardStores {
  const session = { participantId: me, token: 't', role: 'member' as const, name: me };
  return { meetingId: 'm1', session, doc, me, write: () => true, meeting: new MeetingStore(doc), presence: noPresence };
}

function Probe({ renders }: { renders: string[] }) {
  const { can } = useBoard();
  const line = `${can.isFacilitator ? 'facilitates' : 'takes part'}, ${can.canEditText ? 'writes' : 'reads'}`;
  renders.push(line);
  return <p>{line}</p>;
}

function mount(doc: Y.Doc, me: string) {
  const renders: string[] = [];
  render(
    <BoardContext.Provider value={stores(doc, me)}>
      <Probe renders={renders} />
    </BoardContext.Provider>,
  );
  return renders;
}

describe('[R30] useBoard().can asks shared', () => {
  it('a member writes; the facilitator facilitates; an observer reads', () => {
    const doc = meetingDoc();
    mount(doc, 'ben');
    mount(doc, 'fran');
    mount(doc, 'otto');
    expect(screen.getAllByText(/,/).map((p) => p.textContent)).toEqual(['takes part, writes', 'facilitates, writes', 'takes part, reads']);
  });

  it('[R4] when the meeting closes the panel re-renders read-only; a change it did not read leaves it be', () => {
    const doc = meetingDoc();
    const renders = mount(doc, 'fran');
    expect(renders).toEqual(['facilitates, writes']);
    act(() => updateAgendaItem(doc, 'item2', { title: 'Views' }));
    expect(renders).toHaveLength(1);
    act(() => movePhase(doc, 'opening'));
    expect(renders).toEqual(['facilitates, writes', 'facilitates, writes']); // it read the phase: the same rights in every open phase
    act(() => movePhase(doc, 'closed'));
    expect(renders.at(-1)).toBe('takes part, reads');
    expect(screen.getByText('takes part, reads')).toBeTruthy();
  });
});
