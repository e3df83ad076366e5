import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  addParticipant,
  createMeeting,
  givePosition,
  markRemoved,
  meta,
  moveStage,
  openRound,
  readMeeting,
  setPresent,
  ROUND_KEY,
} from '@consent/shared';
import { NOW, writeParagraph } from '@consent/shared/testing';
import { roundPlan, speakingOrder } from './roundPlan.ts';

const snap = (doc: Y.Doc) => readMeeting(doc).meeting;

/** Fran, Ben, Cleo, Gus (guest) and Otto (observer) join in this order; item1 has a proposal. */
function meetingDoc(): Y.Doc {
  const doc = new Y.Doc();
  createMeeting(doc, { title: 'Budget', circle: 'Ops', aim: 'Lights on', facilitatorId: 'fran', facilitatorName: 'Fran', now: NOW });
  addParticipant(doc, 'ben', { name: 'Ben', role: 'member', now: NOW + 1 });
  addParticipant(doc, 'cleo', { name: 'Cleo', role: 'member', now: NOW + 2 });
  addParticipant(doc, 'gus', { name: 'Gus', role: 'guest', now: NOW + 3 });
  addParticipant(doc, 'otto', { name: 'Otto', role: 'observer', now: NOW + 4 });
  addAgendaItem(doc, { id: 'item1', title: 'Buy a kettle', kind: 'consent', ownerId: 'ben', timeboxMin: 10 });
  writeParagraph(doc, 'item1', 'We buy a kettle.');
  return doc;
}

function inPhase(phase: 'opening' | 'agenda' | 'items' | 'closing'): Y.Doc {
  const doc = meetingDoc();
  meta(doc).set('phase', phase);
  return doc;
}

describe('roundPlan: the round the facilitator can open now', () => {
  it('the speaking order: members and guests present, not removed, in join order', () => {
    const doc = meetingDoc();
    addParticipant(doc, 'ada', { name: 'Ada', role: 'member', now: NOW - 1 });
    setPresent(doc, 'cleo', false);
    expect(speakingOrder(snap(doc))).toEqual(['ada', 'fran', 'ben', 'gus']);
    markRemoved(doc, 'gus', NOW);
    expect(speakingOrder(snap(doc))).not.toContain('gus');
  });

  it.each([
    ['opening', ROUND_KEY.opening, 'opening'],
    ['agenda', ROUND_KEY.agenda, 'agenda'],
    ['closing', ROUND_KEY.closing, 'closing'],
  ] as const)('in %s: its round, once', (phase, key, kind) => {
    const doc = inPhase(phase);
    expect(roundPlan(snap(doc))).toEqual({ key, kind, order: ['fran', 'ben', 'cleo', 'gus'], reopening: false });
    openRound(doc, key, { kind, order: ['fran'], now: NOW });
    expect(roundPlan(snap(doc))).toBe(null);
  });

  it('nothing in the lobby, nor during an item before its consent round', () => {
    expect(roundPlan(snap(meetingDoc()))).toBe(null);
    const doc = inPhase('items');
    meta(doc).set('activeItemId', 'item1');
    moveStage(doc, 'item1', 'consent');
    expect(roundPlan(snap(doc))).toBe(null);
  });

  it('a consent round opens afresh only when the text changed since positions were given', () => {
    const doc = inPhase('items');
    meta(doc).set('activeItemId', 'item1');
    moveStage(doc, 'item1', 'consent');
    openRound(doc, 'item1', { kind: 'consent', order: ['fran', 'ben', 'cleo'], now: NOW });
    givePosition(doc, 'item1', 'ben', 'consent', NOW);
    expect(roundPlan(snap(doc))).toBe(null);
    writeParagraph(doc, 'item1', 'With a lid.');
    expect(roundPlan(snap(doc))).toEqual({ key: 'item1', kind: 'consent', order: ['fran', 'ben', 'cleo', 'gus'], reopening: true });
  });
});
