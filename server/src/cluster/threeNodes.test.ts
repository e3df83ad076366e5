// Three nodes in this process on one real PostgreSQL, with stock y-websocket
// providers spread over them: one node owns the meeting, the others forward.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addAgendaItem, CLOSE, movePhase, readMeeting } from '@consent/shared';
import pg from 'pg';
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
import { testDatabase } from '../testing/pgTest.ts';

const TTL = 1500;
let url: string;
let nodes: TestServer[];
let peers: Peer[];

const startNode = (i: number) =>
  startTestServer({ databaseUrl: url, node: { id: `node-${i}`, address: undefined, leaseTtlMs: TTL }, roomGraceMs: 60_000 });

beforeEach(async () => {
  url = await testDatabase('three_nodes');
  nodes = [];
  for (let i = 0; i < 3; i++) nodes.push(await startNode(i));
  peers = [];
});
afterEach(async () => {
  for (const p of peers) p.destroy();
  for (const n of nodes) {
    await n.close();
    removeDir(n.dataDir);
  }
});

interface Health {
  leases: { held: number };
  forwardedConnections: number;
}
const health = async (n: TestServer) => (await api(n.url, 'GET', '/api/health')).json as unknown as Health;
const owners = async () => Promise.all(nodes.map(async (n) => (await health(n)).leases.held));
const text = (doc: Y.Doc) => JSON.stringify(readMeeting(doc).meeting.proposals.i1?.nodes ?? []);

async function meetingWithItem(at: TestServer): Promise<Meeting> {
  const m = await createMeeting(at.url, 'Garden circle', 'Fran');
  for (const to of ['opening', 'agenda', 'items'] as const)
    expect(await writeOnce(at.wsBase, m.meetingId, m.token, (d) => movePhase(d, to))).toBeNull();
  expect(
    await writeOnce(at.wsBase, m.meetingId, m.token, (d) =>
      addAgendaItem(d, { id: 'i1', title: 'Buy seeds', kind: 'consent', ownerId: m.participantId, timeboxMin: 20 }),
    ),
  ).toBeNull();
  return m;
}

describe('several nodes on one PostgreSQL', () => {
  it('[N34] providers on three nodes share one meeting: one node owns it, two forward to it', async () => {
    const m = await meetingWithItem(nodes[0]!);
    for (const n of nodes) peers.push(connectPeer(n.wsBase, m.meetingId, m.token, { ack: true }));
    await Promise.all(peers.map(synced));
    expect((await owners()).sort()).toEqual([0, 0, 1]);
    const forwarded = await Promise.all(nodes.map(async (n) => (await health(n)).forwardedConnections));
    expect(forwarded.reduce((a, b) => a + b, 0)).toBe(2);
    for (const [i, p] of peers.entries()) writeParagraph(p.doc, 'i1', `from node ${i}`);
    await waitFor(
      () => peers.every((p) => peers.every((q) => text(q.doc) === text(p.doc)) && text(p.doc).includes('from node 2')),
      'convergence',
    );
    for (let i = 0; i < 3; i++) expect(text(peers[0]!.doc)).toContain(`from node ${i}`);
    // every write was acknowledged, through the forwarding nodes too
    await waitFor(() => peers.every((p) => (p.acks.at(-1) ?? 0) >= 2), `acks ${JSON.stringify(peers.map((p) => p.acks))}`);
  });

  it('[N35] joining and reading the minutes at a node that does not own the meeting are served by the owner', async () => {
    const m = await meetingWithItem(nodes[0]!);
    const watcher = connectPeer(nodes[0]!.wsBase, m.meetingId, m.token);
    peers.push(watcher);
    await synced(watcher);
    const ownerIndex = (await owners()).indexOf(1);
    const other = nodes[(ownerIndex + 1) % 3]!;
    const joined = await join(other.url, m, 'Ann');
    await waitFor(() => readMeeting(watcher.doc).meeting.participants[joined.participantId]?.name === 'Ann', 'Ann seated');
    const minutes = await api(other.url, 'GET', `/api/meetings/${m.meetingId}/minutes.json`, undefined, m.token);
    expect(minutes.status).toBe(200);
    expect(JSON.stringify(minutes.json)).toContain('Ann');
    expect(await owners()).toEqual((await owners()).map((_, i) => (i === ownerIndex ? 1 : 0)));
  });

  it('[N7] a takeover behind the owner’s back: its next write is refused by the fence, its clients get 4010 and carry on elsewhere, nothing acknowledged is lost', async () => {
    const m = await meetingWithItem(nodes[0]!);
    for (const n of nodes) peers.push(connectPeer(n.wsBase, m.meetingId, m.token, { ack: true }));
    await Promise.all(peers.map(synced));
    writeParagraph(peers[1]!.doc, 'i1', 'before the takeover');
    await waitFor(() => (peers[1]!.acks.at(-1) ?? 0) >= 2, 'first write acknowledged');
    // another node took the lease meanwhile (as after a long pause): a new epoch, and already free again
    const db = new pg.Client(url);
    await db.connect();
    await db.query("UPDATE leases SET owner = 'elsewhere', epoch = epoch + 1, expires_at = now() WHERE meeting_id = $1", [m.meetingId]);
    writeParagraph(peers[2]!.doc, 'i1', 'after the takeover');
    await waitFor(() => peers.every((p) => p.closes.includes(CLOSE.moved)), 'every client told the meeting moved');
    await waitFor(() => peers.every((p) => text(p.doc).includes('after the takeover') && text(p.doc) === text(peers[0]!.doc)), 'resync');
    const log = await db.query<{ seq: string; epoch: string }>('SELECT seq, epoch FROM updates WHERE meeting_id = $1 ORDER BY seq', [
      m.meetingId,
    ]);
    await db.end();
    const seqs = log.rows.map((r) => Number(r.seq));
    const epochs = log.rows.map((r) => Number(r.epoch));
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
    expect(epochs.at(-1)).toBeGreaterThanOrEqual(3);
    expect(text(peers[0]!.doc)).toContain('before the takeover');
  });

  it('[N35] deleting a meeting at a node that does not own it closes every client with 4404 and erases it', async () => {
    const m = await meetingWithItem(nodes[0]!);
    for (const n of nodes) peers.push(connectPeer(n.wsBase, m.meetingId, m.token));
    await Promise.all(peers.map(synced));
    const ownerIndex = (await owners()).indexOf(1);
    const other = nodes[(ownerIndex + 2) % 3]!;
    const res = await api(other.url, 'DELETE', `/api/meetings/${m.meetingId}`, undefined, m.token);
    expect(res.status).toBe(204);
    await waitFor(() => peers.every((p) => p.closes.includes(CLOSE.notFound)), 'every client closed with 4404');
    for (const n of nodes)
      expect((await api(n.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: 'Ann', code: m.codes.member })).status).toBe(404);
  });

  it('[N33] the owner shutting down lets the meeting go at once: its clients and the forwarded ones carry on at another node', async () => {
    const m = await meetingWithItem(nodes[0]!);
    for (const n of nodes) peers.push(connectPeer(n.wsBase, m.meetingId, m.token, { ack: true }));
    await Promise.all(peers.map(synced));
    const ownerIndex = (await owners()).indexOf(1);
    await nodes[ownerIndex]!.close();
    const rest = nodes.filter((_, i) => i !== ownerIndex);
    const survivors = peers.filter((_, i) => i !== ownerIndex);
    await waitFor(async () => (await Promise.all(rest.map(health))).some((h) => h.leases.held === 1), 'a new owner', 5000);
    writeParagraph(survivors[0]!.doc, 'i1', 'after the shutdown');
    await waitFor(() => survivors.every((p) => text(p.doc).includes('after the shutdown')), 'the write on the other survivor');
    removeDir(nodes.splice(ownerIndex, 1, await startNode(ownerIndex))[0]!.dataDir);
  });
});
