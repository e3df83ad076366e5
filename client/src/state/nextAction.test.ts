import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { meta, moveStage, openRound, raiseObjection, readMeeting, updateAgendaItem } from '@consent/shared';
import { meetingDoc, NOW } from '@consent/shared/testing';
import { facilitatorMoves } from './nextAction.ts';

const movesOf = (doc: Y.Doc, me = 'fran') => facilitatorMoves(readMeeting(doc).meeting, me);

function activeAt(stage: 'draft' | 'react' | 'consent'): Y.Doc {
  const doc = meetingDoc();
  meta(doc).set('phase', 'items');
  meta(doc).set('activeItemId', 'item1');
  moveStage(doc, 'item1', stage);
  return doc;
}

describe("facilitatorMoves: the facilitator's next step", () => {
  it('in the lobby the next step is the opening', () => {
    expect(movesOf(meetingDoc()).next).toEqual({ kind: 'phase', to: 'opening' });
  });

  it('nobody but the facilitator is offered a move', () => {
    const ben = movesOf(meetingDoc(), 'ben');
    expect([ben.next, ben.more, ben.others]).toEqual([null, [], []]);
  });

  it("mid-item, the item's forward step comes first; deferring and the next phase are less prominent", () => {
    const m = movesOf(activeAt('draft'));
    expect(m.next).toEqual({ kind: 'stage', itemId: 'item1', to: 'present' });
    expect(m.more).toContainEqual({ kind: 'stage', itemId: 'item1', to: 'deferred' });
    expect(m.more).toContainEqual({ kind: 'phase', to: 'closing' });
    expect(m.more.findIndex((x) => x.kind === 'phase')).toBeLessThan(m.more.findIndex((x) => x.kind === 'stage' && x.to === 'deferred'));
  });

  it('resolving is offered only when an objection is open', () => {
    const doc = activeAt('consent');
    openRound(doc, 'item1', { kind: 'consent', order: ['fran', 'ben', 'cleo'], now: NOW });
    const resolve = { kind: 'stage', itemId: 'item1', to: 'resolve' };
    expect([movesOf(doc).next, ...movesOf(doc).more]).not.toContainEqual(resolve);
    raiseObjection(doc, { id: 'o1', itemId: 'item1', authorId: 'ben', kind: 'objection', text: 'Too loud', now: NOW });
    expect([movesOf(doc).next, ...movesOf(doc).more]).toContainEqual(resolve);
  });

  it("another item's moves are kept apart", () => {
    const doc = activeAt('react');
    updateAgendaItem(doc, 'item2', { kind: 'consent' });
    const m = movesOf(doc);
    expect(m.others.length).toBeGreaterThan(0);
    expect(m.others.every((x) => x.kind === 'stage' && x.itemId === 'item2')).toBe(true);
  });

  it('[C17] a blank proposal is reported', () => {
    expect(movesOf(activeAt('react')).blankProposal).toBe(false);
    const doc = meetingDoc();
    meta(doc).set('phase', 'items');
    meta(doc).set('activeItemId', 'item2');
    expect(movesOf(doc).blankProposal).toBe(true);
  });
});
