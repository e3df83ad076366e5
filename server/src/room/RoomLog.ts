// A room's way to the disk: the updates applied but not yet durable, the acks
// and sync answers that wait for their commit, and when to compact. The write
// batcher takes a batch, stores it, and hands it back here once committed.
import type { Logger } from 'pino';
import type { ClientBinding, RefusedDeletion, Storage } from '../storage/Storage.ts';
import type { Connection } from './Connection.ts';
import { UpdateBatch, type Block } from './updateBatch.ts';
import { ackFrame } from '@consent/shared';

/** What one room contributes to a write transaction, and what to do once it committed. */
export interface RoomBatch {
  /** All updates of the batch merged into one, or null when there is nothing to store. */
  merged: Uint8Array | null;
  updates: UpdateBatch<Connection | null>;
  acks: Map<Connection, number>;
  after: Array<() => void>;
  /** Client ids bound since the last batch, stored in the same transaction. */
  bindings: ClientBinding[];
  /** Deletions refused since the last batch (rule P8), stored in the same transaction. */
  refusedDeletes: RefusedDeletion[];
}

export interface RoomLogDeps {
  meetingId: string;
  storage: Storage;
  compactEvery: number;
  logger: Logger;
  /** Asks the batcher for a write soon. */
  schedule(): void;
  /** The room's document encoded for a snapshot, or null while it cannot be trusted to match storage. */
  snapshot(): Uint8Array | null;
  /** Sends a committed batch to the room's connections. */
  relay(batch: RoomBatch): void;
}

export class RoomLog {
  private pending = new UpdateBatch<Connection | null>();
  private ackDue = new Set<Connection>();
  private after: Array<() => void> = [];
  private bindings: ClientBinding[] = [];
  private refusedDeletes: RefusedDeletion[] = [];
  private inflight = false;
  private idleWaiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = [];
  private lastSeq = 0;
  /** Stored batches since the snapshot. */
  private logLength = 0;
  private compacting: Promise<void> | null = null;

  constructor(private readonly deps: RoomLogDeps) {}

  /** Starts from what storage holds (on load and reload). */
  reset(lastSeq: number, logLength: number): void {
    this.lastSeq = lastSeq;
    this.logLength = logLength;
  }

  /** Whether something applied is not yet durable. */
  get busy(): boolean {
    return this.pending.size > 0 || this.refusedDeletes.length > 0 || this.inflight;
  }

  add(update: Uint8Array, origin: Connection | null, block: Block | null): void {
    this.pending.add(update, origin, block);
    this.deps.schedule();
  }

  bind(binding: ClientBinding): void {
    this.bindings.push(binding);
  }

  /** A refused deletion, stored with the placeholder of its refusal. */
  refusedDelete(deletion: RefusedDeletion): void {
    this.refusedDeletes.push(deletion);
    // a refused deletion-only update has an empty placeholder: nothing else asks for this write
    this.deps.schedule();
  }

  /** The connection handled an update frame: acknowledge its count after the next commit. */
  ackAfterCommit(conn: Connection): void {
    this.ackDue.add(conn);
    this.deps.schedule();
  }

  /** Runs `fn` once everything applied so far is durable. */
  afterCommit(fn: () => void): void {
    if (!this.busy) return fn();
    this.after.push(fn);
    this.deps.schedule();
  }

  take(): RoomBatch {
    const updates = this.pending;
    this.pending = new UpdateBatch();
    const acks = new Map<Connection, number>();
    for (const conn of this.ackDue) acks.set(conn, conn.handled);
    this.ackDue.clear();
    const after = this.after;
    this.after = [];
    const bindings = this.bindings;
    this.bindings = [];
    const refusedDeletes = this.refusedDeletes;
    this.refusedDeletes = [];
    this.inflight = true;
    return { merged: updates.size ? updates.all() : null, updates, acks, after, bindings, refusedDeletes };
  }

  /** The batch is on disk: relay it, acknowledge it, answer deferred syncs. */
  committed(batch: RoomBatch, lastSeq: number | undefined): void {
    this.inflight = false;
    if (lastSeq !== undefined) this.lastSeq = lastSeq;
    if (batch.merged) {
      this.logLength += 1;
      this.deps.relay(batch);
    }
    for (const [conn, count] of batch.acks) {
      if (count > conn.acked) {
        conn.acked = count;
        conn.send(ackFrame(count));
      }
    }
    for (const reply of batch.after) this.afterCommit(reply);
    if (!this.pending.size && !this.refusedDeletes.length) {
      for (const w of this.idleWaiters.splice(0)) w.resolve();
      if (this.logLength >= this.deps.compactEvery) void this.compact();
    }
  }

  /** Storing failed: nothing of the batch was relayed; whoever waits is told. */
  failed(err: unknown): void {
    this.inflight = false;
    for (const w of this.idleWaiters.splice(0)) w.reject(err);
  }

  /** Resolves once every write made so far is durable. */
  whenIdle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve, reject) => this.idleWaiters.push({ resolve, reject }));
  }

  /** Merges the stored log into the snapshot (the document holds exactly what is stored: call when idle). */
  compact(): Promise<void> {
    this.compacting ??= (async () => {
      try {
        const count = this.logLength;
        const snapshot = count === 0 ? null : this.deps.snapshot();
        if (!snapshot) return;
        await this.deps.storage.compact(this.deps.meetingId, snapshot, this.lastSeq);
        this.logLength -= count;
      } catch (err) {
        this.deps.logger.error({ meetingId: this.deps.meetingId, err }, 'compaction failed');
      } finally {
        this.compacting = null;
      }
    })();
    return this.compacting;
  }

  /** The final write and compaction before the room is released. */
  async close(): Promise<void> {
    await this.whenIdle();
    if (this.compacting !== null) await this.compacting;
    await this.compact();
  }
}
