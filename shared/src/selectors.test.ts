import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as cmd from './commands.ts';
import type { LogEvent } from './schema.ts';
import {
  activeItem,
  currentRound,
  isFacilitator,
  itemById,
  nameOf,
  objectionsOf,
  participantList,
  phaseStartedAt,
  roleOf,
  speakerOrder,
  roundSpeakingTime,
  speakingTime,
  timebox,
  timeboxRemaining,
} from './selectors.ts';
import { readMeeting } from './snapshot.ts';
import type { MeetingSnapshot } from './types.ts';

function doc(): Y.Doc {
  const d = new Y.Doc();
  cmd.createMeeting(d, { title: 'T', circle: 'C', aim: 'A', facilitatorId: 'f', facilitatorName: 'fay', now: 0 });
  cmd.addParticipant(d, 'b', { name: 'Ben', role: 'member', now: 1 });
  cmd.addParticipant(d, 'a', { name: 'Ana', role: 'member', now: 2 });
  cmd.addParticipant(d, 'o', { name: 'Olu', role: 'observer', now: 3 });
  cmd.addParticipant(d, 'a2', { name: 'ana', role: 'guest', now: 4 });
  cmd.addAgendaItem(d, { id: 'i1', title: 'Kettle', kind: 'consent', ownerId: 'a', timeboxMin: 10 });
  cmd.addAgendaItem(d, { id: 'i2', title: 'News', kind: 'report', ownerId: null, timeboxMin: 5 });
  return d;
}
const snap = (d: Y.Doc): MeetingSnapshot => readMeeting(d).meeting;
const withLog = (s: MeetingSnapshot, log: LogEvent[]): MeetingSnapshot => ({ ...s, log });

describe('who is who', () => {
  it('participantList is sorted by name case-insensitively, then id, with roles and facilitation', () => {
    const d = doc();
    const rows = participantList(snap(d));
    expect(rows.map((r) => r.id)).toEqual(['a', 'a2', 'b', 'f', 'o']);
    expect(rows.find((r) => r.id === 'f')).toMatchObject({
      name: 'fay',
      role: 'member',
      isFacilitator: true,
      isSecretary: false,
      present: true,
    });
    expect(rows.filter((r) => r.isFacilitator)).toHaveLength(1);
  });

  it('roleOf, isFacilitator and nameOf answer for known and unknown ids', () => {
    const s = snap(doc());
    expect(roleOf(s, 'o')).toBe('observer');
    expect(roleOf(s, 'nobody')).toBeNull();
    expect(isFacilitator(s, 'f')).toBe(true);
    expect(isFacilitator(s, 'a')).toBe(false);
    expect(isFacilitator({ ...s, meta: { ...s.meta, facilitatorId: '' } }, '')).toBe(false);
    expect(nameOf(s, 'b')).toBe('Ben');
    expect(nameOf(s, 'zz')).toBe('zz');
  });

  it('activeItem and itemById follow meta.activeItemId', () => {
    const d = doc();
    expect(activeItem(snap(d))).toBeNull();
    cmd.setActiveItem(d, 'i2');
    expect(activeItem(snap(d))?.title).toBe('News');
    expect(itemById(snap(d), 'i1')?.title).toBe('Kettle');
    expect(itemById(snap(d), 'zz')).toBeNull();
    const s = snap(d);
    expect(activeItem({ ...s, meta: { ...s.meta, activeItemId: 'gone' } })).toBeNull();
  });
});

describe('rounds and speakers', () => {
  it('currentRound and speakerOrder follow the round through its turns', () => {
    const d = doc();
    expect(currentRound(snap(d), 'opening')).toBeNull();
    expect(speakerOrder(snap(d), 'opening')).toBeNull();
    cmd.openRound(d, 'opening', { kind: 'opening', order: ['f', 'a', 'b'], now: 10 });
    expect(currentRound(snap(d), 'opening')?.number).toBe(1);
    expect(speakerOrder(snap(d), 'opening')).toMatchObject({ open: true, speaker: 'f', next: 'a', spoken: [], upcoming: ['a', 'b'] });
    cmd.passSpeaker(d, 'opening', 'a');
    expect(speakerOrder(snap(d), 'opening')).toMatchObject({ speaker: 'a', next: 'b', spoken: ['f'], upcoming: ['b'] });
    cmd.passSpeaker(d, 'opening', null);
    expect(speakerOrder(snap(d), 'opening')).toMatchObject({ speaker: null, next: 'f', spoken: [], upcoming: ['f', 'a', 'b'] });
    cmd.closeRound(d, 'opening', 20);
    expect(speakerOrder(snap(d), 'opening')).toMatchObject({
      open: false,
      speaker: null,
      next: null,
      spoken: ['f', 'a', 'b'],
      upcoming: [],
    });
  });

  const speaker = (at: number, who: string | null, roundKey = 'opening'): LogEvent => ({
    type: 'speaker',
    at,
    actorId: 'f',
    roundKey,
    speaker: who,
  });
  it('speakingTime sums turns from speaker events, ending a turn at the next move', () => {
    const s = withLog(snap(doc()), [
      { type: 'phase', at: 0, actorId: 'f', from: 'lobby', to: 'opening' },
      speaker(1000, 'f'),
      speaker(4000, 'a'), // f spoke 3 s
      speaker(5000, 'b'), // a spoke 1 s
      speaker(9000, null), // b spoke 4 s
      speaker(10_000, 'a'),
      { type: 'stage', at: 12_000, actorId: 'f', itemId: 'i1', from: 'draft', to: 'present' }, // a +2 s
      speaker(20_000, 'f', 'i1'),
    ]);
    expect(speakingTime(s, 21_500)).toEqual(
      [
        { participantId: 'b', ms: 4000, turns: 1 },
        { participantId: 'f', ms: 4500, turns: 2 },
        { participantId: 'a', ms: 3000, turns: 2 },
      ].sort((x, y) => y.ms - x.ms),
    );
  });

  it('speakingTime counts an open turn up to now, and nothing for an empty log', () => {
    const s = snap(doc());
    expect(speakingTime(s, 5)).toEqual([]);
    expect(speakingTime(withLog(s, [speaker(100, 'a')]), 1100)).toEqual([{ participantId: 'a', ms: 1000, turns: 1 }]);
    expect(
      speakingTime(
        withLog(s, [speaker(100, 'a'), { type: 'round', at: 300, actorId: 'f', roundKey: 'i1', kind: 'react', number: 1 }]),
        1100,
      ),
    ).toEqual([{ participantId: 'a', ms: 200, turns: 1 }]);
  });

  it('speakingTime keeps the floor across a new round under the same key, which names no new speaker', () => {
    const s = withLog(snap(doc()), [
      speaker(0, 'a', 'i1'),
      { type: 'round', at: 100, actorId: 'f', roundKey: 'i1', kind: 'consent', number: 2 },
      { type: 'decision', at: 150, actorId: 'f', itemId: 'i1', text: 't', revision: 'r', reviewDate: null, consented: [], concerns: [] },
      speaker(400, null, 'i1'),
    ]);
    expect(speakingTime(s, 1000)).toEqual([{ participantId: 'a', ms: 400, turns: 1 }]);
  });

  it('[T1] a reaction round after the opening round starts at zero: times do not carry over between rounds', () => {
    const round = (at: number, roundKey: string, kind: 'opening' | 'react' | 'consent', number = 1): LogEvent => ({
      type: 'round',
      at,
      actorId: 'f',
      roundKey,
      kind,
      number,
    });
    const s = withLog(snap(doc()), [
      round(0, 'opening', 'opening'),
      speaker(0, 'f'),
      speaker(42_000, 'a'), // f spoke 42 s in the opening round
      speaker(50_000, null),
      round(100_000, 'i1', 'react'),
      speaker(100_000, 'f', 'i1'),
    ]);
    // the fresh reaction round: the facilitator has just got the floor
    expect(roundSpeakingTime(s, 'i1', 100_000)).toEqual([{ participantId: 'f', ms: 0, turns: 1 }]);
    expect(roundSpeakingTime(s, 'i1', 103_000)).toEqual([{ participantId: 'f', ms: 3000, turns: 1 }]);
    expect(roundSpeakingTime(s, 'opening', 103_000)).toEqual([
      { participantId: 'f', ms: 42_000, turns: 1 },
      { participantId: 'a', ms: 8000, turns: 1 },
    ]);
    // the meeting's sum still holds every turn
    expect(speakingTime(s, 103_000)).toEqual([
      { participantId: 'f', ms: 45_000, turns: 2 },
      { participantId: 'a', ms: 8000, turns: 1 },
    ]);
    // a new round under the same key starts at zero too, even when the floor carries over
    const again = withLog(s, [...s.log, speaker(110_000, 'a', 'i1'), round(120_000, 'i1', 'consent', 2)]);
    expect(roundSpeakingTime(again, 'i1', 121_000)).toEqual([{ participantId: 'a', ms: 1000, turns: 1 }]);
    expect(roundSpeakingTime(snap(doc()), 'i1', 5)).toEqual([]);
  });

  it('speakingTime breaks ties by id', () => {
    const s = withLog(snap(doc()), [speaker(0, 'b'), speaker(10, 'a'), speaker(20, null)]);
    expect(speakingTime(s, 30).map((r) => r.participantId)).toEqual(['a', 'b']);
  });
});

describe('timebox', () => {
  const stage = (at: number, itemId: string): LogEvent => ({ type: 'stage', at, actorId: 'f', itemId, from: 'draft', to: 'present' });
  it("starts with the active item's first event and lasts timeboxMin", () => {
    const d = doc();
    cmd.setActiveItem(d, 'i1');
    const s = snap(d);
    expect(timebox(s)).toBeNull();
    const log: LogEvent[] = [
      { type: 'phase', at: 500, actorId: 'f', from: 'agenda', to: 'items' },
      stage(700, 'i2'),
      stage(1000, 'i1'),
      stage(5000, 'i1'),
    ];
    expect(timebox(withLog(s, log))).toEqual({ itemId: 'i1', timeboxMin: 10, startedAt: 1000, endsAt: 601_000 });
    expect(timeboxRemaining(withLog(s, log), 1000 + 60_000)).toBe(540_000);
    expect(timeboxRemaining(withLog(s, log), 700_000)).toBe(-99_000);
    expect(phaseStartedAt(withLog(s, log))).toBe(500);
  });

  it('counts a round or speaker event under the item key as its start; none without an active item', () => {
    const d = doc();
    cmd.setActiveItem(d, 'i2');
    const s = withLog(snap(d), [{ type: 'round', at: 42, actorId: 'f', roundKey: 'i2', kind: 'react', number: 1 }]);
    expect(timebox(s)?.startedAt).toBe(42);
    const none = { ...s, meta: { ...s.meta, activeItemId: null } };
    expect(timebox(none)).toBeNull();
    expect(timeboxRemaining(none, 0)).toBeNull();
    expect(phaseStartedAt(none)).toBeNull();
  });
});

describe('objectionsOf', () => {
  it("lists an item's cards oldest first, with their ids", () => {
    const d = doc();
    cmd.openRound(d, 'i1', { kind: 'consent', order: [], now: 1 });
    cmd.raiseObjection(d, { id: 'z', itemId: 'i1', authorId: 'a', kind: 'concern', text: 'c', now: 5 });
    cmd.raiseObjection(d, { id: 'y', itemId: 'i1', authorId: 'b', kind: 'objection', text: 'o', now: 3 });
    cmd.raiseObjection(d, { id: 'x', itemId: 'i1', authorId: 'b', kind: 'objection', text: 'o', now: 5 });
    cmd.raiseObjection(d, { id: 'w', itemId: 'i2', authorId: 'b', kind: 'objection', text: 'o', now: 1 });
    expect(objectionsOf(snap(d), 'i1').map((o) => o.id)).toEqual(['y', 'x', 'z']);
  });
});
