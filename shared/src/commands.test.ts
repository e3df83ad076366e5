import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as cmd from './commands.ts';
import { deriveConsent } from './consent.ts';
import { ORIGIN } from './protocol.ts';
import { proposalRevision } from './revision.ts';
import { agenda, notes, objections, participants, proposal, rounds } from './schema.ts';
import { readMeeting } from './snapshot.ts';
import { setTerm } from './term.ts';

/** A meeting with facilitator f, members a and b, guest g, and consent item i1 in its consent round. */
function meeting(): Y.Doc {
  const doc = new Y.Doc();
  cmd.createMeeting(doc, { title: 'Budget', circle: 'Ops', aim: 'Run well', facilitatorId: 'f', facilitatorName: 'Fay', now: 1000 });
  cmd.addParticipant(doc, 'a', { name: 'Ana', role: 'member', now: 1001 });
  cmd.addParticipant(doc, 'b', { name: 'Ben', role: 'member', now: 1002 });
  cmd.addParticipant(doc, 'g', { name: 'Gus', role: 'guest', now: 1003 });
  cmd.addAgendaItem(doc, { id: 'i1', title: 'Kettle', kind: 'consent', ownerId: 'a', timeboxMin: 10 });
  proposal(doc, 'i1').insert(0, [new Y.XmlText('Buy a kettle')]);
  cmd.openRound(doc, 'i1', { kind: 'consent', order: ['a', 'b', 'f'], now: 1100 });
  return doc;
}
const read = (doc: Y.Doc) => readMeeting(doc).meeting;
const editProposal = (doc: Y.Doc) => (proposal(doc, 'i1').get(0) as Y.XmlText).insert(0, 'Please ');

describe('createMeeting and participants', () => {
  it('seeds meta in the lobby and the facilitator as a present member', () => {
    const s = read(meeting());
    expect(s.meta).toEqual({
      title: 'Budget',
      circle: 'Ops',
      aim: 'Run well',
      createdAt: 1000,
      phase: 'lobby',
      activeItemId: null,
      facilitatorId: 'f',
      secretaryId: null,
      coFacilitatorId: null,
    });
    expect(s.participants.f).toEqual({ name: 'Fay', role: 'member', present: true, joinedAt: 1000 });
    expect(s.participants.g).toEqual({ name: 'Gus', role: 'guest', present: true, joinedAt: 1003 });
    expect(s.notes).toEqual({ opening: '', closing: '', i1: '' });
    expect(readMeeting(meeting()).ignored).toEqual([]);
  });

  it('setPresent changes attendance only', () => {
    const doc = meeting();
    cmd.setPresent(doc, 'b', false);
    expect(read(doc).participants.b).toEqual({ name: 'Ben', role: 'member', present: false, joinedAt: 1002 });
  });
});

describe('each command is one transaction with its origin', () => {
  const commands: [string, (doc: Y.Doc, origin?: unknown) => void][] = [
    ['addParticipant', (d, o) => cmd.addParticipant(d, 'n', { name: 'New', role: 'observer', now: 5 }, o)],
    ['setPresent', (d, o) => cmd.setPresent(d, 'a', false, o)],
    ['addAgendaItem', (d, o) => cmd.addAgendaItem(d, { id: 'i2', title: 'Two', kind: 'report', ownerId: null, timeboxMin: 5 }, o)],
    ['updateAgendaItem', (d, o) => cmd.updateAgendaItem(d, 'i1', { title: 'Kettles', timeboxMin: 15 }, o)],
    [
      'moveAgendaItem',
      (d, o) => {
        cmd.addAgendaItem(d, { id: 'i2', title: 'Two', kind: 'report', ownerId: null, timeboxMin: 5 });
        cmd.moveAgendaItem(d, 'i2', 0, o);
      },
    ],
    ['removeAgendaItem', (d, o) => cmd.removeAgendaItem(d, 'i1', o)],
    ['setActiveItem', (d, o) => cmd.setActiveItem(d, 'i1', o)],
    ['movePhase', (d, o) => cmd.movePhase(d, 'opening', o)],
    ['moveStage', (d, o) => cmd.moveStage(d, 'i1', 'present', o)],
    ['openRound', (d, o) => cmd.openRound(d, 'opening', { kind: 'opening', order: ['a'], now: 5 }, o)],
    ['passSpeaker', (d, o) => cmd.passSpeaker(d, 'i1', 'b', o)],
    ['closeRound', (d, o) => cmd.closeRound(d, 'i1', 5, o)],
    ['givePosition', (d, o) => cmd.givePosition(d, 'i1', 'a', 'consent', 5, o)],
    [
      'raiseObjection',
      (d, o) => cmd.raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: 'a', kind: 'objection', text: 'No', now: 5 }, o),
    ],
    [
      'withdrawObjection',
      (d, o) => {
        cmd.raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: 'a', kind: 'objection', text: 'No', now: 5 });
        cmd.withdrawObjection(d, 'o1', 6, o);
      },
    ],
    [
      'acceptIntegration',
      (d, o) => {
        cmd.raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: 'a', kind: 'objection', text: 'No', now: 5 });
        cmd.acceptIntegration(d, 'o1', 'amended', 6, o);
      },
    ],
    ['recordDecision', (d, o) => cmd.recordDecision(d, 'i1', o)],
    ['setTerm', (d, o) => setTerm(d, 'i1', { reviewDate: '2027-01-31', measure: 'Used daily' }, o)],
    ['addEvaluation', (d, o) => cmd.addEvaluation(d, 'a', { ratings: { clarity: 5 }, comment: '' }, o)],
    ['writeNote', (d, o) => cmd.writeNote(d, 'i1', 'noted', o)],
    [
      'appendLog',
      (d, o) =>
        cmd.appendLog(
          d,
          [
            { type: 'phase', at: 1, actorId: 'f', from: 'lobby', to: 'opening' },
            { type: 'join', at: 2, actorId: 'a', name: 'Ana', role: 'member' },
          ],
          o,
        ),
    ],
  ];
  it.each(commands)('%s: default origin local, or the one given', (_name, run) => {
    for (const origin of [undefined, ORIGIN.server]) {
      const doc = meeting();
      const seen: unknown[] = [];
      doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(tr.origin));
      const before = JSON.stringify(read(doc));
      run(doc, origin);
      expect(seen.at(-1)).toBe(origin ?? ORIGIN.local);
      expect(seen.filter((o) => o === (origin ?? ORIGIN.local)).length).toBeGreaterThanOrEqual(1);
      if (origin === ORIGIN.server) expect(seen.filter((o) => o === ORIGIN.server)).toHaveLength(1);
      expect(JSON.stringify(read(doc))).not.toBe(before);
      expect(readMeeting(doc).ignored).toEqual([]);
    }
  });

  it('createMeeting is one transaction too', () => {
    const doc = new Y.Doc();
    const seen: unknown[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(tr.origin));
    cmd.createMeeting(doc, { title: 'T', circle: '', aim: '', facilitatorId: 'f', facilitatorName: 'Fay', now: 1 }, ORIGIN.server);
    expect(seen).toEqual([ORIGIN.server]);
  });
});

describe('impossible input throws a clear error and writes nothing', () => {
  const cases: [string, (doc: Y.Doc) => void, RegExp][] = [
    [
      'a second createMeeting',
      (d) => cmd.createMeeting(d, { title: 'T', circle: '', aim: '', facilitatorId: 'x', facilitatorName: 'X', now: 1 }),
      /already holds a meeting/,
    ],
    ['a participant id taken', (d) => cmd.addParticipant(d, 'a', { name: 'Ann', role: 'member', now: 1 }), /already exists/],
    ['an empty participant id', (d) => cmd.addParticipant(d, '', { name: 'Ann', role: 'member', now: 1 }), /must not be empty/],
    ['an empty name', (d) => cmd.addParticipant(d, 'z', { name: '', role: 'member', now: 1 }), /Invalid participant: name/],
    ['an unknown role', (d) => cmd.addParticipant(d, 'z', { name: 'Zed', role: 'boss' as 'member', now: 1 }), /Invalid participant: role/],
    ['attendance of a stranger', (d) => cmd.setPresent(d, 'zz', true), /Unknown participant "zz"/],
    [
      'an item id taken',
      (d) => cmd.addAgendaItem(d, { id: 'i1', title: 'T', kind: 'consent', ownerId: null, timeboxMin: 1 }),
      /already exists/,
    ],
    [
      'an item id that is a reserved key',
      (d) => cmd.addAgendaItem(d, { id: 'opening', title: 'T', kind: 'consent', ownerId: null, timeboxMin: 1 }),
      /reserved/,
    ],
    [
      'a negative timebox',
      (d) => cmd.addAgendaItem(d, { id: 'i9', title: 'T', kind: 'consent', ownerId: null, timeboxMin: -1 }),
      /timeboxMin/,
    ],
    ['a patch of the stage', (d) => cmd.updateAgendaItem(d, 'i1', { stage: 'decided' } as never), /cannot be patched/],
    ['a patch with a bad kind', (d) => cmd.updateAgendaItem(d, 'i1', { kind: 'vote' as 'report' }), /Invalid kind/],
    ['an unknown item', (d) => cmd.updateAgendaItem(d, 'zz', { title: 'x' }), /Unknown agenda item "zz"/],
    ['moving an unknown item', (d) => cmd.moveAgendaItem(d, 'zz', 0), /Unknown agenda item/],
    ['removing an unknown item', (d) => cmd.removeAgendaItem(d, 'zz'), /Unknown agenda item/],
    ['activating an unknown item', (d) => cmd.setActiveItem(d, 'zz'), /Unknown agenda item/],
    ['an unknown phase', (d) => cmd.movePhase(d, 'party' as 'lobby'), /Invalid phase/],
    ['an unknown stage', (d) => cmd.moveStage(d, 'i1', 'party' as 'draft'), /Invalid stage/],
    ['a round under an unknown key', (d) => cmd.openRound(d, 'zz', { kind: 'react', order: [], now: 1 }), /Unknown agenda item "zz"/],
    ['passing in a round never opened', (d) => cmd.passSpeaker(d, 'opening', 'a'), /No round "opening"/],
    ['passing to a stranger', (d) => cmd.passSpeaker(d, 'i1', 'zz'), /Unknown participant/],
    [
      'passing in a closed round',
      (d) => {
        cmd.closeRound(d, 'i1', 5);
        cmd.passSpeaker(d, 'i1', 'a');
      },
      /is closed/,
    ],
    [
      'closing a closed round',
      (d) => {
        cmd.closeRound(d, 'i1', 5);
        cmd.closeRound(d, 'i1', 6);
      },
      /already closed/,
    ],
    [
      'a position without a consent round',
      (d) => {
        cmd.openRound(d, 'i1', { kind: 'react', order: [], now: 1 });
        cmd.givePosition(d, 'i1', 'a', 'consent', 1);
      },
      /No consent round/,
    ],
    ['a position of a stranger', (d) => cmd.givePosition(d, 'i1', 'zz', 'consent', 1), /Unknown participant/],
    ['a position that is not one', (d) => cmd.givePosition(d, 'i1', 'a', 'maybe' as 'consent', 1), /Invalid position/],
    [
      'an objection with empty text',
      (d) => cmd.raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: 'a', kind: 'objection', text: '', now: 1 }),
      /Invalid objection: text/,
    ],
    [
      'an objection id taken',
      (d) => {
        cmd.raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: 'a', kind: 'concern', text: 'c', now: 1 });
        cmd.raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: 'b', kind: 'concern', text: 'c', now: 1 });
      },
      /empty or taken/,
    ],
    ['withdrawing an unknown objection', (d) => cmd.withdrawObjection(d, 'zz', 1), /Unknown objection/],
    [
      '[C13] integrating a withdrawn objection',
      (d) => {
        cmd.raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: 'a', kind: 'objection', text: 'c', now: 1 });
        cmd.withdrawObjection(d, 'o1', 2);
        cmd.acceptIntegration(d, 'o1', 'x', 3);
      },
      /already withdrawn/,
    ],
    ['[R19] a review date that is no date', (d) => setTerm(d, 'i1', { reviewDate: 'next year', measure: '' }), /Invalid term/],
    ['[R19] a term of an unknown item', (d) => setTerm(d, 'zz', { reviewDate: null, measure: '' }), /Unknown agenda item/],
    ['an evaluation rating of 6', (d) => cmd.addEvaluation(d, 'a', { ratings: { clarity: 6 }, comment: '' }), /Invalid evaluation/],
    ['a note under an unknown key', (d) => cmd.writeNote(d, 'zz', 'x'), /Unknown agenda item/],
    ['a log event of unknown type', (d) => cmd.appendLog(d, [{ type: 'party' } as never]), /Invalid log event 0/],
  ];
  it.each(cases)('%s', (_name, run, message) => {
    const doc = meeting();
    let error: unknown;
    try {
      run(doc);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    expect(readMeeting(doc).ignored).toEqual([]);
  });
});

describe('agenda', () => {
  const ids = (doc: Y.Doc) => read(doc).agenda.map((i) => i.id);
  function three(): Y.Doc {
    const doc = meeting();
    cmd.addAgendaItem(doc, { id: 'i2', title: 'Two', kind: 'report', ownerId: null, timeboxMin: 5 });
    cmd.addAgendaItem(doc, { id: 'i3', title: 'Three', kind: 'explore', ownerId: null, timeboxMin: 5 });
    return doc;
  }

  it.each([
    [0, ['i3', 'i1', 'i2']],
    [1, ['i1', 'i3', 'i2']],
    [2, ['i1', 'i2', 'i3']],
    [99, ['i1', 'i2', 'i3']],
    [-4, ['i3', 'i1', 'i2']],
  ] as const)('moveAgendaItem to %i keeps the item and its fields', (to, expected) => {
    const doc = three();
    cmd.updateAgendaItem(doc, 'i3', { timeboxMin: 7, ownerId: 'b' });
    cmd.moveAgendaItem(doc, 'i3', to);
    expect(ids(doc)).toEqual(expected);
    expect(read(doc).agenda.find((i) => i.id === 'i3')).toMatchObject({ timeboxMin: 7, ownerId: 'b', kind: 'explore' });
  });

  it('two concurrent moves of one item leave one item after readMeeting, and report the copy', () => {
    const a = three();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    cmd.moveAgendaItem(a, 'i3', 0);
    cmd.moveAgendaItem(b, 'i1', 2);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(ids(a)).toEqual(ids(b));
    expect(ids(a).sort()).toEqual(['i1', 'i2', 'i3']);
  });

  it('removeAgendaItem removes every copy and clears the active item', () => {
    const doc = three();
    agenda(doc).push([agenda(doc).get(0).clone()]);
    cmd.setActiveItem(doc, 'i1');
    cmd.removeAgendaItem(doc, 'i1');
    expect(ids(doc)).toEqual(['i2', 'i3']);
    expect(read(doc).meta.activeItemId).toBeNull();
    cmd.setActiveItem(doc, 'i2');
    cmd.removeAgendaItem(doc, 'i3');
    expect(read(doc).meta.activeItemId).toBe('i2');
  });

  it('recordDecision moves the item to decided and leaves its term as consented', () => {
    const doc = meeting();
    setTerm(doc, 'i1', { reviewDate: '2027-03-01', measure: 'Tea by nine' });
    cmd.recordDecision(doc, 'i1');
    expect(read(doc).agenda[0]).toMatchObject({ stage: 'decided', reviewDate: null });
    expect(read(doc).terms).toEqual({ i1: { reviewDate: '2027-03-01', measure: 'Tea by nine' } });
  });

  it('[C11] setTerm changes the revision; writing the same term again writes nothing', () => {
    const doc = meeting();
    const bare = proposalRevision(doc, 'i1');
    setTerm(doc, 'i1', { reviewDate: null, measure: '' });
    expect(proposalRevision(doc, 'i1')).toBe(bare);
    setTerm(doc, 'i1', { reviewDate: '2027-03-01', measure: '' });
    const dated = proposalRevision(doc, 'i1');
    expect(dated).not.toBe(bare);
    let updates = 0;
    doc.on('update', () => updates++);
    setTerm(doc, 'i1', { reviewDate: '2027-03-01', measure: '' });
    expect(updates).toBe(0);
    setTerm(doc, 'i1', { reviewDate: '2027-03-01', measure: 'Tea by nine' });
    expect(proposalRevision(doc, 'i1')).not.toBe(dated);
    expect(read(doc).proposals.i1!.revision).toBe(proposalRevision(doc, 'i1'));
  });
});

describe('rounds', () => {
  it('[C15] openRound numbers rounds per key, from the previous round of any kind', () => {
    const doc = meeting();
    cmd.openRound(doc, 'opening', { kind: 'opening', order: ['f', 'a'], now: 5 });
    expect(read(doc).rounds.opening).toEqual({ kind: 'opening', number: 1, order: ['f', 'a'], speaker: 'f', openedAt: 5 });
    cmd.openRound(doc, 'i1', { kind: 'react', order: [], now: 6 });
    expect(read(doc).rounds.i1).toEqual({ kind: 'react', number: 2, order: [], speaker: null, openedAt: 6 });
    cmd.openRound(doc, 'i1', { kind: 'consent', order: ['a'], now: 7 });
    expect(read(doc).rounds.i1?.number).toBe(3);
  });

  it('passSpeaker moves the floor and adds a late speaker to the order; closeRound ends it', () => {
    const doc = meeting();
    cmd.passSpeaker(doc, 'i1', 'b');
    expect(read(doc).rounds.i1).toMatchObject({ speaker: 'b', order: ['a', 'b', 'f'] });
    cmd.passSpeaker(doc, 'i1', 'g');
    expect(read(doc).rounds.i1).toMatchObject({ speaker: 'g', order: ['a', 'b', 'f', 'g'] });
    cmd.passSpeaker(doc, 'i1', null);
    expect(read(doc).rounds.i1?.speaker).toBeNull();
    cmd.passSpeaker(doc, 'i1', 'a');
    cmd.closeRound(doc, 'i1', 2000);
    expect(read(doc).rounds.i1).toMatchObject({ speaker: null, closedAt: 2000, number: 1 });
  });

  it('a garbage round entry restarts the numbering at 1', () => {
    const doc = meeting();
    rounds(doc).set('opening', { number: 'x' });
    cmd.openRound(doc, 'opening', { kind: 'opening', order: [], now: 1 });
    expect(read(doc).rounds.opening?.number).toBe(1);
  });
});

describe('positions and objections', () => {
  it('[C12] givePosition stamps the current round and revision read from the document', () => {
    const doc = meeting();
    cmd.givePosition(doc, 'i1', 'a', 'concern', 1200);
    expect(read(doc).positions['i1/a']).toEqual({ position: 'concern', round: 1, revision: proposalRevision(doc, 'i1'), at: 1200 });
  });

  it('[C11] a proposal edit makes earlier positions stale', () => {
    const doc = meeting();
    for (const p of ['a', 'b', 'f']) cmd.givePosition(doc, 'i1', p, 'consent', 1200);
    expect(deriveConsent(read(doc), 'i1').state).toBe('consented');
    editProposal(doc);
    expect(deriveConsent(read(doc), 'i1')).toMatchObject({ state: 'collecting', stale: ['a', 'b', 'f'] });
  });

  it('[C15] a new consent round makes earlier positions stale', () => {
    const doc = meeting();
    for (const p of ['a', 'b', 'f']) cmd.givePosition(doc, 'i1', p, 'consent', 1200);
    cmd.openRound(doc, 'i1', { kind: 'consent', order: [], now: 1300 });
    cmd.givePosition(doc, 'i1', 'a', 'consent', 1400);
    expect(deriveConsent(read(doc), 'i1')).toMatchObject({ state: 'collecting', round: 2, consented: ['a'], stale: ['b', 'f'] });
  });

  it('[C12] raiseObjection stores an open card on the current revision', () => {
    const doc = meeting();
    cmd.raiseObjection(doc, { id: 'o1', itemId: 'i1', authorId: 'b', kind: 'objection', text: 'Too dear', now: 1500 });
    expect(read(doc).objections.o1).toEqual({
      itemId: 'i1',
      authorId: 'b',
      kind: 'objection',
      text: 'Too dear',
      status: 'open',
      revision: proposalRevision(doc, 'i1'),
      createdAt: 1500,
    });
  });

  it('[C13] acceptIntegration and withdrawObjection close the card with when and how', () => {
    const doc = meeting();
    cmd.raiseObjection(doc, { id: 'o1', itemId: 'i1', authorId: 'b', kind: 'objection', text: 'Too dear', now: 1 });
    cmd.raiseObjection(doc, { id: 'o2', itemId: 'i1', authorId: 'a', kind: 'objection', text: 'Too big', now: 2 });
    cmd.acceptIntegration(doc, 'o1', 'a cheaper kettle', 3);
    cmd.withdrawObjection(doc, 'o2', 4);
    expect(read(doc).objections.o1).toMatchObject({ status: 'integrated', resolvedAt: 3, resolution: 'a cheaper kettle' });
    expect(read(doc).objections.o2).toMatchObject({ status: 'withdrawn', resolvedAt: 4 });
    expect(read(doc).objections.o2?.resolution).toBeUndefined();
  });
});

describe('entries rewritten whole', () => {
  it('keep the fields a newer client added beyond the schema', () => {
    const doc = meeting();
    participants(doc).set('a', { name: 'Ana', role: 'member', present: true, joinedAt: 1001, pronouns: 'she' });
    cmd.setPresent(doc, 'a', false);
    expect(participants(doc).get('a')).toEqual({ name: 'Ana', role: 'member', present: false, joinedAt: 1001, pronouns: 'she' });
    cmd.raiseObjection(doc, { id: 'o1', itemId: 'i1', authorId: 'a', kind: 'objection', text: 'No', now: 1 });
    objections(doc).set('o1', { ...(objections(doc).get('o1') as object), tags: ['cost'] });
    cmd.acceptIntegration(doc, 'o1', 'cheaper', 2);
    expect(objections(doc).get('o1')).toMatchObject({ status: 'integrated', resolution: 'cheaper', tags: ['cost'] });
    rounds(doc).set('i1', { ...(rounds(doc).get('i1') as object), timer: 60 });
    cmd.closeRound(doc, 'i1', 3);
    expect(rounds(doc).get('i1')).toMatchObject({ closedAt: 3, timer: 60 });
  });

  it('[C13] an integration needs a resolution within bounds', () => {
    const doc = meeting();
    cmd.raiseObjection(doc, { id: 'o1', itemId: 'i1', authorId: 'a', kind: 'objection', text: 'No', now: 1 });
    expect(() => cmd.acceptIntegration(doc, 'o1', 'x'.repeat(5001), 2)).toThrow(/Invalid resolution/);
  });
});

describe('writeNote', () => {
  const cases: [string, string][] = [
    ['abc', 'abXc'],
    ['hello world', 'hello'],
    ['', 'new'],
    ['old', ''],
    ['same', 'same'],
    ['a😀b', 'a😁b'],
    ['😀x', '😁x'],
    ['x😀', 'y😀'],
    ['aaa', 'aaaa'],
  ];
  it.each(cases)('turns %j into %j', (from, to) => {
    const doc = meeting();
    cmd.writeNote(doc, 'opening', from);
    cmd.writeNote(doc, 'opening', to);
    expect(read(doc).notes.opening).toBe(to);
  });

  it('edits only the changed part, so concurrent edits of a note both survive, in both orders', () => {
    const base = meeting();
    cmd.writeNote(base, 'i1', 'first line\nsecond line');
    const results = [false, true].map((reverse) => {
      const a = new Y.Doc();
      const b = new Y.Doc();
      a.clientID = 1;
      b.clientID = 2;
      Y.applyUpdate(a, Y.encodeStateAsUpdate(base));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(base));
      cmd.writeNote(a, 'i1', 'first line!\nsecond line');
      cmd.writeNote(b, 'i1', 'first line\nsecond line, amended');
      const [x, y] = reverse ? [b, a] : [a, b];
      Y.applyUpdate(x, Y.encodeStateAsUpdate(y));
      Y.applyUpdate(y, Y.encodeStateAsUpdate(x));
      expect(read(x).notes.i1).toBe(read(y).notes.i1);
      return read(x).notes.i1;
    });
    expect(results).toEqual(['first line!\nsecond line, amended', 'first line!\nsecond line, amended']);
  });

  it('replaces a note that a peer stored as something else than text', () => {
    const doc = meeting();
    notes(doc).set('closing', 42 as unknown as Y.Text);
    cmd.writeNote(doc, 'closing', 'fine');
    expect(read(doc).notes.closing).toBe('fine');
  });
});
