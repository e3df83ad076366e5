// Property: whatever a participant sends, an update checkUpdate accepts changes
// only what that participant may change — judged on the document after applying
// it, by a reference of the rights written independently of touchedPaths.
import * as Y from 'yjs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUpdate } from './checkUpdate.ts';
import { neutralizeUpdate } from './neutralize.ts';
import { evaluation, log, meta, notes, objections, participants, positions, proposal, rounds, agenda } from './schema.ts';
import { meetingDoc, NOW, peerOf } from './testing/meeting.ts';

const PEOPLE = ['fran', 'ben', 'cleo', 'gus', 'otto'] as const;
type Person = (typeof PEOPLE)[number];

/** One raw write, as a hostile or honest client could make it. */
type Op = { kind: string; who: Person; n: number };

function apply(d: Y.Doc, op: Op): void {
  const { who, n } = op;
  const text = notes(d).get('opening');
  const para = proposal(d, 'item1').get(0) as Y.XmlElement | undefined;
  const runs: Record<string, () => void> = {
    position: () => positions(d).set(`item1/${who}`, { position: n % 2 ? 'consent' : 'object', round: 1, revision: 'r', at: NOW }),
    positionDelete: () => positions(d).delete(`item1/${who}`),
    card: () =>
      objections(d).set(`o${n % 3}`, {
        itemId: 'item1',
        authorId: who,
        kind: 'objection',
        text: 't',
        status: (['open', 'withdrawn', 'integrated'] as const)[n % 3],
        revision: 'r',
        createdAt: NOW,
      }),
    cardDelete: () => objections(d).delete(`o${n % 3}`),
    present: () => participants(d).set(who, { ...(participants(d).get(who) as object), present: n % 2 === 0 }),
    rename: () => participants(d).set(who, { ...(participants(d).get(who) as object), name: `N${n}` }),
    participantDelete: () => participants(d).delete(who),
    meta: () => meta(d).set('title', `T${n}`),
    agendaTitle: () => agenda(d).length > 0 && (agenda(d).get(n % agenda(d).length) as Y.Map<unknown>).set('title', `A${n}`),
    agendaDelete: () => agenda(d).length > 0 && agenda(d).delete(n % agenda(d).length, 1),
    round: () => rounds(d).set('opening', { kind: 'opening', number: 1 + (n % 3), order: [who], speaker: who, openedAt: NOW }),
    note: () => text?.insert(Math.min(n, text.length), 'x'),
    noteCut: () => text && text.length > 0 && text.delete(0, 1),
    noteDelete: () => notes(d).delete('closing'),
    proposal: () => (para?.get(0) as Y.XmlText | undefined)?.insert(0, 'p'),
    proposalCut: () => para && proposal(d, 'item1').delete(0, 1),
    evaluation: () => evaluation(d).set(who, { ratings: { clarity: 1 + (n % 5) }, comment: '' }),
    evaluationDelete: () => evaluation(d).delete(who),
    log: () => log(d).push([{ type: 'phase', at: NOW, actorId: who, from: 'lobby', to: 'opening' }]),
    nested: () => positions(d).set(`item1/${who}`, new Y.Map()),
  };
  runs[op.kind]!();
}

const op = fc.record({
  kind: fc.constantFrom(
    'position',
    'positionDelete',
    'card',
    'cardDelete',
    'present',
    'rename',
    'participantDelete',
    'meta',
    'agendaTitle',
    'agendaDelete',
    'round',
    'note',
    'noteCut',
    'noteDelete',
    'proposal',
    'proposalCut',
    'evaluation',
    'evaluationDelete',
    'log',
    'nested',
  ),
  who: fc.constantFrom(...PEOPLE),
  n: fc.nat(20),
});

type Plain = Record<string, unknown>;
const json = (doc: Y.Doc) => ({
  meta: meta(doc).toJSON() as Plain,
  participants: participants(doc).toJSON() as Plain,
  agenda: JSON.stringify(agenda(doc).toJSON()),
  rounds: rounds(doc).toJSON() as Plain,
  positions: positions(doc).toJSON() as Plain,
  objections: objections(doc).toJSON() as Plain,
  evaluation: evaluation(doc).toJSON() as Plain,
  noteKeys: [...notes(doc).keys()].sort().join(),
  log: log(doc).length,
});

const changedKeys = (a: Plain, b: Plain): string[] =>
  [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));

/** The rights of DESIGN §5, restated on whole entries: why `actor` may not have made this change, or null. */
function forbidden(actor: Person, before: ReturnType<typeof json>, after: ReturnType<typeof json>): string | null {
  const facilitator = actor === 'fran';
  if (actor === 'otto' && JSON.stringify(before) !== JSON.stringify(after)) return 'an observer changed the document';
  if (after.log !== before.log) return 'the log changed';
  if (
    !facilitator &&
    (changedKeys(before.meta, after.meta).length > 0 ||
      before.agenda !== after.agenda ||
      changedKeys(before.rounds, after.rounds).length > 0)
  ) {
    return 'meta, agenda or rounds changed by a non-facilitator';
  }
  if (before.noteKeys.split(',').some((k) => !after.noteKeys.split(',').includes(k))) return 'a note was removed';
  for (const k of changedKeys(before.positions, after.positions)) if (!k.endsWith(`/${actor}`)) return `position ${k} changed`;
  for (const k of changedKeys(before.evaluation, after.evaluation)) if (k !== actor) return `evaluation ${k} changed`;
  for (const k of changedKeys(before.participants, after.participants)) {
    const [b, a] = [before.participants[k] as Plain | undefined, after.participants[k] as Plain | undefined];
    if (!b || !a) return `participant ${k} added or removed`;
    if (k !== actor && !facilitator) return `participant ${k} changed by another`;
    if (changedKeys(b, a).some((f) => f !== 'present')) return `participant ${k} changed beyond presence`;
  }
  for (const k of changedKeys(before.objections, after.objections)) {
    const [b, a] = [before.objections[k] as Plain | undefined, after.objections[k] as Plain | undefined];
    if (!a) return `card ${k} removed`;
    if (a.authorId !== actor) return `card ${k} written in another's name`;
    if (!b && a.status !== 'open') return `card ${k} created not open`;
    if (b && (b.authorId !== actor || changedKeys(b, a).some((f) => !['status', 'resolvedAt', 'resolution'].includes(f))))
      return `card ${k} rewritten`;
  }
  return null;
}

describe('checkUpdate property', () => {
  it('[R1–R16] an accepted update changes only what its author may change, peers stale or not', () => {
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(2), fc.array(op, { minLength: 1, maxLength: 3 }), fc.boolean()), { minLength: 1, maxLength: 12 }),
        (steps) => {
          const server = meetingDoc();
          const peers = [peerOf(server), peerOf(server), peerOf(server)];
          for (const [p, ops, sync] of steps) {
            const peer = peers[p]!;
            if (sync) Y.applyUpdate(peer, Y.encodeStateAsUpdate(server, Y.encodeStateVector(peer)));
            const actor = ops[0]!.who;
            const updates: Uint8Array[] = [];
            const grab = (u: Uint8Array): void => void updates.push(u);
            peer.on('update', grab);
            for (const o of ops) apply(peer, { ...o, who: actor });
            peer.off('update', grab);
            if (updates.length === 0) continue;
            const update = Y.mergeUpdates(updates);
            const before = json(server);
            const result = checkUpdate(server, update, { kind: 'participant', participantId: actor });
            Y.applyUpdate(server, result.ok ? update : neutralizeUpdate(update));
            seen[result.ok ? 'accepted' : 'refused']++;
            if (result.ok) expect(forbidden(actor, before, json(server)), `${actor}: ${ops.map((o) => o.kind).join('+')}`).toBeNull();
            else expect(json(server)).toEqual(before);
            expect((server.store as unknown as { pendingStructs: unknown }).pendingStructs).toBeNull();
          }
        },
      ),
      { numRuns: 150 },
    );
    // the run exercised both answers
    expect(seen.accepted).toBeGreaterThan(50);
    expect(seen.refused).toBeGreaterThan(50);
  });
});
