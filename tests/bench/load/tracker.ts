// Send → received-by-all latency. Senders register (client, clock) with the
// send time; each receiver reports the clock ranges it saw; an update is
// delivered when its last expected receiver has it.
import { percentileOfSorted as percentile } from '@consent/shared/testing/percentile';

interface SenderTrack {
  base: number;
  sentAt: number[];
  remaining: number[];
}

export class LatencyTracker {
  private readonly senders = new Map<number, SenderTrack>();
  latencies: number[] = [];
  sent = 0;
  delivered = 0;
  /** Only updates sent while this is true are measured (warm-up and drain are excluded). */
  recording = false;

  onSend(client: number, clock: number, at: number, receivers: number): void {
    if (!this.recording || receivers <= 0) return;
    let s = this.senders.get(client);
    if (s === undefined) {
      s = { base: clock, sentAt: [], remaining: [] };
      this.senders.set(client, s);
    }
    const i = clock - s.base;
    if (i < 0) return;
    s.sentAt[i] = at;
    s.remaining[i] = receivers;
    this.sent++;
  }

  /** A receiver saw clocks [from, to) of `client` for the first time. */
  onReceive(client: number, from: number, to: number, now: number): void {
    const s = this.senders.get(client);
    if (s === undefined) return;
    const lo = Math.max(from - s.base, 0);
    const hi = Math.min(to - s.base, s.remaining.length);
    for (let i = lo; i < hi; i++) {
      const r = s.remaining[i];
      if (r === undefined || r <= 0) continue;
      s.remaining[i] = r - 1;
      if (r === 1) {
        this.latencies.push(now - s.sentAt[i]!);
        this.delivered++;
      }
    }
  }

  get pending(): number {
    return this.sent - this.delivered;
  }

  /** Closes a measurement: everything still pending counts as dropped. */
  finish(): { latencies: number[]; sent: number; delivered: number; drops: number } {
    const out = { latencies: this.latencies, sent: this.sent, delivered: this.delivered, drops: this.sent - this.delivered };
    this.senders.clear();
    this.latencies = [];
    this.sent = 0;
    this.delivered = 0;
    this.recording = false;
    return out;
  }
}

export { percentile };

export interface LatencySummary {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

export function summarize(values: number[]): LatencySummary {
  const s = Float64Array.from(values).sort();
  const arr = Array.from(s);
  return { p50: percentile(arr, 50), p99: percentile(arr, 99), max: arr.length ? arr[arr.length - 1]! : NaN, count: arr.length };
}
