// Scenario 5, a client that never reads: the server relays a meeting's writes
// to a socket whose owner stopped reading. It must drop that client once its
// backlog passes the documented limit (docs/protocol.md: 16 MiB, 1013), free
// the socket and its backlog promptly, keep RSS bounded, and not slow other
// meetings down beyond what the same writes cost without the slow client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { clientFor, openMeeting, type Meeting } from './harness/meeting.ts';
import { SCENARIO_TIMEOUT, mib, pick, report } from './harness/mode.ts';
import { measureProbe, quietMeetingProbe, type Probe, type ProbeFigures } from './harness/probe.ts';
import { neverReader } from './harness/rawSockets.ts';
import { ServerProcess } from './harness/serverProcess.ts';
import type { SyncClient } from './harness/syncClient.ts';
import { waitFor } from './harness/wait.ts';
import { addItem, addParagraph } from './harness/writes.ts';

const BACKLOG_MB = pick(32, 128);
const CHUNK = 'x'.repeat(64 * 1024);
const RSS_BUDGET = 150 * 1024 * 1024;
const LATENCY_FLOOR_MS = 2;
/** How soon after the backlog passed the limit the server must have let go of the socket. */
const DROP_WITHIN_MS = 5_000;

describe('a client that never reads', () => {
  const server = new ServerProcess();
  let target: Meeting;
  let probe: Probe;
  let writer: SyncClient;
  let body: Y.XmlText;
  const clients: SyncClient[] = [];

  /** Writes BACKLOG_MB to the meeting, each chunk inserted and deleted again, so the document stays small. */
  async function writeBacklog(): Promise<void> {
    for (let n = 0; n < BACKLOG_MB * 16; n += 1) {
      body.insert(0, CHUNK);
      body.delete(0, CHUNK.length);
      await waitFor(() => writer.durableClock === writer.ownClock, { timeoutMs: 30_000, what: 'a big write acknowledged' });
    }
  }

  async function during(work: () => Promise<void>): Promise<ProbeFigures> {
    probe.reset();
    probe.start();
    await work();
    return probe.stop();
  }

  beforeAll(async () => {
    await server.start();
    const quiet = await quietMeetingProbe(server);
    probe = quiet.probe;
    clients.push(...quiet.clients);
    target = await openMeeting(server.url, { Mia: 'member' });
    writer = await clientFor(server.wsUrl, target, 'Fay', { ack: true });
    clients.push(writer);
    addItem(writer.doc, 'item-target');
    body = addParagraph(writer.doc, 'item-target', '');
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await server.dispose();
  });

  it(
    `drops it past the limit, frees it within ${DROP_WITHIN_MS / 1000} s, and other meetings keep their pace (${BACKLOG_MB} MB written)`,
    async () => {
      const baseline = await measureProbe(probe, pick(100, 500));
      // the same writes with nobody slow: what they cost other meetings by themselves
      const control = await during(writeBacklog);
      const fdsBefore = server.fds().length;
      const rssBefore = server.rss();
      let rssMax = rssBefore;
      const sampler = setInterval(() => (rssMax = Math.max(rssMax, server.rss())), 50);
      const reader = await neverReader(server.url, `/sync/${target.meetingId}?token=${target.people.Mia!.token}`);
      let writesDone = 0;
      let dropped = 0;
      const watcher = setInterval(() => {
        if (!dropped && server.fds().length <= fdsBefore) dropped = performance.now();
      }, 20);
      const measured = await during(async () => {
        await writeBacklog();
        writesDone = performance.now();
      });
      try {
        await waitFor(() => dropped > 0, { timeoutMs: 60_000, what: 'the server to close the socket of the client that never reads' });
      } finally {
        clearInterval(watcher);
        clearInterval(sampler);
      }
      const dropAfterMs = Math.max(0, Math.round(dropped - writesDone));
      reader.socket.resume();
      await waitFor(() => reader.ended(), { what: 'the rest of the backlog and the end of the stream' });
      reader.socket.destroy();
      report('5 floods: a client that never reads', {
        backlogWrittenMB: BACKLOG_MB,
        bytesReceivedBySlowClient: reader.received(),
        baselineP50Ms: baseline.p50,
        sameWritesNoSlowClientP50Ms: control.p50,
        withSlowClientP50Ms: measured.p50,
        withSlowClientP99Ms: measured.p99,
        socketFreedAfterLastWriteMs: dropAfterMs,
        rssGrowthMiB: mib(rssMax - rssBefore),
        rssAfterMiB: mib(server.rss()),
      });
      expect(reader.received()).toBeLessThan(BACKLOG_MB * 1024 * 1024);
      expect(dropAfterMs, 'the dropped socket and its backlog are freed promptly').toBeLessThan(DROP_WITHIN_MS);
      expect(rssMax - rssBefore).toBeLessThan(RSS_BUDGET);
      expect(measured.p50).toBeLessThanOrEqual(2 * Math.max(control.p50, LATENCY_FLOOR_MS));
      expect(server.unexpectedExits).toEqual([]);
    },
    SCENARIO_TIMEOUT,
  );
});
