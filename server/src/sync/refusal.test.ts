// A refused write from the standard provider (no ack=1) under Node, end to end:
// the connection stays open, the sender is told through y-protocols' auth
// message, and its next allowed write lands, as an update or inside a
// reconnect's sync step 2 (rules P5, P7, P8). No refusal ever becomes a loop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  givePosition,
  movePhase,
  objections,
  openRound,
  participants,
  raiseObjection,
  readMeeting,
  setPresent,
} from '@consent/shared';
import {
  connectPeer,
  createMeeting,
  join,
  removeDir,
  startTestServer,
  synced,
  waitFor,
  writeParagraph,
  type Meeting,
  type Peer,
  type TestServer,
} from '../testing/harness.ts';

let s: TestServer;
let m: Meeting;
const ids = { fran: '', ann: '', ben: '', gil: '', olga: '' };
const tokens = { fran: '', ann: '', ben: '', gil: '', olga: '' };
type Who = keyof typeof tokens;
let watcher: Peer;
const NOW = 1_800_000_000_000;

/** The standard provider, without ack=1 (the harness counts its connections and permission-denied messages). */
const stock = (who: Who): Peer => connectPeer(s.wsBase, m.meetingId, tokens[who]);

/** A setup write with ack=1, waited for until durable and accepted. */
async function write(who: Who, change: (doc: Y.Doc) => void): Promise<void> {
  const p = connectPeer(s.wsBase, m.meetingId, tokens[who], { ack: true });
  try {
    await synced(p);
    change(p.doc);
    await waitFor(() => p.acks.at(-1) === 2, `${who}'s setup write`);
    expect(p.refusals).toEqual([]);
  } finally {
    p.destroy();
  }
}

const present = (doc: Y.Doc, id: string) => (participants(doc).get(id) as { present?: boolean } | undefined)?.present;

beforeAll(async () => {
  s = await startTestServer();
  m = await createMeeting(s.url, 'Garden circle', 'Fran');
  ids.fran = m.participantId;
  tokens.fran = m.token;
  for (const [who, role] of [
    ['ann', 'member'],
    ['ben', 'member'],
    ['gil', 'guest'],
    ['olga', 'observer'],
  ] as const) {
    const j = await join(s.url, m, who, role);
    ids[who] = j.participantId;
    tokens[who] = j.token;
  }
  await write('fran', (d) => addAgendaItem(d, { id: 'i1', title: 'Seeds', kind: 'consent', ownerId: ids.fran, timeboxMin: 10 }));
  // [C17] a consent round needs a proposal
  await write('fran', (d) => writeParagraph(d, 'i1', 'We buy seeds.'));
  await write('fran', (d) => openRound(d, 'i1', { kind: 'consent', order: [ids.fran, ids.ann, ids.ben], now: NOW }));
  await write('ben', (d) => givePosition(d, 'i1', ids.ben, 'consent', NOW));
  await write('ben', (d) =>
    raiseObjection(d, { id: 'o1', itemId: 'i1', authorId: ids.ben, kind: 'concern', text: 'Mind the budget', now: NOW }),
  );
  watcher = stock('olga');
  await synced(watcher);
});
afterAll(async () => {
  watcher?.destroy();
  await s?.close();
  if (s) removeDir(s.dataDir);
});

const KINDS = [
  {
    kind: 'the phase',
    rule: { fran: 'M2', other: 'R5' },
    write: (d: Y.Doc, who: Who) => movePhase(d, who === 'fran' ? 'closed' : 'opening'),
  },
  {
    kind: "someone else's position",
    rule: { fran: 'R10', other: 'R10' },
    write: (d: Y.Doc) => givePosition(d, 'i1', ids.ben, 'object', NOW),
  },
  { kind: "a deletion of someone else's card", rule: { fran: 'R16', other: 'R16' }, write: (d: Y.Doc) => objections(d).delete('o1') },
] as const;

/** What the watcher's copy must still show: none of the refused writes. */
function untouched(): void {
  const meeting = readMeeting(watcher.doc).meeting;
  expect(meeting.meta.phase).toBe('lobby');
  expect(meeting.positions[`i1/${ids.ben}`]?.position).toBe('consent');
  expect(meeting.objections.o1?.authorId).toBe(ids.ben);
}

describe('a refused write of the standard provider', () => {
  for (const who of ['fran', 'ann', 'gil'] as const) {
    const role = { fran: 'facilitator', ann: 'member', gil: 'guest' }[who];
    for (const { kind, rule, write: forbidden } of KINDS) {
      const expected = who === 'fran' ? rule.fran : rule.other;
      it(`[P5][P7][P8][${expected}] a ${role} writing ${kind} stays connected, and the next allowed writes land, as an update and in a step 2`, async () => {
        const p = stock(who);
        try {
          await synced(p);
          forbidden(p.doc, who);
          await waitFor(() => p.denied.length === 1, 'the permission-denied message');
          expect(p.denied[0]).toMatch(new RegExp(`^${expected}: `));

          // An allowed write as an update: at the watcher within a second, on the same connection.
          const before = present(watcher.doc, ids[who]);
          const sent = Date.now();
          setPresent(p.doc, ids[who], !before);
          await waitFor(() => present(watcher.doc, ids[who]) === !before, 'the allowed update at the watcher', 1000);
          expect(Date.now() - sent).toBeLessThan(1000);

          // Offline, then an allowed write that travels in the reconnect's step 2 with the whole delete set.
          p.provider.disconnect();
          setPresent(p.doc, ids[who], before === true);
          const again = Date.now();
          p.provider.connect();
          await waitFor(() => present(watcher.doc, ids[who]) === (before === true), 'the allowed step 2 at the watcher', 1000);
          expect(Date.now() - again).toBeLessThan(1000);
          await waitFor(() => p.provider.synced, 'resync');

          // One refusal, one message; the only reconnect is the one the test asked for.
          expect(p.denied).toHaveLength(1);
          expect(p.connections).toBe(2);
          expect(p.closes).toEqual([]);
          untouched();
        } finally {
          p.destroy();
        }
      });
    }
  }
});

describe('refused deletions across a restart', () => {
  it('[P8] are kept with the bindings: after a restart the step 2 that deletes them again still lands its allowed write', async () => {
    const first = await startTestServer();
    const dataDir = first.dataDir;
    let again: TestServer | null = null;
    const local = new Y.Doc();
    try {
      const meeting = await createMeeting(first.url);
      const ann = await join(first.url, meeting, 'Ann');
      const author = connectPeer(first.wsBase, meeting.meetingId, meeting.token, { ack: true });
      await synced(author);
      addAgendaItem(author.doc, { id: 'i0', title: 'Hours', kind: 'consent', ownerId: null, timeboxMin: 5 });
      raiseObjection(author.doc, {
        id: 'card',
        itemId: 'i0',
        authorId: meeting.participantId,
        kind: 'concern',
        text: 'Mind the hours',
        now: NOW,
      });
      await waitFor(() => author.acks.at(-1) === 3, 'the card');
      author.destroy();
      const a = connectPeer(first.wsBase, meeting.meetingId, ann.token, { doc: local });
      await synced(a);
      objections(local).delete('card');
      await waitFor(() => a.denied.length === 1, 'the refusal');
      a.provider.destroy();
      await first.close();

      again = await startTestServer({ dataDir });
      setPresent(local, ann.participantId, false);
      const b = connectPeer(again.wsBase, meeting.meetingId, ann.token, { doc: local });
      const w = connectPeer(again.wsBase, meeting.meetingId, meeting.token);
      await Promise.all([synced(b), synced(w)]);
      await waitFor(() => present(w.doc, ann.participantId) === false, "Ann's allowed write in her step 2");
      expect(b.denied).toEqual([]);
      expect(objections(w.doc).has('card')).toBe(true);
      b.provider.destroy();
      w.destroy();
    } finally {
      local.destroy();
      await again?.close();
      removeDir(dataDir);
    }
  });
});
