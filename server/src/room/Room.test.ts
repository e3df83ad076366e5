// The room core without a network: in-memory sockets, a real SQLite file,
// and the write batcher's one-transaction-per-turn behaviour.
import { join as joinPath } from 'node:path';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE, MESSAGE, ORIGIN, SYNC, addParticipant, markRemoved, syncStep1, syncUpdate } from '@consent/shared';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { removeDir, tempDir, waitFor } from '../testing/harness.ts';
import { Connection, MAX_BUFFERED_BYTES, RateLimit, type SyncSocket } from './Connection.ts';
import { RoomManager } from './RoomManager.ts';
import type { WritePolicy } from './writeCheck.ts';

class MemorySocket implements SyncSocket {
  readonly sent: Uint8Array[] = [];
  readyState = 1;
  bufferedAmount = 0;
  closed: { code: number; reason: string } | null = null;
  send(data: Uint8Array): void {
    this.sent.push(data);
  }
  terminated = false;
  close(code: number, reason: string): void {
    this.closed = { code, reason };
    this.readyState = 2;
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
  }
  /** [type, sub-type] of each frame received. */
  kinds(): string[] {
    return this.sent.map((f) => {
      const d = decoding.createDecoder(f);
      const t = decoding.readVarUint(d);
      return t === MESSAGE.sync ? `sync${decoding.readVarUint(d)}` : String(t);
    });
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

let dir: string;
let storage: SqliteStorage;
let manager: RoomManager;
let nextId = 0;
const log = pino({ level: 'silent' });

/** Accepts every write: these tests are about the room, not the rights. */
const acceptAll: WritePolicy = {
  check: () => ({ ok: true, events: [], clients: [] }),
  neutralize: (u) => u,
  appendEvents: () => undefined,
};

function makeManager(policy: WritePolicy = acceptAll) {
  return new RoomManager({ storage, policy, graceMs: 10, compactEvery: 1000, maxFrameBytes: 1 << 20, log });
}

function connect(meetingId: string, role: 'member' | 'observer' = 'member', wantsAck = false) {
  const socket = new MemorySocket();
  const conn = new Connection(
    `t${++nextId}`,
    socket,
    { meetingId, participantId: `p${nextId}`, role },
    wantsAck,
    new RateLimit(1e6, Date.now()),
  );
  manager.connect(conn);
  return { socket, conn };
}

beforeEach(async () => {
  dir = tempDir();
  storage = new SqliteStorage(joinPath(dir, 'consent.db'));
  await storage.createMeeting({ id: 'm', createdAt: 0, codes: { member: 'i', guest: 'g', observer: 'o' } }, new Uint8Array([0, 0]));
  manager = makeManager();
});
afterEach(async () => {
  await manager.close();
  await storage.close();
  removeDir(dir);
});

function typing(n: number): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  for (let i = 0; i < n; i++) doc.getText('t').insert(i, 'x');
  return out;
}

describe('Room', () => {
  it('closes with 4403 a socket whose participant was removed while it was being admitted', async () => {
    const first = connect('m');
    const room = manager.room('m')!;
    await room.ready;
    // the removal's document write, as the server makes it; the sweep of open sockets has already run
    const late = new Connection(
      `t${++nextId}`,
      new MemorySocket(),
      { meetingId: 'm', participantId: 'gone', role: 'member' },
      false,
      new RateLimit(1e6, Date.now()),
    );
    await room.serverWrite((doc) => {
      addParticipant(doc, 'gone', { name: 'Gone', role: 'member', now: 1 }, ORIGIN.server);
      markRemoved(doc, 'gone', 5, ORIGIN.server);
    });
    manager.connect(late);
    const socket = late.socket as MemorySocket;
    expect(socket.closed).toEqual({ code: CLOSE.forbidden, reason: 'removed by the facilitator' });
    expect(socket.sent).toEqual([]);
    expect(first.socket.closed).toBeNull();
  });

  it('loads once for many simultaneous connections and answers no sync before the load', async () => {
    const clients = Array.from({ length: 20 }, () => connect('m'));
    for (const { conn } of clients) manager.receive(conn, syncStep1(new Uint8Array([0])));
    expect(clients.every(({ socket }) => socket.sent.length === 0)).toBe(true);
    await manager.room('m')!.ready;
    expect(manager.loads).toBe(1);
    for (const { socket } of clients) expect(socket.kinds()).toEqual([`sync${SYNC.step1}`, `sync${SYNC.step2}`]);
  });

  it('stores and relays all updates of one turn as one transaction and one frame, never echoing', async () => {
    const a = connect('m');
    const b = connect('m');
    const room = manager.room('m')!;
    await room.ready;
    const before = { tx: manager.writer.transactions, b: b.socket.sent.length, a: a.socket.sent.length };
    for (const u of typing(10)) manager.receive(a.conn, syncUpdate(u));
    await room.whenIdle();
    expect(manager.writer.transactions - before.tx).toBe(1);
    expect(b.socket.sent.length - before.b).toBe(1);
    expect(a.socket.sent.length - before.a).toBe(0);
    const replica = new Y.Doc();
    for (const u of b.socket.updates()) Y.applyUpdate(replica, u);
    expect(replica.getText('t').toString()).toBe('x'.repeat(10));
    expect((await storage.loadDoc('m')).logLength).toBe(1);
  });

  it('relays nothing before the write committed', async () => {
    const a = connect('m');
    const b = connect('m');
    await manager.room('m')!.ready;
    const seen = b.socket.sent.length;
    manager.receive(a.conn, syncUpdate(typing(1)[0]!));
    // A sync request in the same turn is answered after the commit as well.
    const c = connect('m');
    manager.receive(c.conn, syncStep1(new Uint8Array([0])));
    expect(b.socket.sent.length).toBe(seen);
    expect(c.socket.kinds()).toEqual([`sync${SYNC.step1}`]);
    await manager.room('m')!.whenIdle();
    expect(b.socket.sent.length).toBe(seen + 1);
    expect(c.socket.kinds()).toEqual([`sync${SYNC.step1}`, `sync${SYNC.update}`, `sync${SYNC.step2}`]);
  });

  it('refuses a write by applying a content-free placeholder and telling the sender', async () => {
    await manager.close();
    const placeholders: Uint8Array[] = [];
    manager = makeManager({
      check: () => ({ ok: false, rule: 'R-test', reason: 'not yours' }),
      neutralize: (u) => {
        placeholders.push(u);
        return new Uint8Array([0, 0]);
      },
      appendEvents: () => undefined,
    });
    const a = connect('m', 'member', true);
    const plain = connect('m');
    await manager.room('m')!.ready;
    manager.receive(a.conn, syncUpdate(typing(1)[0]!));
    manager.receive(plain.conn, syncUpdate(typing(1)[0]!));
    await manager.room('m')!.whenIdle();
    expect(placeholders).toHaveLength(2);
    expect(a.socket.kinds()).toContain(String(MESSAGE.refused));
    expect(a.socket.closed).toBeNull();
    // [P9] the standard provider is told with y-protocols' permission-denied message and stays connected
    expect(plain.socket.closed).toBeNull();
    expect(plain.socket.kinds()).toContain(String(MESSAGE.auth));
    expect(manager.room('m')!.doc.getText('t').length).toBe(0);
  });

  it('reloads the document when Yjs throws while integrating an update, so nothing of it stays, is stored or relayed', async () => {
    const a = connect('m');
    const b = connect('m');
    const room = manager.room('m')!;
    await room.ready;
    const seen = b.socket.sent.length;
    const docBefore = room.doc;
    // (C,0) 'a' into text t; (C,1) names (C,2), written after it, as its origin: Yjs integrates (C,0), then throws.
    const C = 777;
    const e = encoding.createEncoder();
    for (const n of [1, 3, C, 0]) encoding.writeVarUint(e, n);
    encoding.writeUint8(e, 4);
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, 't');
    encoding.writeVarString(e, 'a');
    for (const [origin, text] of [
      [2, 'b'],
      [0, 'c'],
    ] as const) {
      encoding.writeUint8(e, 0x80 | 4);
      encoding.writeVarUint(e, C);
      encoding.writeVarUint(e, origin);
      encoding.writeVarString(e, text);
    }
    encoding.writeVarUint(e, 0);
    manager.receive(a.conn, syncUpdate(encoding.toUint8Array(e)));
    expect(a.socket.closed?.code).toBe(CLOSE.malformed);
    await waitFor(() => room.state === 'ready', 'the reload');
    expect(room.doc).not.toBe(docBefore);
    expect(room.doc.getText('t').toString()).toBe('');
    expect(b.socket.sent.length).toBe(seen);
    // The room goes on: an honest write is stored and relayed.
    const c = connect('m');
    manager.receive(c.conn, syncUpdate(typing(1)[0]!));
    await room.whenIdle();
    expect(b.socket.updates().length).toBeGreaterThan(0);
    expect(room.doc.getText('t').toString()).toBe('x');
    const stored = new Y.Doc();
    for (const u of (await storage.loadDoc('m')).updates) Y.applyUpdate(stored, u);
    expect(stored.getText('t').toString()).toBe('x');
  });

  it('cuts off a client that does not read (over 16 MiB queued) with 1013, and relays on to the others', async () => {
    const a = connect('m');
    const slow = connect('m');
    const b = connect('m');
    await manager.room('m')!.ready;
    slow.socket.bufferedAmount = MAX_BUFFERED_BYTES + 1;
    const seen = b.socket.sent.length;
    manager.receive(a.conn, syncUpdate(typing(1)[0]!));
    await manager.room('m')!.whenIdle();
    expect(slow.socket.closed?.code).toBe(CLOSE.tryAgainLater);
    expect(slow.socket.terminated).toBe(true);
    expect(b.socket.sent.length).toBe(seen + 1);
  });

  it('holds at most 8 MiB of frames per connection while the meeting loads, in order', async () => {
    await manager.close();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const gated = Object.create(storage) as SqliteStorage;
    gated.loadDoc = async (id) => {
      await gate;
      return storage.loadDoc(id);
    };
    manager = new RoomManager({ storage: gated, policy: acceptAll, graceMs: 10, compactEvery: 1000, maxFrameBytes: 2 << 20, log });
    const flood = connect('m');
    const calm = connect('m');
    for (let i = 0; i < 9; i++) manager.receive(flood.conn, new Uint8Array(1 << 20));
    for (const u of typing(3)) manager.receive(calm.conn, syncUpdate(u));
    expect(flood.socket.closed?.code).toBe(CLOSE.tryAgainLater);
    release();
    await manager.room('m')!.ready;
    await manager.room('m')!.whenIdle();
    expect(manager.room('m')!.doc.getText('t').toString()).toBe('xxx');
    expect(calm.socket.closed).toBeNull();
  });

  it('encodes a large document once for clients that join with nothing, until it changes', async () => {
    const writer = connect('m');
    const room = manager.room('m')!;
    await room.ready;
    const big = new Y.Doc();
    big.getText('t').insert(0, 'y'.repeat(100_000));
    manager.receive(writer.conn, syncUpdate(Y.encodeStateAsUpdate(big)));
    await room.whenIdle();
    const stepTwo = (socket: MemorySocket) => socket.sent.find((f) => f[0] === MESSAGE.sync && f[1] === SYNC.step2)!;
    const joiners = [connect('m'), connect('m')];
    for (const j of joiners) manager.receive(j.conn, syncStep1(new Uint8Array([0])));
    expect(stepTwo(joiners[0]!.socket)).toBe(stepTwo(joiners[1]!.socket));
    manager.receive(writer.conn, syncUpdate(typing(1)[0]!));
    await room.whenIdle();
    const late = connect('m');
    manager.receive(late.conn, syncStep1(new Uint8Array([0])));
    const replica = new Y.Doc();
    Y.applyUpdate(replica, late.socket.updates()[0]!);
    expect(replica.getText('t').length).toBe(100_001);
  });

  it('unloads after the grace period with a final compaction, and loads again on the next join', async () => {
    const a = connect('m');
    const room = manager.room('m')!;
    await room.ready;
    for (const u of typing(5)) manager.receive(a.conn, syncUpdate(u));
    manager.disconnect(a.conn);
    await waitFor(() => manager.room('m') === undefined, 'unload');
    expect(room.state).toBe('closed');
    const stored = await storage.loadDoc('m');
    expect(stored.logLength).toBe(0);
    const b = connect('m');
    await manager.room('m')!.ready;
    expect(manager.loads).toBe(2);
    expect(manager.room('m')!.doc.getText('t').toString()).toBe('xxxxx');
    manager.disconnect(b.conn);
  });
});
