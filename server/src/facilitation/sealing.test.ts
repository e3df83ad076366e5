// [V1–V7] Positions revealed together, over real websockets, HTTP and SQLite:
// before the reveal no other client reads a position from the document, the
// awareness or the API; the reveal writes them all in one update; the sealed
// answers survive a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addAgendaItem, givePosition, movePhase, moveStage, openRound, positions, readMeeting, type LogEvent } from '@consent/shared';
import {
  api,
  connectPeer,
  createMeeting,
  join,
  removeDir,
  startTestServer,
  synced,
  waitFor,
  writeOnce,
  writeParagraph,
  type Meeting,
  type Peer,
  type TestServer,
} from '../testing/harness.ts';

let s: TestServer;
let m: Meeting;
const who: Record<string, { id: string; token: string }> = {};
const peers: Peer[] = [];
const NOW = 1_800_000_000_000;
const SECRET_A = 'Ann-objects-because-the-kettle-is-loud';
const SECRET_B = 'Ben-worries-about-the-cost';

const as = (name: string, write: (d: Y.Doc) => void) => writeOnce(s.wsBase, m.meetingId, who[name]!.token, write);
const path = (rest: string) => `/api/meetings/${m.meetingId}/${rest}`;
const sealPosition = (name: string, b: unknown, itemId = 'i1') =>
  api(s.url, 'POST', path(`items/${itemId}/sealed-position`), b, who[name]!.token);
const snap = (p: Peer) => readMeeting(p.doc).meeting;

async function setUp(): Promise<void> {
  s = await startTestServer();
  m = await createMeeting(s.url, 'Garden circle', 'Fran');
  who.fran = { id: m.participantId, token: m.token };
  for (const name of ['ann', 'ben', 'cleo']) who[name] = { id: '', token: '' };
  for (const name of ['ann', 'ben', 'cleo'] as const) {
    const j = await join(s.url, m, name[0]!.toUpperCase() + name.slice(1));
    who[name] = { id: j.participantId, token: j.token };
  }
  const olga = await join(s.url, m, 'Olga', 'observer');
  who.olga = { id: olga.participantId, token: olga.token };
  for (const to of ['opening', 'agenda', 'items'] as const) expect(await as('fran', (d) => movePhase(d, to))).toBeNull();
  expect(
    await as('fran', (d) => addAgendaItem(d, { id: 'i1', title: 'Buy a kettle', kind: 'consent', ownerId: null, timeboxMin: 10 })),
  ).toBeNull();
  expect(await as('fran', (d) => writeParagraph(d, 'i1', 'We buy a quiet kettle.'))).toBeNull();
  for (const to of ['present', 'clarify', 'react', 'consent'] as const) expect(await as('fran', (d) => moveStage(d, 'i1', to))).toBeNull();
}

beforeAll(async () => {
  await setUp();
  expect(await as('fran', (d) => openRound(d, 'i1', { kind: 'consent', order: [who.fran!.id], now: NOW, reveal: 'together' }))).toBeNull();
  // every other client watches with the standard provider, awareness included
  for (const name of ['fran', 'cleo', 'olga']) {
    const p = connectPeer(s.wsBase, m.meetingId, who[name]!.token);
    p.provider.awareness.setLocalStateField('user', { id: who[name]!.id, name: name[0]!.toUpperCase() + name.slice(1), color: '#336699' });
    peers.push(p);
  }
  await Promise.all(peers.map(synced));
});
afterAll(async () => {
  for (const p of peers) p.destroy();
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('positions revealed together', () => {
  it('[V3] before the reveal, nobody else — not even the facilitator — reads a position from the document, the awareness or the API', async () => {
    expect((await sealPosition('ann', { position: 'object', reason: SECRET_A })).status).toBe(200);
    const ben = await sealPosition('ben', { position: 'concern', reason: SECRET_B });
    expect(ben.status).toBe(200);
    expect(ben.json).toMatchObject({ given: 2, eligible: 4, revealed: false, mine: { position: 'concern', reason: SECRET_B } });
    await waitFor(() => peers.every((p) => snap(p).sealed?.i1?.given.length === 2), 'the progress to reach every client');
    for (const p of peers) {
      const s1 = snap(p);
      // only who has given one, never what
      expect(s1.sealed?.i1).toEqual({ kind: 'position', round: 1, given: [who.ann!.id, who.ben!.id].sort() });
      expect(Object.keys(s1.positions)).toEqual([]);
      expect(Object.keys(s1.objections)).toEqual([]);
      const everything = JSON.stringify(p.doc.toJSON()) + JSON.stringify([...p.provider.awareness.getStates().values()]);
      for (const secret of [SECRET_A, SECRET_B, '"object"', '"concern"']) expect(everything).not.toContain(secret);
    }
    const answers = [
      await api(s.url, 'GET', path('minutes.json'), undefined, who.fran!.token),
      await api(s.url, 'GET', path('minutes.md'), undefined, who.fran!.token),
      await api(s.url, 'GET', path('minutes.html'), undefined, who.cleo!.token),
      await api(s.url, 'GET', path('items/i1/sealed'), undefined, who.fran!.token),
      await api(s.url, 'GET', path('items/i1/sealed'), undefined, who.cleo!.token),
    ];
    for (const a of answers) {
      expect(a.status).toBe(200);
      for (const secret of [SECRET_A, SECRET_B]) expect(a.text).not.toContain(secret);
    }
    expect(answers[3]!.json).toMatchObject({ given: 2, mine: null });
    // each member reads back their own answer, and only theirs
    expect((await api(s.url, 'GET', path('items/i1/sealed'), undefined, who.ann!.token)).json).toMatchObject({
      mine: { position: 'object', reason: SECRET_A },
    });
  });

  it('[V2] while sealed, a direct write of a position is refused, the facilitator’s too', async () => {
    expect(await as('cleo', (d) => givePosition(d, 'i1', who.cleo!.id, 'consent', NOW))).toMatchObject({ rule: 'V2' });
    expect(await as('fran', (d) => givePosition(d, 'i1', who.fran!.id, 'consent', NOW))).toMatchObject({ rule: 'V2' });
    expect(Object.keys(snap(peers[0]!).positions)).toEqual([]);
  });

  it('[V3] inputs are checked: a concern needs its reason, observers and unknown items are refused with sentences', async () => {
    expect(await sealPosition('cleo', { position: 'concern' })).toMatchObject({
      status: 400,
      json: { field: 'reason', error: expect.stringContaining('reason') },
    });
    expect(await sealPosition('cleo', { position: 'maybe' })).toMatchObject({ status: 400, json: { field: 'position' } });
    expect(await sealPosition('olga', { position: 'consent' })).toMatchObject({
      status: 403,
      json: { error: 'Only members give a position in this round.' },
    });
    expect(await sealPosition('cleo', { position: 'consent' }, 'nope')).toMatchObject({ status: 404 });
    expect((await api(s.url, 'POST', path('items/i1/reveal'), undefined, who.cleo!.token)).status).toBe(403);
  });

  it('[V4][V5] the last eligible answer reveals them all, in one update, logged', async () => {
    const counts: number[] = [];
    const watcher = peers[1]!;
    const onUpdate = () => counts.push([...positions(watcher.doc).keys()].filter((k) => k.startsWith('i1/')).length);
    watcher.doc.on('update', onUpdate);
    expect((await sealPosition('cleo', { position: 'consent' })).json).toMatchObject({ given: 3, revealed: false });
    const last = await sealPosition('fran', { position: 'consent' });
    expect(last.json).toMatchObject({ given: 4, revealed: true });
    await waitFor(() => counts.includes(4), 'the reveal to reach Cleo');
    watcher.doc.off('update', onUpdate);
    // no update ever held some of the positions and not the others
    expect(counts.filter((n) => n > 0 && n < 4)).toEqual([]);
    const after = snap(watcher);
    expect(after.positions[`i1/${who.ann!.id}`]).toMatchObject({ position: 'object', round: 1 });
    expect(
      Object.values(after.objections)
        .map((c) => [c.kind, c.text])
        .sort(),
    ).toEqual([
      ['concern', SECRET_B],
      ['objection', SECRET_A],
    ]);
    expect(after.log.filter((e: LogEvent) => e.type === 'reveal')).toMatchObject([
      { itemId: 'i1', kind: 'position', round: 1, count: 4, actorId: who.fran!.id },
    ]);
    expect(after.sealed?.i1?.revealedAt).toBeTypeOf('number');
    expect(await as('cleo', (d) => givePosition(d, 'i1', who.cleo!.id, 'concern', NOW))).toBeNull();
  });

  it('[V6] the facilitator reveals a new sealed round early: only the answers given so far appear', async () => {
    expect(
      await as('fran', (d) => openRound(d, 'i1', { kind: 'consent', order: [who.fran!.id], now: NOW, reveal: 'together' })),
    ).toBeNull();
    expect((await sealPosition('ben', { position: 'consent' })).json).toMatchObject({ round: 2, given: 1, revealed: false });
    const early = await api(s.url, 'POST', path('items/i1/reveal'), undefined, who.fran!.token);
    expect(early).toMatchObject({ status: 200, json: { revealed: true } });
    await waitFor(
      () => snap(peers[2]!).sealed?.i1?.revealedAt !== undefined && snap(peers[2]!).sealed?.i1?.round === 2,
      'the early reveal',
    );
    const p = snap(peers[2]!).positions;
    expect(p[`i1/${who.ben!.id}`]).toMatchObject({ position: 'consent', round: 2 });
    expect(p[`i1/${who.ann!.id}`]).toMatchObject({ round: 1 });
    expect((await sealPosition('ann', { position: 'consent' })).status).toBe(409);
  });
});

describe('sealed answers survive a restart', () => {
  it('[V3] an answer sealed before a restart is revealed after it', async () => {
    expect(
      await as('fran', (d) => openRound(d, 'i1', { kind: 'consent', order: [who.fran!.id], now: NOW, reveal: 'together' })),
    ).toBeNull();
    expect((await sealPosition('ann', { position: 'concern', reason: 'Still loud after the restart' })).status).toBe(200);
    for (const p of peers.splice(0)) p.destroy();
    const dataDir = s.dataDir;
    await s.close();
    s = await startTestServer({ dataDir });
    expect((await api(s.url, 'POST', path('items/i1/reveal'), undefined, who.fran!.token)).status).toBe(200);
    const p = connectPeer(s.wsBase, m.meetingId, who.cleo!.token);
    peers.push(p);
    await waitFor(() => snap(p).positions[`i1/${who.ann!.id}`]?.round === 3, 'the revealed answer');
    expect(Object.values(snap(p).objections).map((c) => c.text)).toContain('Still loud after the restart');
  });
});
