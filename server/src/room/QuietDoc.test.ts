// A quiet meeting's document sleeps as its encoded state and wakes on use,
// answering joiners meanwhile without waking; nothing is lost or re-stored.
import { join as joinPath } from 'node:path';
import * as decoding from 'lib0/decoding';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MESSAGE, ORIGIN, SYNC, addParticipant, participants, syncStep1, syncUpdate } from '@consent/shared';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { removeDir, tempDir, waitFor } from '../testing/harness.ts';
import { Connection, RateLimit, type SyncSocket } from './Connection.ts';
import { QuietDoc } from './QuietDoc.ts';
import { RoomManager } from './RoomManager.ts';
import type { WritePolicy } from './writeCheck.ts';

describe('QuietDoc', () => {
  it('sleeps only after a check with no use since the previous one, and only when everything is stored', () => {
    const q = new QuietDoc();
    const doc = new Y.Doc();
    addParticipant(doc, 'p1', { name: 'Ana', role: 'member', now: 1 }, ORIGIN.server);
    q.adopt(doc, () => undefined);
    // used since it was adopted
    q.check(true);
    expect(q.sleeping).toBe(false);
    // unused, but a write is not yet stored
    q.check(false);
    expect(q.sleeping).toBe(false);
    // used again meanwhile
    void q.doc;
    q.check(true);
    expect(q.sleeping).toBe(false);
    q.check(true);
    expect(q.sleeping).toBe(true);
  });

  it('answers the state vector, a diff, the whole state and a participant asleep as awake, and wakes with the same client id', () => {
    const q = new QuietDoc();
    const doc = new Y.Doc();
    addParticipant(doc, 'p1', { name: 'Ana', role: 'member', now: 1 }, ORIGIN.server);
    doc.getText('t').insert(0, 'hello');
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc));
    doc.getText('t').insert(5, ' world');
    let attached = 0;
    q.adopt(doc, () => attached++);
    const awake = { sv: q.stateVector(), diff: q.diff(Y.encodeStateVector(peer)), all: q.encode(), who: q.participant('p1') };
    const id = doc.clientID;
    q.check(true);
    q.check(true);
    expect(q.sleeping).toBe(true);
    expect(q.stateVector()).toEqual(awake.sv);
    const fromDiff = new Y.Doc();
    Y.applyUpdate(fromDiff, Y.encodeStateAsUpdate(peer));
    Y.applyUpdate(fromDiff, q.diff(Y.encodeStateVector(peer)));
    expect(fromDiff.getText('t').toString()).toBe('hello world');
    expect(Y.encodeStateAsUpdate(fromDiff)).toEqual(awake.all);
    expect(q.participant('p1')).toEqual(awake.who);
    expect(q.participant('nobody')).toEqual({ name: undefined, removed: false });
    expect(attached).toBe(1);
    const woken = q.doc;
    expect(q.sleeping).toBe(false);
    expect(attached).toBe(2);
    expect(woken.clientID).toBe(id);
    expect(participants(woken).get('p1')).toMatchObject({ name: 'Ana' });
    woken.getText('t').insert(11, '!');
    expect(woken.clientID).toBe(id);
    expect(woken.getText('t').toString()).toBe('hello world!');
  });
});

class MemorySocket implements SyncSocket {
  readonly sent: Uint8Array[] = [];
  readyState = 1;
  bufferedAmount = 0;
  send(data: Uint8Array): void {
    this.sent.push(data);
  }
  close(): void {
    this.readyState = 3;
  }
  updates(): Uint8Array[] {
    return this.sent.flatMap((f) => {
      const d = decoding.createDecoder(f);
      if (decoding.readVarUint(d) !== MESSAGE.sync) return [];
      const sub = decoding.readVarUint(d);
      return sub === SYNC.update || sub === SYNC.step2 ? [decoding.readVarUint8Array(d)] : [];
    });
  }
}

const acceptAll: WritePolicy = {
  check: () => ({ ok: true, events: [], clients: [] }),
  neutralize: (u) => u,
  appendEvents: () => undefined,
};
let dir: string;
let storage: SqliteStorage;
let manager: RoomManager;
let nextId = 0;

beforeEach(async () => {
  dir = tempDir();
  storage = new SqliteStorage(joinPath(dir, 'consent.db'));
  await storage.createMeeting({ id: 'm', createdAt: 0, codes: { member: 'i', guest: 'g', observer: 'o' } }, new Uint8Array([0, 0]));
  manager = new RoomManager({
    storage,
    policy: acceptAll,
    graceMs: 10,
    sleepMs: 5,
    compactEvery: 1000,
    maxFrameBytes: 1 << 20,
    log: pino({ level: 'silent' }),
  });
});
afterEach(async () => {
  await manager.close();
  await storage.close();
  removeDir(dir);
});

function connect() {
  const socket = new MemorySocket();
  const conn = new Connection(
    `t${++nextId}`,
    socket,
    { meetingId: 'm', participantId: `p${nextId}`, role: 'member' },
    false,
    new RateLimit(1e6, Date.now()),
  );
  manager.connect(conn);
  return { socket, conn };
}

describe('a quiet room', () => {
  it('sleeps with its clients connected, answers a joiner asleep, and on the next write applies, stores and relays it', async () => {
    const a = connect();
    const b = connect();
    const room = manager.room('m')!;
    await room.ready;
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    writer.on('update', (u: Uint8Array) => updates.push(u));
    writer.getText('t').insert(0, 'before sleep');
    for (const u of updates.splice(0)) manager.receive(a.conn, syncUpdate(u));
    await room.whenIdle();
    await waitFor(() => room.sleeping, 'the document asleep');

    const c = connect();
    manager.receive(c.conn, syncStep1(new Uint8Array([0])));
    await waitFor(() => c.socket.updates().length > 0, 'the joiner synced');
    const joined = new Y.Doc();
    for (const u of c.socket.updates()) Y.applyUpdate(joined, u);
    expect(joined.getText('t').toString()).toBe('before sleep');
    expect(room.sleeping).toBe(true);

    const relayedBefore = b.socket.updates().length;
    writer.getText('t').insert(12, ', after');
    for (const u of updates.splice(0)) manager.receive(a.conn, syncUpdate(u));
    expect(room.sleeping).toBe(false);
    await room.whenIdle();
    expect(b.socket.updates().length).toBe(relayedBefore + 1);
    const stored = await storage.loadDoc('m');
    const replica = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(replica, u);
    expect(replica.getText('t').toString()).toBe('before sleep, after');
  });
});
