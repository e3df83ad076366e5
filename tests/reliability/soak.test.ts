// Scenario 6, soak: open and close many meetings with people joining, writing,
// leaving and coming back. The server's memory per meeting trends to zero: what
// the second half of the run adds is within noise, the bounded SQLite page cache
// accounted for, and no socket, file or timer is left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mib, pick, report, SCENARIO_TIMEOUT } from './harness/mode.ts';
import { ServerProcess } from './harness/serverProcess.ts';
import { waitFor } from './harness/wait.ts';
import { meetingLives } from './harness/soakLife.ts';

const ROOMS = pick(1_000, 10_000);
const WARM_UP = 300;
const GRACE_MS = 50;
/** The page cache is set for the run so that its share is known: it may fill up to this bound, and no more. */
const CACHE_MB = 4;
/** Per meeting of the second half: a leak of a meeting's document (tens of KB) or even of its ids shows far above these. */
const RSS_PER_MEETING = 1024;
/** V8's data heap still takes optimised code's metadata (deopt data, feedback) as the JIT works: about 70 B per meeting here. */
const DATA_HEAP_PER_MEETING = 256;
/** Noise floors: the allocator returns pages in steps, and V8's heap moves by a few hundred KB between GCs. */
const RSS_FLOOR = 2 * 1024 * 1024;
const HEAP_FLOOR = 256 * 1024;

interface Level {
  rss: number;
  heapUsed: number;
  /** V8's heap without code space: compiled code grows as the JIT optimises, and is no leak. */
  dataHeap: number;
  fds: number;
  resources: Record<string, number>;
  /** Timers not yet fired or cleared, unref'd ones included. */
  timers: number;
}

describe('soak', () => {
  const server = new ServerProcess({ inspect: true, env: { ROOM_GRACE_MS: String(GRACE_MS), SQLITE_CACHE_MB: String(CACHE_MB) } });

  beforeAll(async () => {
    await server.start();
  });
  afterAll(async () => {
    await server.dispose();
  });

  /** Once every room has unloaded: a full GC, then memory, descriptors and active handles. */
  async function settledLevel(reference?: Level): Promise<Level> {
    const inspector = server.inspector!;
    if (reference) {
      // rooms unload ROOM_GRACE_MS after their last client: wait for their timers and sockets to go
      await waitFor(async () => (await inspector.timeoutObjects()) <= reference.timers, {
        timeoutMs: 30_000,
        intervalMs: 200,
        what: 'room timers to end',
      }).catch(() => undefined);
      await waitFor(() => server.fds().length <= reference.fds, { timeoutMs: 30_000, intervalMs: 100, what: 'descriptors to close' }).catch(
        () => undefined,
      );
    }
    const memory = await inspector.memoryAfterGc();
    const code = await inspector.evaluate<number>(
      "process.getBuiltinModule('v8').getHeapSpaceStatistics().filter((s) => s.space_name.startsWith('code')).reduce((n, s) => n + s.space_used_size, 0)",
    );
    return {
      rss: server.rss(),
      heapUsed: memory.heapUsed,
      dataHeap: memory.heapUsed - code,
      fds: server.fds().length,
      resources: await inspector.activeResources(),
      timers: await inspector.timeoutObjects(),
    };
  }

  /**
   * Kinds of object of which a half run left about one more per meeting: a leak, whatever its size.
   * Between two snapshots other kinds move by a few dozen; a leaked object per meeting was seen as +505 of 500.
   */
  function growingKinds(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [kind, n] of after) if (n - (before.get(kind) ?? 0) >= 0.8 * (ROOMS / 2)) out[kind] = n - (before.get(kind) ?? 0);
    return out;
  }

  it(
    `adds no memory per meeting by the end of ${ROOMS} meetings, and leaves no handle behind`,
    async () => {
      // Warm up the code paths first: the level to compare with is that of a server in use.
      await meetingLives(server, WARM_UP);
      const start = await settledLevel();
      const t0 = performance.now();
      await meetingLives(server, ROOMS / 2, { first: WARM_UP });
      const half = await settledLevel(start);
      await meetingLives(server, ROOMS / 2, { first: WARM_UP + ROOMS / 2 });
      const seconds = (performance.now() - t0) / 1000;
      const end = await settledLevel(start);
      // Then a hunt for leaks too small for RSS: live objects by kind around one more half run. Last,
      // because a heap snapshot leaves tens of MiB of native memory in the process.
      const before = await server.inspector!.objectCounts();
      await meetingLives(server, ROOMS / 2, { first: WARM_UP + ROOMS });
      await settledLevel(start);
      const grown = growingKinds(before, await server.inspector!.objectCounts());
      const perMeeting = (from: number, to: number) => Math.round((to - from) / (ROOMS / 2));

      report('6 soak', {
        rooms: ROOMS,
        roomsPerSecond: Math.round(ROOMS / seconds),
        sqliteCacheMiB: CACHE_MB,
        rssStartMiB: mib(start.rss),
        rssHalfMiB: mib(half.rss),
        rssEndMiB: mib(end.rss),
        rssBytesPerMeetingFirstHalf: perMeeting(start.rss, half.rss),
        rssBytesPerMeetingSecondHalf: perMeeting(half.rss, end.rss),
        dataHeapStartMiB: mib(start.dataHeap),
        dataHeapEndMiB: mib(end.dataHeap),
        dataHeapBytesPerMeetingSecondHalf: perMeeting(half.dataHeap, end.dataHeap),
        objectKindsGrownByOnePerMeeting: grown,
        codeHeapGrowthMiB: mib(end.heapUsed - end.dataHeap - (start.heapUsed - start.dataHeap)),
        fdsStart: start.fds,
        fdsEnd: end.fds,
        timersStart: start.timers,
        timersEnd: end.timers,
        resourcesStart: start.resources,
        resourcesEnd: end.resources,
      });
      // the trend: the second half adds (nearly) nothing per meeting, and no kind of object by one a meeting
      expect(grown).toEqual({});
      expect(end.rss - half.rss).toBeLessThanOrEqual(Math.max(RSS_FLOOR, RSS_PER_MEETING * (ROOMS / 2)));
      expect(end.dataHeap - half.dataHeap).toBeLessThanOrEqual(Math.max(HEAP_FLOOR, DATA_HEAP_PER_MEETING * (ROOMS / 2)));
      // the level: back near the start, the page cache allowed to have filled to its bound
      expect(end.rss).toBeLessThanOrEqual(start.rss * 1.1 + CACHE_MB * 1024 * 1024);
      expect(end.fds).toBeLessThanOrEqual(start.fds);
      // the count sees unref'd timers (the websocket ping interval is one), so zero room timers is a real zero
      expect(start.timers).toBeGreaterThan(0);
      expect(end.timers).toBeLessThanOrEqual(start.timers);
      expect(end.resources.Timeout ?? 0).toBeLessThanOrEqual(start.resources.Timeout ?? 0);
      expect(end.resources.TCPSocketWrap ?? 0).toBeLessThanOrEqual(start.resources.TCPSocketWrap ?? 0);
      expect(server.unexpectedExits).toEqual([]);
    },
    SCENARIO_TIMEOUT,
  );
});
