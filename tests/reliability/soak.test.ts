// Scenario 6, soak: open and close many meetings with people joining, writing,
// leaving and coming back. Afterwards the server's memory returns to its
// starting level (after a full GC), and no socket, file or timer is left behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, openMeeting } from './harness/meeting.ts';
import { mib, pick, report, SCENARIO_TIMEOUT } from './harness/mode.ts';
import { ServerProcess } from './harness/serverProcess.ts';
import { waitFor } from './harness/wait.ts';
import { addItem, addParagraph } from './harness/writes.ts';

const ROOMS = pick(1_000, 10_000);
const WARM_UP = 300;
const CONCURRENCY = 8;
const GRACE_MS = 50;

/** One meeting's life: created, joined, written to by two people, one leaves and returns, all leave. */
async function meetingLife(server: ServerProcess, n: number): Promise<void> {
  const meeting = await openMeeting(server.url, { Mia: 'member' });
  const fay = await clientFor(server.wsUrl, meeting, 'Fay', { ack: true });
  const mia = await clientFor(server.wsUrl, meeting, 'Mia', { ack: true });
  fay.setUser({ id: meeting.people.Fay!.participantId, name: 'Fay' });
  addItem(fay.doc, 'item-soak');
  addParagraph(fay.doc, 'item-soak', `meeting ${n}`);
  await waitFor(() => fay.durableClock === fay.ownClock, { what: 'facilitator writes stored' });
  await mia.close();
  await mia.reconnect(server.wsUrl);
  addParagraph(mia.doc, 'item-soak', 'back again');
  await waitFor(() => mia.durableClock === mia.ownClock, { what: 'member writes stored' });
  await waitFor(() => fay.doc.getXmlFragment('proposal/item-soak').length === 2, { what: 'relay to the facilitator' });
  await Promise.all([fay.close(), mia.close()]);
  fay.destroy();
  mia.destroy();
}

async function run(server: ServerProcess, count: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await meetingLife(server, next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

interface Level {
  rss: number;
  heapUsed: number;
  fds: number;
  resources: Record<string, number>;
  /** Timers not yet fired or cleared, unref'd ones included. */
  timers: number;
}

describe('soak', () => {
  const server = new ServerProcess({ inspect: true, env: { ROOM_GRACE_MS: String(GRACE_MS) } });

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
      await waitFor(async () => (await inspector.timeoutObjects()) <= reference.timers, { timeoutMs: 30_000, intervalMs: 200, what: 'room timers to end' }).catch(
        () => undefined,
      );
      await waitFor(() => server.fds().length <= reference.fds, { timeoutMs: 30_000, intervalMs: 100, what: 'descriptors to close' }).catch(
        () => undefined,
      );
      // RSS comes back as the allocator returns freed pages, not at once: give it a few GCs' time
      await waitFor(
        async () => {
          await inspector.gc();
          return server.rss() <= reference.rss * 1.1;
        },
        { timeoutMs: 15_000, intervalMs: 500, what: 'RSS to come back' },
      ).catch(() => undefined);
    }
    const memory = await inspector.memoryAfterGc();
    return {
      rss: server.rss(),
      heapUsed: memory.heapUsed,
      fds: server.fds().length,
      resources: await inspector.activeResources(),
      timers: await inspector.timeoutObjects(),
    };
  }

  it(`returns to its starting memory and handles after ${ROOMS} meetings`, async () => {
    // Warm up the code paths and caches first: the level to return to is that of a server in use.
    await run(server, WARM_UP);
    const start = await settledLevel();
    const t0 = performance.now();
    await run(server, ROOMS);
    const seconds = (performance.now() - t0) / 1000;
    const peakRss = server.rss();
    const end = await settledLevel(start);

    report('6 soak', {
      rooms: ROOMS,
      roomsPerSecond: Math.round(ROOMS / seconds),
      rssStartMiB: mib(start.rss),
      rssAfterRunMiB: mib(peakRss),
      rssEndMiB: mib(end.rss),
      rssChangePercent: Math.round(((end.rss - start.rss) / start.rss) * 1000) / 10,
      heapStartMiB: mib(start.heapUsed),
      heapEndMiB: mib(end.heapUsed),
      fdsStart: start.fds,
      fdsEnd: end.fds,
      timersStart: start.timers,
      timersEnd: end.timers,
      resourcesStart: start.resources,
      resourcesEnd: end.resources,
    });
    expect(end.rss).toBeLessThanOrEqual(start.rss * 1.1);
    expect(end.fds).toBeLessThanOrEqual(start.fds);
    // the count sees unref'd timers (the websocket ping interval is one), so zero room timers is a real zero
    expect(start.timers).toBeGreaterThan(0);
    expect(end.timers).toBeLessThanOrEqual(start.timers);
    expect(end.resources.Timeout ?? 0).toBeLessThanOrEqual(start.resources.Timeout ?? 0);
    expect(end.resources.TCPSocketWrap ?? 0).toBeLessThanOrEqual(start.resources.TCPSocketWrap ?? 0);
    expect(server.unexpectedExits).toEqual([]);
  }, SCENARIO_TIMEOUT);
});
