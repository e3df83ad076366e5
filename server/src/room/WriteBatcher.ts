// Groups every room's writes of one event-loop turn into one storage
// transaction; rooms relay and acknowledge only after it committed.
import { FencedOut } from '../storage/Leases.ts';
import type { Storage } from '../storage/Storage.ts';
import type { Room } from './Room.ts';
import type { RoomBatch } from './RoomLog.ts';

/** Under load, batches are at least this far apart (Node's timers have 1 ms resolution)... */
export const MIN_FLUSH_INTERVAL_MS = 1;
/** ...in a room of this many connections or more; proportionally less in smaller rooms. */
const FULL_INTERVAL_AT = 32;

export class WriteBatcher {
  private readonly due = new Set<Room>();
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  private lastFlush = -Infinity;
  /** Transactions committed so far (for tests and metrics). */
  transactions = 0;

  constructor(private readonly storage: Storage) {}

  schedule(room: Room): void {
    this.due.add(room);
    if (this.scheduled) return;
    this.scheduled = true;
    const run = () => {
      this.chain = this.chain.then(() => this.flush());
    };
    // Idle: flush right after the I/O callbacks of this turn (every frame read in it joins the batch).
    // Busy: at most one flush per interval, so that a batch, and its one frame per client, carries
    // many updates instead of a handful. A flush costs a frame per client, so the interval grows
    // with the room: two people typing back to back are not held up at all.
    const interval = MIN_FLUSH_INTERVAL_MS * Math.min(1, room.conns.size / FULL_INTERVAL_AT);
    const wait = this.lastFlush + interval - performance.now();
    if (wait <= 0) setImmediate(run);
    else setTimeout(run, wait);
  }

  /** Resolves once everything scheduled so far has been written. */
  async drain(): Promise<void> {
    while (this.scheduled || this.due.size) {
      await new Promise((r) => setImmediate(r));
      await this.chain;
    }
    await this.chain;
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    this.lastFlush = performance.now();
    const rooms = [...this.due];
    this.due.clear();
    const parts: Array<[Room, RoomBatch]> = rooms.map((room) => [room, room.takeBatch()]);
    await this.store(parts);
  }

  /** One transaction for every room's batch; rooms another node took over are dropped and the rest stored again. */
  private async store(parts: Array<[Room, RoomBatch]>): Promise<void> {
    const writes = parts.flatMap(([room, b]) => (b.merged ? [{ meetingId: room.meetingId, update: b.merged }] : []));
    const bindings = parts.flatMap(([, b]) => b.bindings);
    const refusedDeletes = parts.flatMap(([, b]) => b.refusedDeletes);
    let seqs = new Map<string, number>();
    try {
      if (writes.length || bindings.length || refusedDeletes.length) {
        seqs = await this.storage.appendUpdates(writes, bindings, refusedDeletes);
        this.transactions += 1;
      }
    } catch (err) {
      if (!(err instanceof FencedOut)) {
        for (const [room] of parts) room.failed(err);
        return;
      }
      const fenced = new Set(err.meetingIds);
      for (const [room] of parts) if (fenced.has(room.meetingId)) room.failed(err);
      const rest = parts.filter(([room]) => !fenced.has(room.meetingId));
      if (rest.length < parts.length && rest.length) await this.store(rest);
      else if (rest.length) for (const [room] of rest) room.failed(err);
      return;
    }
    for (const [room, batch] of parts) room.committed(batch, seqs.get(room.meetingId));
  }
}
