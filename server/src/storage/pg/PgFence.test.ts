// Two nodes on one database, each with its own fenced PgStorage and the leases of PgLeases.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { testDatabase } from '../../testing/pgTest.ts';
import { FencedOut, type NodeInfo } from '../Leases.ts';
import type { MeetingRecord } from '../Storage.ts';
import { PgLeases } from './PgLeases.ts';
import { PgStorage } from './PgStorage.ts';

interface Node {
  info: NodeInfo;
  store: PgStorage;
  epochs: Map<string, number>;
  take(meetingId: string): Promise<number>;
}

const record = (id: string): MeetingRecord => ({ id, createdAt: 1, codes: { member: `a${id}`, guest: `b${id}`, observer: `c${id}` } });

let counter = 0;
/** One Yjs update of a fresh client (a unique client id each): its bytes identify it in the log. */
function edit(text = 'x'): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 1000 + ++counter;
  doc.getText('t').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
}
const holds = (updates: Uint8Array[], u: Uint8Array) => updates.some((x) => Buffer.compare(Buffer.from(x), Buffer.from(u)) === 0);

describe('PostgreSQL storage fenced by leases', () => {
  let url: string;
  let admin: pg.Pool;
  let leases: PgLeases;
  let a: Node;
  let b: Node;
  let plain: PgStorage;

  const node = async (id: string, port: number): Promise<Node> => {
    const info = { id, address: `127.0.0.1:${port}` };
    const epochs = new Map<string, number>();
    const store = await PgStorage.open(url, { poolSize: 4, fence: { nodeId: id, epochOf: (m) => epochs.get(m) } });
    return {
      info,
      store,
      epochs,
      async take(meetingId) {
        const answer = await leases.acquire(meetingId, info, 60_000);
        if (!answer.held) throw new Error(`${id} could not take ${meetingId}`);
        epochs.set(meetingId, answer.epoch);
        return answer.epoch;
      },
    };
  };
  /** The lease ran out while its owner still believes it holds it (its fence is unchanged). */
  const expire = (meetingId: string) =>
    admin.query("UPDATE leases SET expires_at = now() - interval '1 second' WHERE meeting_id = $1", [meetingId]);
  const log = async (meetingId: string) =>
    (
      await admin.query<{ seq: string; epoch: string }>('SELECT seq, epoch FROM updates WHERE meeting_id = $1 ORDER BY seq', [meetingId])
    ).rows.map((r) => ({ seq: Number(r.seq), epoch: Number(r.epoch) }));

  beforeAll(async () => {
    url = await testDatabase('fence');
    plain = await PgStorage.open(url, { poolSize: 2 });
    admin = new pg.Pool({ connectionString: url, max: 4 });
    leases = new PgLeases(admin);
    a = await node('node-a', 1001);
    b = await node('node-b', 1002);
  });
  afterAll(async () => {
    for (const s of [a.store, b.store, plain]) await s.close();
    await admin.end();
  });

  it('[N7] after a takeover the stale owner’s append is refused and stores nothing, bindings and refusals included', async () => {
    await plain.createMeeting(record('m1'), edit('start'));
    await plain.createMeeting(record('m2'), edit('start'));
    await a.take('m1');
    await a.take('m2');
    const first = edit();
    expect(await a.store.appendUpdates([{ meetingId: 'm1', update: first }])).toEqual(new Map([['m1', 1]]));
    await expire('m1');
    expect(await b.take('m1')).toBe(2);
    const stale = a.store.appendUpdates(
      [
        { meetingId: 'm2', update: edit() },
        { meetingId: 'm1', update: edit() },
      ],
      [{ meetingId: 'm1', client: 77, participantId: 'eve' }],
      [{ meetingId: 'm1', participantId: 'eve', client: 77, clock: 0, len: 1 }],
    );
    await expect(stale).rejects.toThrow(FencedOut);
    await expect(stale).rejects.toMatchObject({ meetingIds: ['m1'] });
    const loaded = await b.store.loadDoc('m1');
    expect([loaded.logLength, loaded.lastSeq, loaded.clientOwners.has(77), loaded.refusedDeletes]).toEqual([1, 1, false, []]);
    expect((await b.store.loadDoc('m2')).logLength).toBe(0);
    // the new owner appends after the last seq, at its epoch
    expect(await b.store.appendUpdates([{ meetingId: 'm1', update: edit() }])).toEqual(new Map([['m1', 2]]));
    expect(await log('m1')).toEqual([
      { seq: 1, epoch: 1 },
      { seq: 2, epoch: 2 },
    ]);
  });

  it('[N7] a node holding no lease, or a lease it never took, or a meeting with no lease row, is refused', async () => {
    await plain.createMeeting(record('m3'), edit());
    await expect(a.store.appendUpdates([{ meetingId: 'm3', update: edit() }])).rejects.toThrow(FencedOut);
    await b.take('m3');
    await expect(a.store.appendUpdates([{ meetingId: 'm3', update: edit() }])).rejects.toThrow(FencedOut);
    // a binding alone is fenced too
    await expect(a.store.appendUpdates([], [{ meetingId: 'm3', client: 5, participantId: 'x' }])).rejects.toThrow(FencedOut);
    // an unfenced store checks nothing and appends at epoch 0
    await plain.appendUpdates([{ meetingId: 'm3', update: edit() }]);
    expect(await log('m3')).toEqual([{ seq: 1, epoch: 0 }]);
  });

  it('[N7] a fenced node creates a meeting, with the server’s client binding, before anyone holds its lease', async () => {
    await a.store.createMeeting(record('fresh'), edit(), [{ client: 42, participantId: 'server' }]);
    expect((await a.store.loadDoc('fresh')).clientOwners).toEqual(new Map([[42, 'server']]));
    expect(await leases.holder('fresh')).toBeNull();
  });

  it('[N8] an append racing a takeover either commits before it (the new owner loads it) or is refused', async () => {
    await plain.createMeeting(record('race'), edit());
    let [owner, next] = [a, b];
    await owner.take('race');
    const outcomes = { committed: 0, refused: 0 };
    for (let round = 0; round < 40; round++) {
      await expire('race');
      const update = edit();
      const append = owner.store.appendUpdates([{ meetingId: 'race', update }]);
      // the takeover starts after 0–7 round trips of its own, so it lands before, during and after the append
      const takeover = (async () => {
        for (let i = 0; i < round % 8; i++) await admin.query('SELECT 1');
        await next.take('race');
        return next.store.loadDoc('race');
      })();
      const [appended, loaded] = await Promise.allSettled([append, takeover]);
      if (loaded.status !== 'fulfilled') throw loaded.reason;
      if (appended.status === 'fulfilled') {
        outcomes.committed++;
        expect(holds(loaded.value.updates, update)).toBe(true);
      } else {
        outcomes.refused++;
        expect(appended.reason).toBeInstanceOf(FencedOut);
        expect(holds((await next.store.loadDoc('race')).updates, update)).toBe(false);
      }
      [owner, next] = [next, owner];
    }
    expect(outcomes.committed + outcomes.refused).toBe(40);
    const rows = await log('race');
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
  });

  it('[N9] a stale owner’s compaction is refused and leaves the snapshot and the log as they were', async () => {
    await plain.createMeeting(record('m4'), edit('start'));
    await a.take('m4');
    await a.store.appendUpdates([edit('one'), edit('two')].map((update) => ({ meetingId: 'm4', update })));
    const before = await a.store.loadDoc('m4');
    await expire('m4');
    await b.take('m4');
    await expect(a.store.compact('m4', Y.mergeUpdates(before.updates), before.lastSeq)).rejects.toThrow(FencedOut);
    const after = await b.store.loadDoc('m4');
    expect([after.logLength, after.lastSeq, after.updates.length]).toEqual([2, 2, 3]);
    // the owner's compaction goes through, and never trims past the seq it names
    await b.store.appendUpdates([{ meetingId: 'm4', update: edit('three') }]);
    await b.store.compact('m4', Y.mergeUpdates(before.updates), before.lastSeq);
    const compacted = await b.store.loadDoc('m4');
    expect([compacted.logLength, compacted.lastSeq]).toEqual([1, 3]);
    await expect(b.store.compact('m4', Y.mergeUpdates(compacted.updates), 9)).rejects.toThrow(/past the log's end/);
  });

  it('[N10] concurrent appends of owners in turn leave a log whose seq has no gaps and whose epoch never decreases', async () => {
    await plain.createMeeting(record('m5'), edit());
    let [owner, next] = [a, b];
    await owner.take('m5');
    for (let turn = 0; turn < 4; turn++) {
      const writes = Array.from({ length: 12 }, (_, i) =>
        (i % 3 === 0 ? next : owner).store.appendUpdates([
          { meetingId: 'm5', update: edit() },
          { meetingId: 'm5', update: edit() },
        ]),
      );
      const settled = await Promise.allSettled(writes);
      // the owner's appends all land; the other node's are all refused
      expect(settled.map((s) => s.status)).toEqual(writes.map((_, i) => (i % 3 === 0 ? 'rejected' : 'fulfilled')));
      await expire('m5');
      await next.take('m5');
      [owner, next] = [next, owner];
    }
    const rows = await log('m5');
    expect(rows).toHaveLength(4 * 8 * 2);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows.every((r, i) => i === 0 || r.epoch >= rows[i - 1]!.epoch)).toBe(true);
    expect(new Set(rows.map((r) => r.epoch))).toEqual(new Set([1, 2, 3, 4]));
  });

  it('[N11] deleting a meeting deletes its lease row too', async () => {
    await plain.createMeeting(record('m6'), edit());
    await a.take('m6');
    expect(await leases.holder('m6')).not.toBeNull();
    expect(await a.store.deleteMeeting('m6')).toBe(true);
    expect(await leases.holder('m6')).toBeNull();
  });

  it('[N12] a circle link opens once even when two nodes redeem it at the same moment', async () => {
    const T = 1_700_000_000_000;
    await plain.circles.createCircle(
      { id: 'c1', name: 'C', aim: '', domain: '', createdAt: T },
      {
        personId: 'fay',
        name: 'Fay',
        role: 'member',
        addedAt: T,
        joinedAt: null,
        removedAt: null,
      },
      [],
    );
    const codes = Array.from({ length: 20 }, (_, i) => `code-${i}`);
    for (const code of codes) {
      await plain.circles.addLink({
        codeHash: code,
        circleId: 'c1',
        personId: 'fay',
        kind: 'transfer',
        createdAt: T,
        expiresAt: T + 60_000,
      });
    }
    const answers = await Promise.all(codes.flatMap((code) => [a, b].map((n) => n.store.circles.redeemLink('c1', code, T))));
    expect(answers.filter((x) => x !== null)).toHaveLength(codes.length);
  });
});
