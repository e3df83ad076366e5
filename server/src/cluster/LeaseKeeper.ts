// This node's leases (docs/deploy.md, N30–N33): taken when a meeting loads here,
// renewed together every third of the TTL, let go when the room unloads. A lease
// not renewed within ⅔ TTL (by this node's monotonic clock, measured from when the
// renewal was sent) stops the node serving the meeting: no more acks or relays,
// and the meeting is let go. The database's clock alone decides expiry.
import type { Logger } from 'pino';
import { OwnedElsewhere } from '../room/ownership.ts';
import { type Fence, FencedOut, type LeaseAnswer, type LeaseHolder, type LeaseStore, type NodeInfo } from '../storage/Leases.ts';

export interface LeaseKeeperOptions {
  leases: LeaseStore;
  node: NodeInfo;
  ttlMs: number;
  log: Logger;
  /** The node lost a meeting's lease (taken over, or not renewed in time): let the meeting go. */
  onLost(meetingId: string): void;
}

interface Held {
  epoch: number;
  /** performance.now() when the last successful take or renewal was sent. */
  renewedAt: number;
}

export class LeaseKeeper implements Fence {
  private readonly held = new Map<string, Held>();
  private readonly taking = new Map<string, Promise<LeaseAnswer>>();
  private readonly releasing = new Map<string, Promise<void>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private renewing = false;
  /** When the last renewal round reached the database (performance.now()), for health. */
  lastRenewal = 0;
  renewalFailures = 0;

  constructor(private readonly opts: LeaseKeeperOptions) {}

  get nodeId(): string {
    return this.opts.node.id;
  }

  get count(): number {
    return this.held.size;
  }

  epochOf(meetingId: string): number | undefined {
    return this.held.get(meetingId)?.epoch;
  }

  /** [N30] Whether this node may serve the meeting now: it holds the lease, renewed within ⅔ TTL. */
  serving(meetingId: string): boolean {
    const h = this.held.get(meetingId);
    return h !== undefined && performance.now() - h.renewedAt < (this.opts.ttlMs * 2) / 3;
  }

  /** Takes the meeting's lease (once, however many ask at the same moment); answers who holds it otherwise. */
  take(meetingId: string): Promise<LeaseAnswer> {
    const h = this.held.get(meetingId);
    if (h && this.serving(meetingId)) return Promise.resolve({ held: true, epoch: h.epoch });
    let pending = this.taking.get(meetingId);
    if (!pending) {
      pending = (async () => {
        await this.releasing.get(meetingId);
        const sent = performance.now();
        const answer = await this.opts.leases.acquire(meetingId, this.opts.node, this.opts.ttlMs);
        if (answer.held) this.held.set(meetingId, { epoch: answer.epoch, renewedAt: sent });
        else this.held.delete(meetingId);
        return answer;
      })().finally(() => this.taking.delete(meetingId));
      this.taking.set(meetingId, pending);
    }
    return pending;
  }

  /** Takes the lease or throws OwnedElsewhere naming the holder. */
  async claim(meetingId: string): Promise<void> {
    const answer = await this.take(meetingId);
    if (!answer.held) throw new OwnedElsewhere(meetingId, answer.address, answer.expiresInMs);
  }

  /** The room unloaded: the lease expires now, so another node may load the meeting at once. */
  release(meetingId: string): Promise<void> {
    const h = this.held.get(meetingId);
    if (!h) return Promise.resolve();
    this.held.delete(meetingId);
    const done = this.opts.leases
      .release(meetingId, this.opts.node.id, h.epoch)
      .catch((err: unknown) => this.opts.log.warn({ meetingId, err }, 'releasing the lease failed; it expires by itself'))
      .finally(() => {
        if (this.releasing.get(meetingId) === done) this.releasing.delete(meetingId);
      });
    this.releasing.set(meetingId, done);
    return done;
  }

  /** Who holds the meeting's lease now, by the database's clock. */
  holder(meetingId: string): Promise<LeaseHolder | null> {
    return this.opts.leases.holder(meetingId);
  }

  /** A fenced write was refused: the lease is another node's (no release, no callback). */
  forget(meetingId: string): void {
    this.held.delete(meetingId);
  }

  start(): void {
    const every = Math.max(50, Math.floor(this.opts.ttlMs / 3));
    this.timers.push(setInterval(() => void this.renewAll(), every));
    // the ⅔ TTL watch runs more often than renewals, so a lapse is noticed within a sixth of the TTL
    this.timers.push(setInterval(() => this.watch(), Math.max(25, Math.floor(this.opts.ttlMs / 6))));
    for (const t of this.timers) t.unref();
  }

  stop(): void {
    for (const t of this.timers.splice(0)) clearInterval(t);
  }

  /** Lets every lease go (graceful shutdown, after the rooms unloaded). */
  async releaseAll(): Promise<void> {
    await Promise.all([...this.held.keys()].map((m) => this.release(m)));
  }

  /** [N31] One renewal of every lease held; a lease not renewed (taken over) is lost. */
  private async renewAll(): Promise<void> {
    if (this.renewing || this.held.size === 0) return;
    this.renewing = true;
    const round = [...this.held].map(([meetingId, h]) => ({ meetingId, epoch: h.epoch }));
    const sent = performance.now();
    try {
      const kept = await this.opts.leases.renew(this.opts.node.id, round, this.opts.ttlMs);
      this.lastRenewal = performance.now();
      this.renewalFailures = 0;
      for (const { meetingId, epoch } of round) {
        const h = this.held.get(meetingId);
        if (!h || h.epoch !== epoch) continue;
        if (kept.has(meetingId)) h.renewedAt = sent;
        else this.lose(meetingId, 'taken over by another node');
      }
    } catch (err) {
      this.renewalFailures += 1;
      this.opts.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'renewing leases failed');
    } finally {
      this.renewing = false;
    }
  }

  /** [N30] A lease not renewed within ⅔ TTL: the node stops serving the meeting. */
  private watch(): void {
    for (const meetingId of [...this.held.keys()]) {
      if (!this.serving(meetingId) && !this.taking.has(meetingId)) this.lose(meetingId, 'not renewed within two thirds of the TTL');
    }
  }

  private lose(meetingId: string, why: string): void {
    this.held.delete(meetingId);
    this.opts.log.warn({ meetingId, why }, 'lease lost');
    this.opts.onLost(meetingId);
  }
}

export { FencedOut, OwnedElsewhere };
