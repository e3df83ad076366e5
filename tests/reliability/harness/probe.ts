// A latency probe in a room of its own: one client writes at a steady pace,
// another measures when each write arrives. It tells whether other rooms keep
// syncing, and how fast, while a scenario attacks the server.
import * as Y from 'yjs';
import { percentile } from './mode.ts';
import { clientFor, openMeeting } from './meeting.ts';
import type { SyncClient } from './syncClient.ts';
import { waitFor } from './wait.ts';
import { addItem, addParagraph } from './writes.ts';

export interface ProbeFigures {
  sent: number;
  received: number;
  p50: number;
  p99: number;
  max: number;
  /** Longest time with a write outstanding (a stall shows here). */
  worstGapMs: number;
}

export class Probe {
  private pending: { clock: number; at: number }[] = [];
  private latencies: number[] = [];
  private sentCount = 0;
  private timer: NodeJS.Timeout | null = null;
  private worstGap = 0;
  private onUpdate = () => this.collect();

  constructor(
    private readonly writer: SyncClient,
    private readonly reader: SyncClient,
    /** One small write the writer is allowed to make. */
    private readonly write: (doc: Y.Doc, n: number) => void,
    private readonly intervalMs = 20,
  ) {}

  start(): void {
    this.reader.doc.on('update', this.onUpdate);
    this.timer = setInterval(() => this.writeOnce(), this.intervalMs);
  }

  writeOnce(): void {
    this.write(this.writer.doc, this.sentCount);
    this.sentCount += 1;
    this.pending.push({ clock: this.writer.ownClock, at: performance.now() });
    const oldest = this.pending[0];
    if (oldest) this.worstGap = Math.max(this.worstGap, performance.now() - oldest.at);
  }

  private collect(): void {
    const have = Y.getState(this.reader.doc.store, this.writer.doc.clientID);
    const now = performance.now();
    while (this.pending.length > 0 && this.pending[0]!.clock <= have) {
      this.latencies.push(now - this.pending.shift()!.at);
    }
  }

  /** Clear the figures (e.g. after measuring a baseline). */
  reset(): void {
    this.latencies = [];
    this.worstGap = 0;
    this.sentCount = 0;
    this.pending = [];
  }

  /** Stop writing and wait until every write has arrived. */
  async stop(timeoutMs = 15_000): Promise<ProbeFigures> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await waitFor(() => this.pending.length === 0, { timeoutMs, what: 'probe writes to arrive' });
    this.reader.doc.off('update', this.onUpdate);
    return this.figures();
  }

  figures(): ProbeFigures {
    return {
      sent: this.sentCount,
      received: this.latencies.length,
      p50: percentile(this.latencies, 50),
      p99: percentile(this.latencies, 99),
      max: percentile(this.latencies, 100),
      worstGapMs: Math.round(this.worstGap),
    };
  }
}

/**
 * A meeting of its own where the facilitator types and a member reads: the
 * probe of "other rooms keep syncing". Returns the probe and its two clients.
 */
export async function quietMeetingProbe(
  server: { url: string; wsUrl: string },
  intervalMs = 20,
): Promise<{ probe: Probe; clients: SyncClient[] }> {
  const quiet = await openMeeting(server.url, { Mia: 'member' });
  const writer = await clientFor(server.wsUrl, quiet, 'Fay', { ack: true });
  const reader = await clientFor(server.wsUrl, quiet, 'Mia');
  addItem(writer.doc, 'item-probe');
  const body = addParagraph(writer.doc, 'item-probe', 'probe');
  return { probe: new Probe(writer, reader, (_doc, n) => body.insert(body.length, String(n % 10)), intervalMs), clients: [writer, reader] };
}

/** Run the probe until it has `samples` arrivals; returns the figures (after a short warm-up). */
export async function measureProbe(probe: Probe, samples: number): Promise<ProbeFigures> {
  probe.reset();
  probe.start();
  await waitFor(() => probe.figures().received >= 10, { what: 'probe warm-up' });
  await probe.stop();
  probe.reset();
  probe.start();
  await waitFor(() => probe.figures().received >= samples, { timeoutMs: 120_000, what: `${samples} probe samples` });
  return probe.stop();
}
