// Scenario 3, fuzzed frames: random and hostile websocket frames against a
// live server while honest people keep syncing, in the fuzzed meeting and in
// another one. The server never crashes, each bad frame gets its documented
// close code or refusal, RSS stays bounded, and the meeting still loads after.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE } from '@consent/shared';
import { fuzzFrame, isStep1, malformation, type FuzzFrame } from './harness/frames.ts';
import { clientFor, openMeeting, type Meeting } from './harness/meeting.ts';
import { mib, pick, report, SCENARIO_TIMEOUT } from './harness/mode.ts';
import { Probe } from './harness/probe.ts';
import { ServerProcess } from './harness/serverProcess.ts';
import { SyncClient } from './harness/syncClient.ts';
import { addItem, addParagraph, paragraphs } from './harness/writes.ts';

const RUNS = pick(10_000, 100_000);
const LANES = 4;
const MAX_FRAME_BYTES = 1024 * 1024;
/** Growth of the server's RSS over the run that counts as bounded. */
const RSS_BUDGET = 150 * 1024 * 1024;

type Outcome = 'ok' | `refused ${string}` | `close ${number}`;

/**
 * docs/protocol.md: a frame the decoder cannot read closes with 1007; an update
 * that decodes but is refused (malformed structure P1, unknown references P2,
 * or rights) gets MESSAGE.refused with ?ack=1, else y-protocols' permission
 * denied (P9), and the connection stays open; anything else is handled. Never 1011: that would be the server failing on input.
 */
function allowed(frame: FuzzFrame, malformed: string | null, outcome: Outcome): boolean {
  if (frame.bytes.length > MAX_FRAME_BYTES) return outcome === `close ${CLOSE.tooBig}`;
  const refusedOrClosed = outcome.startsWith('refused') || outcome === `close ${CLOSE.malformed}`;
  if (malformed === 'undecodable update') return refusedOrClosed;
  if (malformed !== null) return outcome === `close ${CLOSE.malformed}`;
  return outcome === 'ok' || refusedOrClosed;
}

class Lane {
  client: SyncClient | null = null;
  connections = 0;
  constructor(
    private readonly server: ServerProcess,
    private readonly meeting: Meeting,
    private readonly ack: boolean,
  ) {}

  /** Sends one frame; returns what the server did, and what the frame is by the wire grammar. */
  async send(frame: FuzzFrame): Promise<{ outcome: Outcome; malformed: string | null }> {
    if (!this.client?.isOpen) {
      this.client?.destroy();
      try {
        this.client = await clientFor(this.server.wsUrl, this.meeting, 'Mia', { ack: this.ack });
      } catch (error) {
        if (this.server.alive) throw error;
        throw new Error(`the server died (${JSON.stringify(this.server.unexpectedExits)}); it said:\n${this.server.tail(40)}`);
      }
      this.connections += 1;
    }
    const client = this.client;
    // After each round trip the client's document mirrors the server's.
    const malformed = malformation(frame.bytes, client.doc);
    const closes = client.closes.length;
    const refusals = client.refusals.length;
    const denied = client.denied.length;
    client.send(frame.bytes);
    try {
      // a step 1 among the fuzz gets its own answer before the round trip's
      await client.roundTrip(10_000, isStep1(frame.bytes) ? 1 : 0);
    } catch {
      // closed: the close code tells
    }
    const outcome: Outcome =
      client.closes.length > closes
        ? `close ${client.closes[closes]!.code}`
        : client.refusals.length > refusals
          ? `refused ${client.refusals[refusals]!.rule}`
          : client.denied.length > denied
            ? `refused ${client.denied[denied]!.split(':')[0]}`
            : 'ok';
    return { outcome, malformed };
  }
}

async function probePair(
  server: ServerProcess,
  meeting: Meeting,
  item: string,
  reader: string,
): Promise<{ probe: Probe; clients: SyncClient[] }> {
  const writer = await clientFor(server.wsUrl, meeting, 'Fay', { ack: true });
  const read = await clientFor(server.wsUrl, meeting, reader);
  addItem(writer.doc, item);
  const body = addParagraph(writer.doc, item, 'probe');
  return { probe: new Probe(writer, read, (_doc, n) => body.insert(body.length, String(n % 10))), clients: [writer, read] };
}

describe('fuzzed frames', () => {
  // Each lane sends two frames per round trip; the rate limit is scenario 5's business.
  const server = new ServerProcess({ env: { MAX_MESSAGES_PER_SECOND: '100000' } });
  let fuzzed: Meeting;
  let inRoom: Probe;
  let otherRoom: Probe;
  const others: SyncClient[] = [];

  beforeAll(async () => {
    await server.start();
    fuzzed = await openMeeting(server.url, { Mia: 'member', Max: 'member' });
    const quiet = await openMeeting(server.url, { Mia: 'member' });
    const a = await probePair(server, fuzzed, 'item-fuzz', 'Max');
    const b = await probePair(server, quiet, 'item-probe', 'Mia');
    inRoom = a.probe;
    otherRoom = b.probe;
    others.push(...a.clients, ...b.clients);
  });
  afterAll(async () => {
    for (const c of others) c.disconnect();
    await server.dispose();
  });

  it(
    `survives ${RUNS} fuzzed frames with the documented close codes while people keep syncing`,
    async () => {
      const rssStart = server.rss();
      let rssPeak = rssStart;
      const sampler = setInterval(() => {
        if (server.alive) rssPeak = Math.max(rssPeak, server.rss());
      }, 100);
      const outcomes: Record<string, number> = {};
      const byKind: Record<string, number> = {};
      const violations: Record<string, { count: number; example: string }> = {};
      let frames = 0;
      const lanes = Array.from({ length: LANES }, (_, i) => new Lane(server, fuzzed, i !== 0));
      const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
      const t0 = performance.now();
      inRoom.start();
      otherRoom.start();
      try {
        await Promise.all(
          lanes.map((lane, i) =>
            fc.assert(
              fc.asyncProperty(fuzzFrame, async (frame) => {
                const { outcome, malformed } = await lane.send(frame);
                frames += 1;
                const bucket = outcome.startsWith('refused') ? 'refused' : outcome;
                outcomes[bucket] = (outcomes[bucket] ?? 0) + 1;
                byKind[frame.kind] = (byKind[frame.kind] ?? 0) + 1;
                if (!allowed(frame, malformed, outcome)) {
                  // collected, not thrown: one run shows every kind of violation
                  const key = `${frame.kind} (${malformed ?? 'well formed'}) got ${outcome}`;
                  const v = (violations[key] ??= { count: 0, example: Buffer.from(frame.bytes.subarray(0, 96)).toString('hex') });
                  v.count += 1;
                }
                expect(server.alive, `server died:\n${server.tail(10)}`).toBe(true);
              }),
              { numRuns: Math.ceil(RUNS / LANES), seed: seed + i, endOnFailure: true },
            ),
          ),
        );
      } finally {
        clearInterval(sampler);
      }
      const seconds = (performance.now() - t0) / 1000;
      const inRoomFigures = await inRoom.stop();
      const otherRoomFigures = await otherRoom.stop();
      const rssEnd = server.rss();

      // The fuzzed meeting's stored document still loads, with the honest writes in it.
      await server.stop();
      await server.start();
      const reader = new SyncClient(fuzzed.meetingId, fuzzed.people.Max!.token);
      await reader.connectAndSync(server.wsUrl);
      const probeText = paragraphs(reader.doc, 'item-fuzz').join('');
      reader.disconnect();

      report('3 fuzzed frames', {
        seed,
        framesSent: frames,
        framesPerSecond: Math.round(frames / seconds),
        connections: lanes.reduce((n, l) => n + l.connections, 0),
        outcomes,
        byKind,
        violations: Object.fromEntries(Object.entries(violations).map(([k, v]) => [k, v.count])),
        sameMeetingWrites: inRoomFigures.sent,
        sameMeetingReceived: inRoomFigures.received,
        sameMeetingP99Ms: inRoomFigures.p99,
        otherMeetingWrites: otherRoomFigures.sent,
        otherMeetingReceived: otherRoomFigures.received,
        otherMeetingP99Ms: otherRoomFigures.p99,
        otherMeetingWorstGapMs: otherRoomFigures.worstGapMs,
        rssStartMiB: mib(rssStart),
        rssPeakMiB: mib(rssPeak),
        rssEndMiB: mib(rssEnd),
        unexpectedExits: server.unexpectedExits.length,
        testProcessRssMiB: mib(process.memoryUsage().rss),
      });
      expect(violations, 'frames answered other than docs/protocol.md says (examples in hex)').toEqual({});
      expect(frames).toBe(LANES * Math.ceil(RUNS / LANES));
      expect(server.unexpectedExits).toEqual([]);
      expect(inRoomFigures.received).toBe(inRoomFigures.sent);
      expect(otherRoomFigures.received).toBe(otherRoomFigures.sent);
      expect(otherRoomFigures.worstGapMs).toBeLessThan(1_000);
      expect(probeText.length).toBeGreaterThanOrEqual('probe'.length + inRoomFigures.sent);
      expect(rssPeak - rssStart).toBeLessThan(RSS_BUDGET);
    },
    SCENARIO_TIMEOUT,
  );
});
