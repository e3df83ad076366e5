import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import {
  addAgendaItem,
  closeRound,
  givePosition,
  setPresent,
  writeNote,
  moveAgendaItem,
  withdrawObjection,
  raiseObjection,
  movePhase,
  moveStage,
  openRound,
  passSpeaker,
  recordDecision,
} from './commands.ts';
import { checkUpdate, UPDATE_LIMITS } from './checkUpdate.ts';
import { readMeeting } from './snapshot.ts';
import { neutralizeUpdate } from './neutralize.ts';
import { agenda, meta, notes, positions, proposal, terms } from './schema.ts';
import { setTerm } from './term.ts';
import type { Actor } from './types.ts';
import { edit, ITEM1_TERM, meetingDoc, NOW, peerOf, updateFrom, writeParagraph } from './testing/meeting.ts';

const FRAN: Actor = { kind: 'participant', participantId: 'fran' };
const BEN: Actor = { kind: 'participant', participantId: 'ben' };

/** A meeting in the items phase with item1 in its consent round. */
function inConsent(): Y.Doc {
  const server = meetingDoc();
  for (const to of ['opening', 'agenda', 'items'] as const) movePhase(server, to);
  for (const to of ['present', 'clarify', 'react', 'consent'] as const) moveStage(server, 'item1', to);
  openRound(server, 'item1', { kind: 'consent', order: ['fran', 'ben', 'cleo'], now: NOW });
  return server;
}

function consentAll(server: Y.Doc): void {
  for (const id of ['fran', 'ben', 'cleo']) givePosition(server, 'item1', id, id === 'cleo' ? 'concern' : 'consent', NOW);
}

/** An update of one client with raw GC structs: [clock, length] runs, for hostile shapes. */
function rawUpdate(groups: { client: number; clock: number; lengths: number[] }[], clientCount = groups.length): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clientCount);
  for (const g of groups) {
    encoding.writeVarUint(e, g.lengths.length);
    encoding.writeVarUint(e, g.client);
    encoding.writeVarUint(e, g.clock);
    for (const len of g.lengths) {
      encoding.writeUint8(e, 0);
      encoding.writeVarUint(e, len);
    }
  }
  encoding.writeVarUint(e, 0);
  return encoding.toUint8Array(e);
}

describe('checkUpdate: protocol rules', () => {
  it('[P1] refuses a malformed update with the decoder’s message', () => {
    const result = checkUpdate(meetingDoc(), new Uint8Array([1, 1, 7, 0, 9]), BEN);
    expect(result).toMatchObject({ ok: false, rule: 'P1', reason: expect.stringMatching(/^malformed update: /) });
  });

  it('[P1] refuses an update listing one client twice', () => {
    const update = rawUpdate([
      { client: 7, clock: 0, lengths: [1] },
      { client: 8, clock: 0, lengths: [1] },
      { client: 7, clock: 1, lengths: [1] },
    ]);
    expect(checkUpdate(meetingDoc(), update, BEN)).toMatchObject({ ok: false, rule: 'P1', reason: /appears twice/ });
  });

  it('[P3] refuses an update above the byte limit before reading it', () => {
    const update = new Uint8Array(UPDATE_LIMITS.maxBytes + 1);
    expect(checkUpdate(meetingDoc(), update, BEN)).toMatchObject({ ok: false, rule: 'P3', reason: /bytes/ });
  });

  it('[P3] refuses a tiny update that declares millions of clients, without allocating for them', () => {
    const update = rawUpdate([{ client: 1, clock: 0, lengths: [1] }], 5_000_000);
    expect(update.byteLength).toBeLessThan(16);
    expect(checkUpdate(meetingDoc(), update, BEN)).toMatchObject({ ok: false, rule: 'P3', reason: /5000000 clients/ });
  });

  it('[P3] a lying struct count fails as malformed, reading only the bytes there are', () => {
    const e = encoding.createEncoder();
    for (const n of [1, 4_000_000_000, 1, 0]) encoding.writeVarUint(e, n);
    expect(checkUpdate(meetingDoc(), encoding.toUint8Array(e), BEN)).toMatchObject({ ok: false, rule: 'P1' });
  });

  it('[P3] refuses structs and deletions beyond the clock bound', () => {
    expect(checkUpdate(meetingDoc(), rawUpdate([{ client: 3, clock: 2 ** 33, lengths: [1] }]), BEN)).toMatchObject({
      ok: false,
      rule: 'P3',
      reason: /clock/,
    });
    const e = encoding.createEncoder();
    for (const n of [0, 1, 3, 1, 2 ** 40, 5]) encoding.writeVarUint(e, n);
    expect(checkUpdate(meetingDoc(), encoding.toUint8Array(e), BEN)).toMatchObject({ ok: false, rule: 'P3', reason: /deletion/ });
  });

  it('[P3] refuses more structs and delete ranges than the limits allow', () => {
    const limits = { ...UPDATE_LIMITS, maxStructs: 2, maxDeleteRanges: 0 };
    expect(checkUpdate(meetingDoc(), rawUpdate([{ client: 3, clock: 0, lengths: [1, 1, 1] }]), BEN, { limits })).toMatchObject({
      rule: 'P3',
      reason: /3 structs/,
    });
    const server = meetingDoc();
    const update = edit(server, (d) => meta(d).delete('aim'));
    expect(checkUpdate(server, update, FRAN, { limits })).toMatchObject({ rule: 'P3', reason: /ranges/ });
  });

  it('[P2] refuses an update whose parent the server does not have', () => {
    const server = meetingDoc();
    const a = peerOf(server);
    updateFrom(a, (d) => notes(d).set('extra', new Y.Text('Hi')));
    const typed = updateFrom(a, (d) => notes(d).get('extra')!.insert(2, '!'));
    expect(checkUpdate(server, typed, BEN)).toMatchObject({ ok: false, rule: 'P2' });
  });

  it('[P4] refuses a phase that is not a phase and a removed stage', () => {
    const server = inConsent();
    expect(
      checkUpdate(
        server,
        edit(server, (d) => meta(d).set('phase', 'party')),
        FRAN,
      ),
    ).toMatchObject({ ok: false, rule: 'P4', reason: /phase is one of/ });
    const removed = edit(server, (d) => (agenda(d).get(0) as Y.Map<unknown>).delete('stage'));
    expect(checkUpdate(server, removed, FRAN)).toMatchObject({ ok: false, rule: 'P4', reason: /stage is one of/ });
  });
});

describe('checkUpdate: moves', () => {
  it('[M2] logs an allowed phase move, refuses a skipped phase', () => {
    const server = meetingDoc();
    expect(
      checkUpdate(
        server,
        edit(server, (d) => movePhase(d, 'opening')),
        FRAN,
      ),
    ).toEqual({
      ok: true,
      events: [{ type: 'phase', from: 'lobby', to: 'opening' }],
      paths: [expect.objectContaining({ root: 'meta', key: 'phase' })],
      clients: [expect.any(Number)],
      update: expect.any(Uint8Array),
    });
    expect(
      checkUpdate(
        server,
        edit(server, (d) => movePhase(d, 'items')),
        FRAN,
      ),
    ).toMatchObject({ ok: false, rule: 'M2' });
  });

  it('[M4] refuses a stage move outside the items phase', () => {
    const server = meetingDoc();
    expect(
      checkUpdate(
        server,
        edit(server, (d) => moveStage(d, 'item1', 'present')),
        FRAN,
      ),
    ).toMatchObject({ ok: false, rule: 'M4' });
  });

  it('[M6] logs an allowed stage move, refuses a skipped stage', () => {
    const server = meetingDoc();
    for (const to of ['opening', 'agenda', 'items'] as const) movePhase(server, to);
    expect(
      checkUpdate(
        server,
        edit(server, (d) => moveStage(d, 'item1', 'present')),
        FRAN,
      ),
    ).toMatchObject({
      ok: true,
      events: [{ type: 'stage', itemId: 'item1', from: 'draft', to: 'present' }],
    });
    expect(
      checkUpdate(
        server,
        edit(server, (d) => moveStage(d, 'item1', 'consent')),
        FRAN,
      ),
    ).toMatchObject({ ok: false, rule: 'M6' });
  });

  it('[M6] a new agenda item starts at draft; a moved one keeps its stage', () => {
    const server = inConsent();
    const fresh = edit(server, (d) => {
      addAgendaItem(d, { id: 'item3', title: 'Rota', kind: 'consent', ownerId: null, timeboxMin: 5 });
      (agenda(d).get(2) as Y.Map<unknown>).set('stage', 'consent');
    });
    expect(checkUpdate(server, fresh, FRAN)).toMatchObject({ ok: false, rule: 'M6', reason: /starts at "draft"/ });
    expect(
      checkUpdate(
        server,
        edit(server, (d) => moveAgendaItem(d, 'item1', 1)),
        FRAN,
      ),
    ).toMatchObject({ ok: true, events: [] });
    const forged = edit(server, (d) => {
      moveAgendaItem(d, 'item1', 1);
      (agenda(d).get(1) as Y.Map<unknown>).set('stage', 'decided');
    });
    expect(checkUpdate(server, forged, FRAN)).toMatchObject({ ok: false, rule: 'M6', reason: /keeps its stage "consent"/ });
  });

  it('[M7] refuses decided before consent', () => {
    const server = inConsent();
    givePosition(server, 'item1', 'ben', 'consent', NOW);
    expect(
      checkUpdate(
        server,
        edit(server, (d) => recordDecision(d, 'item1')),
        FRAN,
      ),
    ).toMatchObject({ ok: false, rule: 'M7' });
  });

  it('[M7] logs the stage move and the decision once consented', () => {
    const server = inConsent();
    writeParagraph(server, 'item1', 'Second paragraph.');
    consentAll(server);
    const result = checkUpdate(
      server,
      edit(server, (d) => recordDecision(d, 'item1')),
      FRAN,
    );
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.events).toEqual([
      { type: 'stage', itemId: 'item1', from: 'consent', to: 'decided' },
      {
        type: 'decision',
        itemId: 'item1',
        text: 'We buy a kettle.\nSecond paragraph.',
        revision: expect.stringMatching(/^[0-9a-f]{16}$/),
        reviewDate: '2027-06-01',
        term: ITEM1_TERM,
        consented: ['ben', 'fran'],
        concerns: ['cleo'],
        record: expect.objectContaining({ state: 'consented', consented: ['ben', 'fran'], concerns: ['cleo'] }),
        cards: [],
      },
    ]);
  });

  it('[M13] a consent item without a review date in its term is not decided, even when consented', () => {
    const server = inConsent();
    server.transact(() => terms(server).delete('item1'));
    consentAll(server);
    expect(
      checkUpdate(
        server,
        edit(server, (d) => moveStage(d, 'item1', 'decided')),
        FRAN,
      ),
    ).toMatchObject({ ok: false, rule: 'M13', reason: /no review date/ });
  });

  it('[R17][R20] refuses a decision that sets the term in the same update', () => {
    const server = inConsent();
    consentAll(server);
    const update = edit(server, (d) => {
      setTerm(d, 'item1', { reviewDate: '2028-01-01', measure: '' });
      recordDecision(d, 'item1');
    });
    // a participant meets the consent round's lock first; even the server may not change what the decision rests on
    expect(checkUpdate(server, update, FRAN)).toMatchObject({ ok: false, rule: 'R20', reason: /terms\/item1/ });
    expect(checkUpdate(server, update, { kind: 'server' })).toMatchObject({ ok: false, rule: 'R17', reason: /terms\/item1/ });
  });

  it('[R17] refuses a decision that changes the proposal in the same update', () => {
    const server = inConsent();
    consentAll(server);
    const update = edit(server, (d) => {
      writeParagraph(d, 'item1', 'And a toaster.');
      recordDecision(d, 'item1');
    });
    expect(checkUpdate(server, update, FRAN)).toMatchObject({ ok: false, rule: 'R20', reason: /proposal\/item1/ });
    expect(checkUpdate(server, update, { kind: 'server' })).toMatchObject({ ok: false, rule: 'R17', reason: /proposal\/item1/ });
  });

  it('[R17] refuses a decision that changes positions, cards, the round or attendance in the same update', () => {
    const server = inConsent();
    consentAll(server);
    raiseObjection(server, { id: 'c1', itemId: 'item1', authorId: 'fran', kind: 'concern', text: 'Hm', now: NOW });
    const along: [string, (d: Y.Doc) => void][] = [
      ['positions/item1/fran', (d) => givePosition(d, 'item1', 'fran', 'object', NOW + 1)],
      ['objections/c1', (d) => withdrawObjection(d, 'c1', NOW + 1)],
      ['rounds/item1', (d) => openRound(d, 'item1', { kind: 'consent', order: ['fran'], now: NOW + 1 })],
      ['participants/gus', (d) => setPresent(d, 'gus', false)],
    ];
    for (const [path, change] of along) {
      const update = edit(server, (d) => {
        change(d);
        recordDecision(d, 'item1');
      });
      expect(checkUpdate(server, update, FRAN), path).toMatchObject({ ok: false, rule: 'R17' });
    }
    const unrelated = edit(server, (d) => {
      writeNote(d, 'item2', 'later');
      recordDecision(d, 'item1');
    });
    expect(checkUpdate(server, unrelated, FRAN)).toMatchObject({ ok: true });
  });

  it('[M1] a member’s phase write is refused by the rights first', () => {
    const server = meetingDoc();
    expect(
      checkUpdate(
        server,
        edit(server, (d) => movePhase(d, 'opening')),
        BEN,
      ),
    ).toMatchObject({ ok: false, rule: 'R5' });
  });

  it('[M1] the server’s own moves still follow the move table', () => {
    const server = meetingDoc();
    expect(
      checkUpdate(
        server,
        edit(server, (d) => movePhase(d, 'opening')),
        { kind: 'server' },
      ),
    ).toMatchObject({ ok: true });
    expect(
      checkUpdate(
        server,
        edit(server, (d) => movePhase(d, 'closed')),
        { kind: 'server' },
      ),
    ).toMatchObject({ ok: false, rule: 'M2' });
  });
});

describe('checkUpdate: client ids bound to participants', () => {
  it('[P6] refuses new structs under a client id bound to another participant, and neutralizes only the sender’s own', () => {
    const server = meetingDoc();
    const fran = peerOf(server);
    const ben = peerOf(server);
    const owners = new Map<number, string>([[fran.clientID, 'fran']]);
    const ownerOfClient = (c: number): string | undefined => owners.get(c);
    // Ben forges a struct under Fran's client id, next to one of his own
    const forged = new Y.Doc();
    forged.clientID = fran.clientID;
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(server));
    const mine = updateFrom(ben, (d) => writeNote(d, 'opening', 'hi'));
    const theirs = updateFrom(forged, (d) => writeNote(d, 'closing', 'bye'));
    const update = Y.mergeUpdates([mine, theirs]);
    expect(checkUpdate(server, update, BEN, { ownerOfClient })).toMatchObject({
      ok: false,
      rule: 'P6',
      reason: `client ${fran.clientID} writes for another participant`,
    });
    Y.applyUpdate(
      server,
      neutralizeUpdate(update, (c) => ownerOfClient(c) === undefined || ownerOfClient(c) === 'ben'),
    );
    // Fran's own next write still integrates: her clocks were not burnt
    const real = updateFrom(fran, (d) => writeNote(d, 'closing', 'Thanks all'));
    const result = checkUpdate(server, real, FRAN, { ownerOfClient });
    expect(result).toMatchObject({ ok: true, clients: [fran.clientID] });
    Y.applyUpdate(server, real);
    expect(notes(server).get('closing')!.toString()).toBe('Thanks all');
    expect(Y.getState(server.store, ben.clientID)).toBeGreaterThan(0);
  });

  it('[P6] accepts the sender’s own and unbound client ids and names them for binding', () => {
    const server = meetingDoc();
    const ben = peerOf(server);
    const update = updateFrom(ben, (d) => writeNote(d, 'opening', 'hi'));
    expect(checkUpdate(server, update, BEN, { ownerOfClient: () => undefined })).toMatchObject({ ok: true, clients: [ben.clientID] });
    expect(checkUpdate(server, update, BEN, { ownerOfClient: () => 'ben' })).toMatchObject({ ok: true });
  });
});

describe('checkUpdate: sync step 2 of a reconnecting peer', () => {
  it('[R3] passes for an observer when it carries only deletions the server has applied', () => {
    const server = meetingDoc();
    const ben = peerOf(server);
    const cut = updateFrom(ben, (d) => notes(d).get('opening')!.insert(0, 'typo'));
    Y.applyUpdate(server, cut);
    Y.applyUpdate(
      server,
      updateFrom(ben, (d) => notes(d).get('opening')!.delete(0, 4)),
    );
    const otto = peerOf(server);
    // y-protocols' step 2 is encodeStateAsUpdate: the missing structs and the whole delete set
    const step2 = Y.encodeStateAsUpdate(otto, Y.encodeStateVector(server));
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0);
    expect(checkUpdate(server, step2, { kind: 'participant', participantId: 'otto' })).toEqual({
      ok: true,
      events: [],
      paths: [],
      clients: [],
      update: step2,
    });
  });
});

describe('checkUpdate: round events', () => {
  it('logs an opened round and its first speaker, then speaker changes, then the close', () => {
    const server = meetingDoc();
    const open = edit(server, (d) => openRound(d, 'opening', { kind: 'opening', order: ['fran', 'ben'], now: NOW }));
    expect(checkUpdate(server, open, FRAN)).toMatchObject({
      ok: true,
      events: [
        { type: 'round', roundKey: 'opening', kind: 'opening', number: 1 },
        { type: 'speaker', roundKey: 'opening', speaker: 'fran' },
      ],
    });
    Y.applyUpdate(server, open);
    const pass = edit(server, (d) => passSpeaker(d, 'opening', 'ben'));
    expect(checkUpdate(server, pass, FRAN)).toMatchObject({ ok: true, events: [{ type: 'speaker', roundKey: 'opening', speaker: 'ben' }] });
    Y.applyUpdate(server, pass);
    const close = edit(server, (d) => closeRound(d, 'opening', NOW + 60_000));
    expect(checkUpdate(server, close, FRAN)).toMatchObject({
      ok: true,
      events: [
        { type: 'speaker', roundKey: 'opening', speaker: null },
        { type: 'roundClosed', roundKey: 'opening', kind: 'opening', number: 1 },
      ],
    });
    Y.applyUpdate(server, close);
    const again = edit(server, (d) => openRound(d, 'opening', { kind: 'opening', order: ['ben'], now: NOW + 70_000 }));
    expect(checkUpdate(server, again, FRAN)).toMatchObject({
      ok: true,
      events: [
        { type: 'round', number: 2 },
        { type: 'speaker', speaker: 'ben' },
      ],
    });
  });

  it('logs nothing for a round entry that fails its schema', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => d.getMap('rounds').set('opening', { kind: 'party' }));
    expect(checkUpdate(server, update, FRAN)).toEqual({
      ok: true,
      events: [],
      paths: [expect.objectContaining({ root: 'rounds' })],
      clients: [expect.any(Number)],
      update,
    });
  });

  it('logs nothing for ordinary writes: a keystroke passes with no events', () => {
    const server = meetingDoc();
    const update = edit(server, (d) => ((proposal(d, 'item1').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'x'));
    expect(checkUpdate(server, update, BEN)).toMatchObject({ ok: true, events: [] });
  });
});

/** Serves updates in order as the server does: applies what passes, neutralizes what is refused; returns the rules. */
function serve(server: Y.Doc, sent: [Actor, Uint8Array][]): (string | null)[] {
  return sent.map(([actor, update]) => {
    const result = checkUpdate(server, update, actor);
    Y.applyUpdate(server, result.ok ? update : neutralizeUpdate(update));
    return result.ok ? null : result.rule;
  });
}

describe('checkUpdate: concurrent writes in both delivery orders', () => {
  it('[R20] [C11] a term change racing the move to consent: before it, the round asks about the new term; after it, the change is refused', () => {
    const base = meetingDoc();
    for (const to of ['opening', 'agenda', 'items'] as const) movePhase(base, to);
    for (const to of ['present', 'clarify', 'react'] as const) moveStage(base, 'item1', to);
    const toConsent = edit(base, (d) => moveStage(d, 'item1', 'consent'));
    const term = edit(base, (d) => setTerm(d, 'item1', { reviewDate: '2026-12-01', measure: 'Fewer cold drinks' }));

    const first = new Y.Doc();
    Y.applyUpdate(first, Y.encodeStateAsUpdate(base));
    expect(
      serve(first, [
        [BEN, term],
        [FRAN, toConsent],
      ]),
    ).toEqual([null, null]);
    expect(readMeeting(first).meeting.terms?.item1).toEqual({ reviewDate: '2026-12-01', measure: 'Fewer cold drinks' });

    const second = new Y.Doc();
    Y.applyUpdate(second, Y.encodeStateAsUpdate(base));
    expect(
      serve(second, [
        [FRAN, toConsent],
        [BEN, term],
      ]),
    ).toEqual([null, 'R20']);
    expect(readMeeting(second).meeting.terms?.item1).toEqual(ITEM1_TERM);
  });

  it('[R20] [R12] an edit racing the decision: refused in both orders, and the decision stands on the text consented to', () => {
    const base = inConsent();
    consentAll(base);
    const decide = edit(base, (d) => recordDecision(d, 'item1'));
    const amend = edit(base, (d) => writeParagraph(d, 'item1', 'And a toaster.'));
    const term = edit(base, (d) => setTerm(d, 'item1', { reviewDate: '2026-12-01', measure: '' }));

    for (const change of [amend, term]) {
      const first = new Y.Doc();
      Y.applyUpdate(first, Y.encodeStateAsUpdate(base));
      expect(
        serve(first, [
          [FRAN, decide],
          [BEN, change],
        ]),
      ).toEqual([null, change === term ? 'R19' : 'R12']);

      const second = new Y.Doc();
      Y.applyUpdate(second, Y.encodeStateAsUpdate(base));
      // the text is steady during the consent round: the consent given still counts
      expect(
        serve(second, [
          [BEN, change],
          [FRAN, decide],
        ]),
      ).toEqual(['R20', null]);
    }
  });

  it('[M7] [R11] a withdrawal racing the decision: only withdraw-then-decide decides', () => {
    const base = inConsent();
    consentAll(base);
    raiseObjection(base, { id: 'o1', itemId: 'item1', authorId: 'ben', kind: 'objection', text: 'Wait', now: NOW });
    const withdraw = edit(base, (d) => withdrawObjection(d, 'o1', NOW + 1));
    const decide = edit(base, (d) => recordDecision(d, 'item1'));

    const first = new Y.Doc();
    Y.applyUpdate(first, Y.encodeStateAsUpdate(base));
    expect(
      serve(first, [
        [BEN, withdraw],
        [FRAN, decide],
      ]),
    ).toEqual([null, null]);

    const second = new Y.Doc();
    Y.applyUpdate(second, Y.encodeStateAsUpdate(base));
    expect(
      serve(second, [
        [FRAN, decide],
        [BEN, withdraw],
      ]),
    ).toEqual(['M7', null]);
  });

  it('[R10] a forged position is refused in either order with an honest one, and the honest one stands', () => {
    const base = inConsent();
    const honest = edit(base, (d) => givePosition(d, 'item1', 'cleo', 'object', NOW));
    const forged = edit(base, (d) => givePosition(d, 'item1', 'cleo', 'consent', NOW));
    const CLEO: Actor = { kind: 'participant', participantId: 'cleo' };
    for (const order of [
      [
        [CLEO, honest],
        [BEN, forged],
      ],
      [
        [BEN, forged],
        [CLEO, honest],
      ],
    ] as [Actor, Uint8Array][][]) {
      const server = new Y.Doc();
      Y.applyUpdate(server, Y.encodeStateAsUpdate(base));
      const rules = serve(server, order);
      expect(rules.filter((r) => r !== null)).toEqual(['R10']);
      expect(positions(server).get('item1/cleo')).toMatchObject({ position: 'object' });
    }
  });
});

describe('[P1] structs that lean on a later write of their own client', () => {
  /** One client's structs from `clock` on, written by `body`, and an empty delete set. */
  function handMade(client: number, clock: number, count: number, body: (e: encoding.Encoder) => void): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, count);
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, clock);
    body(e);
    encoding.writeVarUint(e, 0);
    return encoding.toUint8Array(e);
  }

  it('[P1] a struct whose origin comes later in the same update is refused before Yjs sees it', () => {
    const doc = meetingDoc();
    const update = handMade(777, 0, 3, (e) => {
      encoding.writeUint8(e, 7); // a type, parent by root name
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, 'proposal/item1');
      encoding.writeVarUint(e, 3); // XmlElement
      encoding.writeVarString(e, 'paragraph');
      encoding.writeUint8(e, 0x80 | 4); // text with an origin: (777, 2), written after it
      encoding.writeVarUint(e, 777);
      encoding.writeVarUint(e, 2);
      encoding.writeVarString(e, 'a');
      encoding.writeUint8(e, 0x80 | 4);
      encoding.writeVarUint(e, 777);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, 'b');
    });
    const result = checkUpdate(doc, update, BEN);
    expect(result).toMatchObject({ ok: false, rule: 'P1' });
    expect(!result.ok && result.reason).toMatch(/refers to 777:2, which is not before it/);
  });

  it('[P1] a struct whose parent is its own clock is refused', () => {
    const doc = meetingDoc();
    const update = handMade(778, 0, 1, (e) => {
      encoding.writeUint8(e, 4); // text, parent given as an item id: itself
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, 778);
      encoding.writeVarUint(e, 0);
      encoding.writeVarString(e, 'x');
    });
    expect(checkUpdate(doc, update, BEN)).toMatchObject({ ok: false, rule: 'P1' });
  });
});
