// The sync endpoint end to end: standard providers over loopback, a real
// SQLite file, restarts, concurrent joins, acks, limits and awareness rules.
import { join as joinPath } from 'node:path';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, MESSAGE, NOTE_KEY, notes } from '@consent/shared';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import type { Storage } from '../storage/Storage.ts';
import {
  connectPeer,
  connectRaw,
  createMeeting,
  join,
  removeDir,
  startTestServer,
  tempDir,
  synced,
  waitFor,
  type Peer,
  type TestServer,
  storedDoc,
} from '../testing/harness.ts';

const opening = (doc: Y.Doc) => notes(doc).get(NOTE_KEY.opening) as Y.Text;

let servers: TestServer[] = [];
let peers: Peer[] = [];
const dirs = new Set<string>();

async function server(overrides: Parameters<typeof startTestServer>[0] = {}, options: Parameters<typeof startTestServer>[1] = {}) {
  const s = await startTestServer(overrides, options);
  servers.push(s);
  dirs.add(s.dataDir);
  return s;
}
function peer(...args: Parameters<typeof connectPeer>): Peer {
  const p = connectPeer(...args);
  peers.push(p);
  return p;
}

afterEach(async () => {
  for (const p of peers) p.destroy();
  peers = [];
  for (const s of servers) await s.close();
  servers = [];
  for (const d of dirs) removeDir(d);
  dirs.clear();
});

async function storedText(dataDir: string, meetingId: string): Promise<string> {
  return opening(await storedDoc(dataDir, meetingId)).toString();
}

describe('sync', () => {
  it('three standard providers converge, and a late joiner gets everything', async () => {
    const s = await server();
    const m = await createMeeting(s.url);
    const tokens = [m.token, (await join(s.url, m, 'Ann')).token, (await join(s.url, m, 'Ben', 'guest')).token];
    const [a, b, c] = tokens.map((t) => peer(s.wsBase, m.meetingId, t));
    await Promise.all([a, b, c].map((p) => synced(p!)));
    for (const [i, p] of [a, b, c].entries()) {
      for (let k = 0; k < 20; k++) opening(p!.doc).insert(0, String(i));
    }
    const all = [a!, b!, c!];
    await waitFor(() => all.every((p) => opening(p.doc).length === 60), 'convergence');
    const text = opening(a!.doc).toString();
    expect(all.map((p) => opening(p.doc).toString())).toEqual([text, text, text]);

    const late = peer(s.wsBase, m.meetingId, tokens[1]!);
    await synced(late);
    expect(opening(late.doc).toString()).toBe(text);
    expect(late.doc.getMap('participants').size).toBe(3);
  });

  it('never echoes an update to its sender', async () => {
    const s = await server();
    const m = await createMeeting(s.url);
    const raw = connectRaw(s.wsBase, m.meetingId, m.token);
    await raw.opened;
    const other = peer(s.wsBase, m.meetingId, (await join(s.url, m, 'Ann')).token);
    await synced(other);
    await waitFor(() => raw.frames.length >= 1, 'server step 1');
    // A full copy of the meeting, so the update's parent exists.
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(other.doc));
    const before = Y.encodeStateVector(local);
    opening(local).insert(0, 'hello');
    const update = Y.encodeStateAsUpdate(local, before);
    const seen = raw.frames.length;
    raw.sendUpdate(update);
    await waitFor(() => opening(other.doc).toString() === 'hello', 'relay to the other peer');
    // One more round trip: the raw client asks for awareness, so anything sent before has arrived.
    raw.send(new Uint8Array([MESSAGE.queryAwareness]));
    await waitFor(() => raw.frames.length > seen, 'awareness answer');
    expect(raw.types().slice(seen)).toEqual([MESSAGE.awareness]);
    raw.close();
  });

  it('keeps every update across a graceful restart', async () => {
    const s = await server({ compactEvery: 7 });
    const m = await createMeeting(s.url);
    const a = peer(s.wsBase, m.meetingId, m.token, { ack: true });
    await synced(a);
    for (let k = 0; k < 50; k++) opening(a.doc).insert(k, 'x');
    // The count covers every step-2 and update frame: the reply to the server's step 1, then 50 updates.
    await waitFor(() => a.acks.at(-1) === 51, 'durable ack of all 50 updates');
    const text = opening(a.doc).toString();
    a.destroy();
    await s.close();
    servers = [];
    expect(await storedText(s.dataDir, m.meetingId)).toBe(text);

    const again = await server({ dataDir: s.dataDir });
    const b = peer(again.wsBase, m.meetingId, m.token);
    await synced(b);
    expect(opening(b.doc).toString()).toBe(text);
  });

  it('loads a meeting once when twenty clients join at the same moment, with nothing duplicated', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let loads = 0;
    const wrap = (inner: Storage): Storage => ({
      circles: inner.circles,
      createMeeting: (m, u) => inner.createMeeting(m, u),
      getMeeting: (id) => inner.getMeeting(id),
      setCodes: (id, codes) => inner.setCodes(id, codes),
      removeParticipant: (id, p, at) => inner.removeParticipant(id, p, at),
      removedAt: (id, p) => inner.removedAt(id, p),
      appendUpdates: (b, c) => inner.appendUpdates(b, c),
      compact: (id, snap, seq) => inner.compact(id, snap, seq),
      deleteMeeting: (id) => inner.deleteMeeting(id),
      setClosedAt: (id, at) => inner.setClosedAt(id, at),
      closedBefore: (t) => inner.closedBefore(t),
      sealAnswer: (a) => inner.sealAnswer(a),
      sealedAnswers: (id, item, round) => inner.sealedAnswers(id, item, round),
      close: () => inner.close(),
      async loadDoc(id) {
        loads += 1;
        await gate;
        return inner.loadDoc(id);
      },
    });
    const dataDir = tempDir();
    const s = await server({ dataDir }, { storage: wrap(new SqliteStorage(joinPath(dataDir, 'consent.db'))) });
    const m = await createMeeting(s.url);
    const clients = Array.from({ length: 20 }, () => peer(s.wsBase, m.meetingId, m.token));
    await waitFor(() => clients.every((c) => c.provider.wsconnected), 'twenty open sockets');
    expect(clients.some((c) => c.provider.synced)).toBe(false);
    release();
    await Promise.all(clients.map(synced));
    expect(loads).toBe(1);
    for (const c of clients) {
      expect(c.doc.getMap('participants').size).toBe(1);
      expect(c.doc.getArray('log').length).toBe(1);
      expect(Y.encodeStateVector(c.doc)).toEqual(Y.encodeStateVector(clients[0]!.doc));
    }
  });

  it('acknowledges durable updates to a client that opted in, and only to it', async () => {
    const s = await server();
    const m = await createMeeting(s.url);
    const a = peer(s.wsBase, m.meetingId, m.token, { ack: true });
    const b = peer(s.wsBase, m.meetingId, (await join(s.url, m, 'Ann')).token);
    await Promise.all([synced(a), synced(b)]);
    await waitFor(() => a.acks.at(-1) === 1, 'ack of the sync step 2');
    const base = 1;
    opening(a.doc).insert(0, 'abc');
    opening(a.doc).insert(3, 'def');
    await waitFor(() => a.acks.at(-1) === base + 2, 'ack of two more updates');
    expect(await storedText(s.dataDir, m.meetingId)).toBe('abcdef');
    expect(b.acks).toEqual([]);
  });

  it('[P1] closes an oversized frame with 1009 and a malformed one with 1007, leaving other clients alone', async () => {
    const s = await server({ maxFrameBytes: 4096 });
    const m = await createMeeting(s.url);
    const ok = peer(s.wsBase, m.meetingId, m.token);
    await synced(ok);
    const big = connectRaw(s.wsBase, m.meetingId, m.token);
    await big.opened;
    big.send(new Uint8Array(5000));
    await waitFor(() => big.closeCode !== null, 'close of the big sender');
    expect(big.closeCode).toBe(CLOSE.tooBig);

    for (const frame of [
      new Uint8Array([0, 2, 10, 1, 2]), // update shorter than its declared length
      new Uint8Array([0, 2, 3, 1, 200, 5]), // an undecodable update
      new Uint8Array([77]), // unknown message type
      new Uint8Array([1, 4, 1, 1, 1, 123]), // awareness with bad JSON
    ]) {
      const bad = connectRaw(s.wsBase, m.meetingId, m.token);
      await bad.opened;
      bad.send(frame);
      await waitFor(() => bad.closeCode !== null, 'close of the malformed sender');
      expect(bad.closeCode).toBe(CLOSE.malformed);
    }
    opening(ok.doc).insert(0, 'still here');
    const late = peer(s.wsBase, m.meetingId, m.token);
    await synced(late);
    await waitFor(() => opening(late.doc).toString() === 'still here', 'the healthy client still syncs');
    expect(ok.provider.wsconnected).toBe(true);
  });

  it('closes a client that floods messages with 1013, which the provider retries', async () => {
    const s = await server({ maxMessagesPerSecond: 5 });
    const m = await createMeeting(s.url);
    const raw = connectRaw(s.wsBase, m.meetingId, m.token);
    await raw.opened;
    for (let i = 0; i < 30; i++) raw.send(new Uint8Array([MESSAGE.queryAwareness]));
    await waitFor(() => raw.closeCode !== null, 'rate-limit close');
    expect(raw.closeCode).toBe(CLOSE.tryAgainLater);
  });

  it('relays awareness tied to identity and removes it when the socket closes', async () => {
    const s = await server();
    const m = await createMeeting(s.url, 'Retro', 'Fran');
    const ann = await join(s.url, m, 'Ann');
    const a = peer(s.wsBase, m.meetingId, m.token);
    const b = peer(s.wsBase, m.meetingId, ann.token);
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalState({ user: { id: m.participantId, name: 'Fran', color: '#f00' } });
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), 'own state relayed');
    // Claiming another participant's id, or another name, is dropped.
    b.provider.awareness.setLocalState({ user: { id: m.participantId, name: 'Fran', color: '#0f0' } });
    const forged = connectPeer(s.wsBase, m.meetingId, ann.token);
    peers.push(forged);
    forged.provider.awareness.setLocalState({ user: { id: ann.participantId, name: 'Not Ann' } });
    await synced(forged);
    const probe = peer(s.wsBase, m.meetingId, ann.token);
    await synced(probe);
    await waitFor(() => probe.provider.awareness.getStates().has(a.doc.clientID), 'probe sees Fran');
    expect(probe.provider.awareness.getStates().has(b.doc.clientID)).toBe(false);
    expect(probe.provider.awareness.getStates().has(forged.doc.clientID)).toBe(false);
    // Closing Fran's socket removes her state for everyone.
    a.provider.disconnect();
    await waitFor(() => !probe.provider.awareness.getStates().has(a.doc.clientID), 'state removed on close');
  });

  it('[R3][P9] refuses every document write of an observer: with ack=1 by `refused`, else by permission denied; both stay connected', async () => {
    const s = await server();
    const m = await createMeeting(s.url);
    const obs = await join(s.url, m, 'Olga', 'observer');
    const watcher = peer(s.wsBase, m.meetingId, m.token);
    const withAck = peer(s.wsBase, m.meetingId, obs.token, { ack: true });
    const plain = peer(s.wsBase, m.meetingId, obs.token);
    await Promise.all([watcher, withAck, plain].map(synced));
    opening(withAck.doc).insert(0, 'forged');
    await waitFor(() => withAck.refusals.length === 1, 'refusal message');
    expect(withAck.refusals[0]!.rule).toMatch(/\S/);
    opening(plain.doc).insert(0, 'also forged');
    await waitFor(() => plain.denied.length === 1, 'permission denied');
    expect(plain.denied[0]).toMatch(/^R3: /);
    // The refused text leaves the sender's copy too (the correction deletes it), and nobody was closed.
    await waitFor(() => !opening(plain.doc).toString().includes('also forged'), 'the correction');
    expect([withAck.closes, plain.closes]).toEqual([[], []]);
    // Writes after the refusal still flow for everyone else.
    opening(watcher.doc).insert(0, 'real');
    await waitFor(() => opening(withAck.doc).toString().includes('real'), 'later writes still arrive');
    expect(opening(watcher.doc).toString()).toBe('real');
    await s.close();
    servers = [];
    expect(await storedText(s.dataDir, m.meetingId)).toBe('real');
  });

  it('[P6] refuses a write under a client id bound to another participant, and the owner writes on', async () => {
    const s = await server();
    const m = await createMeeting(s.url);
    const ann = await join(s.url, m, 'Ann');
    const ben = await join(s.url, m, 'Ben');
    const a = peer(s.wsBase, m.meetingId, ann.token, { ack: true });
    await synced(a);
    opening(a.doc).insert(0, 'ann');
    await waitFor(() => a.acks.at(-1) === 2, "Ann's first write");
    // Ben copies Ann's state and writes on under her client id.
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(a.doc));
    forged.clientID = a.doc.clientID;
    const b = peer(s.wsBase, m.meetingId, ben.token, { ack: true, doc: forged });
    await synced(b);
    opening(forged).insert(0, 'ben as ann ');
    await waitFor(() => b.refusals.length === 1, 'refusal');
    expect(b.refusals[0]!.rule).toBe('P6');
    // Ann's next clocks were not burnt: her write arrives everywhere.
    opening(a.doc).insert(3, '!');
    const w = peer(s.wsBase, m.meetingId, m.token);
    await synced(w);
    await waitFor(() => opening(w.doc).toString() === 'ann!', "Ann's later write");
  });

  it('answers the upgrade with 401, 403 and 404 before any websocket byte', async () => {
    const s = await server();
    const m = await createMeeting(s.url);
    const other = await createMeeting(s.url);
    const status = (path: string) => {
      return new Promise<number>((resolve) => {
        const ws = new WebSocket(`${s.wsBase}${path}`);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(101));
        ws.on('error', () => undefined);
      });
    };
    expect(await status(`/${m.meetingId}`)).toBe(401);
    expect(await status(`/${m.meetingId}?token=nonsense`)).toBe(401);
    expect(await status(`/${m.meetingId}?token=${other.token}`)).toBe(403);
    expect(await status(`/unknown-meeting?token=${m.token}`)).toBe(404);
    expect(await status(`/${m.meetingId}?token=${m.token}`)).toBe(101);
  });
});
