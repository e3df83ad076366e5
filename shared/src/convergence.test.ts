// [C14] Seeded convergence: 3–5 peers run random commands by random actors and
// exchange state diffs between random pairs in random orders; after a full
// sync every peer reads the same meeting and derives the same consent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as cmd from './commands.ts';
import { deriveConsent } from './consent.ts';
import { allowedMoves } from './moves.ts';
import { PHASES, STAGES, participants, positions, proposal } from './schema.ts';
import { readMeeting } from './snapshot.ts';

const ACTORS = ['f', 'a', 'b', 'f', 'a', 'b', 'c', 'g'] as const;
const ITEMS = ['i1', 'i2', 'i3'] as const;
const CARDS = ['o1', 'o2', 'o3'] as const;

type Op =
  | { t: 'sync'; from: number; to: number }
  | { t: 'position'; peer: number; item: string; actor: string; value: 'consent' | 'concern' | 'object' }
  | { t: 'raise'; peer: number; id: string; item: string; actor: string; kind: 'objection' | 'concern' }
  | { t: 'close'; peer: number; id: string; how: 'withdraw' | 'integrate' }
  | { t: 'round'; peer: number; item: string; kind: 'consent' | 'react' }
  | { t: 'speaker'; peer: number; item: string; actor: string | null }
  | { t: 'present'; peer: number; actor: string; present: boolean }
  | { t: 'edit'; peer: number; item: string; at: number; text: string; bold: boolean }
  | { t: 'cut'; peer: number; item: string; at: number; len: number }
  | { t: 'stage'; peer: number; item: string; to: (typeof STAGES)[number] }
  | { t: 'phase'; peer: number; to: (typeof PHASES)[number] }
  | { t: 'agenda'; peer: number; item: string; action: 'add' | 'remove' | 'move' | 'retitle'; to: number }
  | { t: 'note'; peer: number; key: string; text: string }
  | { t: 'garbage'; peer: number; key: string };

function arbOp(peers: number): fc.Arbitrary<Op> {
  const peer = fc.nat(peers - 1);
  const actor = fc.constantFrom(...ACTORS);
  const item = fc.constantFrom(...ITEMS);
  const id = fc.constantFrom(...CARDS);
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ t: fc.constant('sync' as const), from: peer, to: peer }) },
    {
      weight: 10,
      arbitrary: fc.record({
        t: fc.constant('position' as const),
        peer,
        item: fc.constantFrom('i1', 'i1', 'i2'),
        actor,
        value: fc.constantFrom('consent' as const, 'consent' as const, 'concern' as const, 'object' as const),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        t: fc.constant('raise' as const),
        peer,
        id,
        item,
        actor,
        kind: fc.constantFrom('objection' as const, 'concern' as const),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ t: fc.constant('close' as const), peer, id, how: fc.constantFrom('withdraw' as const, 'integrate' as const) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('round' as const),
        peer,
        item,
        kind: fc.constantFrom('consent' as const, 'consent' as const, 'react' as const),
      }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('speaker' as const), peer, item, actor: fc.option(actor, { nil: null }) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('present' as const), peer, actor, present: fc.boolean() }) },
    {
      weight: 2,
      arbitrary: fc.record({
        t: fc.constant('edit' as const),
        peer,
        item,
        at: fc.nat(40),
        text: fc.string({ minLength: 1, maxLength: 4 }),
        bold: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ t: fc.constant('cut' as const), peer, item, at: fc.nat(40), len: fc.integer({ min: 1, max: 5 }) }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('stage' as const), peer, item, to: fc.constantFrom(...STAGES) }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('phase' as const), peer, to: fc.constantFrom(...PHASES) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('agenda' as const),
        peer,
        item,
        action: fc.constantFrom('add' as const, 'remove' as const, 'move' as const, 'retitle' as const),
        to: fc.nat(3),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('note' as const),
        peer,
        key: fc.constantFrom('opening', 'i1'),
        text: fc.string({ maxLength: 8 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('garbage' as const), peer, key: fc.constantFrom('x', 'a') }) },
  );
}

/** The server's seed: facilitator f, members a b, observer c, guest g, items i1 (consent) and i2 (selection) in consent rounds. */
function seedDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1000;
  cmd.createMeeting(doc, { title: 'Fuzz', circle: 'C', aim: 'A', facilitatorId: 'f', facilitatorName: 'Fay', now: 0 });
  for (const [id, name, role] of [
    ['a', 'Ana', 'member'],
    ['b', 'Ben', 'member'],
    ['c', 'Cleo', 'observer'],
    ['g', 'Gus', 'guest'],
  ] as const) {
    cmd.addParticipant(doc, id, { name, role, now: 1 });
  }
  cmd.addAgendaItem(doc, { id: 'i1', title: 'One', kind: 'consent', ownerId: 'a', timeboxMin: 10 });
  cmd.addAgendaItem(doc, { id: 'i2', title: 'Two', kind: 'selection', ownerId: null, timeboxMin: 10 });
  proposal(doc, 'i1').insert(0, [new Y.XmlText('Proposal one')]);
  cmd.movePhase(doc, 'items');
  for (const item of ['i1', 'i2']) cmd.openRound(doc, item, { kind: 'consent', order: ['f', 'a', 'b', 'c'], now: 2 });
  return doc;
}

function textOf(doc: Y.Doc, item: string): Y.XmlText {
  const fragment = proposal(doc, item);
  const first = fragment.get(0);
  if (first instanceof Y.XmlText) return first;
  throw new Error('the proposal has no text yet');
}

function apply(docs: Y.Doc[], op: Op, now: number): void {
  if (op.t === 'sync') {
    const [from, to] = [docs[op.from]!, docs[op.to]!];
    Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    return;
  }
  const d = docs[op.peer]!;
  // a command whose precondition fails on this peer's copy throws; the peer just does not write
  try {
    switch (op.t) {
      case 'position':
        return cmd.givePosition(d, op.item, op.actor, op.value, now);
      case 'raise':
        return cmd.raiseObjection(d, { id: op.id, itemId: op.item, authorId: op.actor, kind: op.kind, text: `card ${op.id}`, now });
      case 'close':
        return op.how === 'withdraw' ? cmd.withdrawObjection(d, op.id, now) : cmd.acceptIntegration(d, op.id, 'amended', now);
      case 'round':
        return cmd.openRound(d, op.item, { kind: op.kind, order: ['f', 'a', 'b', 'c'], now });
      case 'speaker':
        return cmd.passSpeaker(d, op.item, op.actor);
      case 'present':
        return cmd.setPresent(d, op.actor, op.present);
      case 'edit': {
        const text = textOf(d, op.item);
        return d.transact(() => text.insert(Math.min(op.at, text.length), op.text, op.bold ? { bold: {} } : {}));
      }
      case 'cut': {
        const text = textOf(d, op.item);
        const at = Math.min(op.at, text.length);
        return text.delete(at, Math.min(op.len, text.length - at));
      }
      case 'stage':
        return cmd.moveStage(d, op.item, op.to);
      case 'phase':
        return cmd.movePhase(d, op.to);
      case 'agenda':
        if (op.action === 'add')
          return cmd.addAgendaItem(d, { id: op.item, title: op.item, kind: 'consent', ownerId: null, timeboxMin: 5 });
        if (op.action === 'remove') return cmd.removeAgendaItem(d, op.item);
        if (op.action === 'move') return cmd.moveAgendaItem(d, op.item, op.to);
        return cmd.updateAgendaItem(d, op.item, { title: `${op.item} (${now})` });
      case 'note':
        return cmd.writeNote(d, op.key, op.text);
      case 'garbage':
        return d.transact(() => {
          participants(d).set(op.key, { name: 42 });
          positions(d).set(`i1/${op.key}`, { position: 'maybe', round: now });
        });
    }
  } catch (error) {
    if (!(error instanceof Error) || /^(Unknown|No |Invalid|Round|Objection|Agenda item|the proposal)/.test(error.message) === false)
      throw error;
  }
}

function fullSync(docs: Y.Doc[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const from of docs)
      for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
  }
}

/** Runs one scenario and checks that every peer ends equal to the first. */
function converge(peerCount: number, ops: Op[]): void {
  const seed = Y.encodeStateAsUpdate(seedDoc());
  const docs = Array.from({ length: peerCount }, (_, i) => {
    const d = new Y.Doc();
    d.clientID = i + 1;
    Y.applyUpdate(d, seed);
    return d;
  });
  for (const [n, op] of ops.entries()) apply(docs, op, 10 + n);
  fullSync(docs);
  const [first, ...rest] = docs.map((d) => readMeeting(d));
  const consent = (r: NonNullable<typeof first>) => r.meeting.agenda.map((i) => deriveConsent(r.meeting, i.id));
  for (const other of rest) {
    expect(other).toEqual(first);
    expect(consent(other)).toEqual(consent(first!));
    expect(allowedMoves(other.meeting, 'f')).toEqual(allowedMoves(first!.meeting, 'f'));
  }
}

const arbScenario = fc
  .integer({ min: 3, max: 5 })
  .chain((peers) => fc.record({ peers: fc.constant(peers), ops: fc.array(arbOp(peers), { minLength: 20, maxLength: 70, size: 'max' }) }));

// Override to explore: CONVERGENCE_SEED=<n> CONVERGENCE_RUNS=<n> pnpm vitest run --project shared convergence
const env = (globalThis as { process?: { env: Record<string, string | undefined> } }).process?.env ?? {};
const SEED = Number(env.CONVERGENCE_SEED ?? 20261126);
const RUNS = Number(env.CONVERGENCE_RUNS ?? 150);

describe('convergence', () => {
  it(
    '[C14] every peer reads the same meeting and consent after random commands and partial syncs',
    () => {
      const result = fc.check(
        fc.property(arbScenario, ({ peers, ops }) => converge(peers, ops)),
        { seed: SEED, numRuns: RUNS },
      );
      if (result.failed) {
        const message = `Convergence failed: seed ${result.seed}, path "${result.counterexamplePath}". Pin this counterexample as a regression test:\n${JSON.stringify(result.counterexample)}`;
        throw new Error(`${message}\n${String(result.errorInstance)}`);
      }
      expect(result.numRuns).toBe(RUNS);
    },
    60_000 + RUNS * 100,
  );

  it('[C14] a scenario with every kind of write converges (a fixed walk through the ops)', () => {
    const ops: Op[] = [
      { t: 'round', peer: 0, item: 'i1', kind: 'consent' },
      { t: 'sync', from: 0, to: 1 },
      { t: 'sync', from: 0, to: 2 },
      { t: 'position', peer: 1, item: 'i1', actor: 'a', value: 'consent' },
      { t: 'edit', peer: 2, item: 'i1', at: 3, text: 'xy', bold: true },
      { t: 'position', peer: 2, item: 'i1', actor: 'b', value: 'object' },
      { t: 'raise', peer: 1, id: 'o1', item: 'i1', actor: 'b', kind: 'objection' },
      { t: 'raise', peer: 2, id: 'o1', item: 'i1', actor: 'c', kind: 'concern' },
      { t: 'sync', from: 1, to: 2 },
      { t: 'close', peer: 2, id: 'o1', how: 'integrate' },
      { t: 'cut', peer: 0, item: 'i1', at: 0, len: 3 },
      { t: 'speaker', peer: 0, item: 'i1', actor: 'b' },
      { t: 'present', peer: 1, actor: 'c', present: false },
      { t: 'stage', peer: 0, item: 'i1', to: 'consent' },
      { t: 'phase', peer: 1, to: 'closing' },
      { t: 'agenda', peer: 0, item: 'i3', action: 'add', to: 0 },
      { t: 'agenda', peer: 0, item: 'i3', action: 'move', to: 0 },
      { t: 'agenda', peer: 1, item: 'i2', action: 'move', to: 0 },
      { t: 'agenda', peer: 2, item: 'i2', action: 'retitle', to: 0 },
      { t: 'agenda', peer: 1, item: 'i1', action: 'remove', to: 0 },
      { t: 'note', peer: 0, key: 'opening', text: 'hi' },
      { t: 'note', peer: 2, key: 'opening', text: 'ho' },
      { t: 'garbage', peer: 2, key: 'x' },
    ];
    converge(3, ops);
  });
});
