// What a real meeting holds in the server, in four states: live (three
// connections with awareness), live and quiet (its document asleep after
// ROOM_SLEEP_MS), just left (all closed, within the grace period) and
// unloaded (after it). Each meeting has a facilitator and two
// members joined through the API, an agenda item and a typed proposal. V8
// heap and RSS after a full GC, per meeting, over a warm baseline.
//   cd tests && npx tsx bench/meetingMemory.ts [meetings=100]
import { BenchClient } from './load/client.ts';
import { FRAGMENT, inBatches, openMeeting, userOf, type Target } from './load/room.ts';
import { sleep } from './load/drive.ts';
import { Typist } from './load/typist.ts';
import { memoryAfterGc, type GcMemory } from './proc.ts';
import { PEERS, startServer } from './servers/index.ts';

const count = Number(process.argv[2] ?? 100);
const GRACE_MS = Number(process.env.GRACE_MS ?? 2000);
const SLEEP_MS = Number(process.env.SLEEP_MS ?? 2000);
const snapshots = process.env.SNAPSHOTS === '1';
const server = await startServer(PEERS.find((p) => p.kind === 'ours')!, {
  env: { ROOM_GRACE_MS: String(GRACE_MS), ROOM_SLEEP_MS: String(SLEEP_MS) },
  nodeFlags: snapshots ? ['--heapsnapshot-signal=SIGTTIN'] : [],
});
const snapshot = async (): Promise<void> => {
  if (snapshots) {
    process.kill(server.pid, 'SIGTTIN');
    await sleep(15_000);
  }
};
const target: Target = { kind: 'ours', http: server.http, ws: server.ws };

async function meeting(i: number): Promise<BenchClient[]> {
  const { meeting: m, seats } = await openMeeting(target, 3);
  const clients = seats.map(
    (seat, k) =>
      new BenchClient(
        {
          kind: 'ours',
          base: target.ws,
          room: m.meetingId,
          token: seat.token,
          awareness: JSON.stringify({ user: userOf(seat, k) }),
        },
        1000 + i * 3 + k,
      ),
  );
  await Promise.all(clients.map((c) => c.synced));
  // the first member types a paragraph of the proposal: 60 keystrokes
  const typist = new Typist(FRAGMENT, 50_000 + i);
  const writer = new BenchClient({ kind: 'ours', base: target.ws, room: m.meetingId, token: seats[1]!.token, ack: true }, typist.clientID);
  await writer.synced;
  writer.sendUpdate(typist.setupUpdate);
  for (let k = 0; k < 60; k++) writer.sendUpdate(typist.next().update);
  while (writer.ackQueue.length > 0) await sleep(5);
  await writer.close();
  return clients;
}

const kb = (a: GcMemory, b: GcMemory, key: keyof GcMemory): string => ((a[key] - b[key]) / 1024 / count).toFixed(1);
const row = (what: string, m: GcMemory, base: GcMemory): void =>
  console.log(
    `${what.padEnd(34)} heap ${kb(m, base, 'heapUsed').padStart(7)} KB · RSS ${kb(m, base, 'rss').padStart(7)} KB · external ${kb(m, base, 'external').padStart(6)} KB per meeting`,
  );

// warm: as many meetings through their whole life first, so that the code V8
// compiles and optimizes under this load is in the baseline (a first run
// counts about 20 KB of machine code per meeting at 100 meetings)
const warm: BenchClient[][] = [];
await inBatches(
  Array.from({ length: count }, (_, i) => i),
  10,
  async (i) => {
    warm[i] = await meeting(count + i);
  },
);
await inBatches(warm.flat(), 100, (c) => c.close());
await sleep(GRACE_MS + 1500);
const base = await memoryAfterGc(server.pid, server.memFile);
await snapshot();
const all: BenchClient[][] = [];
await inBatches(
  Array.from({ length: count }, (_, i) => i),
  10,
  async (i) => {
    all[i] = await meeting(i);
  },
);
await sleep(500);
row('live, 3 connections with awareness', await memoryAfterGc(server.pid, server.memFile), base);
await sleep(2 * SLEEP_MS + 500);
row('live and quiet (document asleep)', await memoryAfterGc(server.pid, server.memFile), base);
if (process.env.SNAP_AT === 'quiet') await snapshot();
await inBatches(all.flat(), 100, (c) => c.close());
await sleep(200);
row('all left, within the grace period', await memoryAfterGc(server.pid, server.memFile), base);
if (process.env.SNAP_AT !== 'quiet') await snapshot();
await sleep(GRACE_MS + 1500);
row('unloaded, after the grace period', await memoryAfterGc(server.pid, server.memFile), base);
await server.stop();
