// Groups every room's writes of one event-loop turn into one storage
// transaction; rooms relay and acknowledge only after it committed.
import type { Storage } from '../storage/Storage.ts';
import type { Room, RoomBatch } from './Room.ts';

export class WriteBatcher {
  private readonly due = new Set<Room>();
  private scheduled = false;
  private chain: Promise<void> = Promise.resolve();
  /** Transactions committed so far (for tests and metrics). */
  transactions = 0;

  constructor(private readonly storage: Storage) {}

  schedule(room: Room): void {
    this.due.add(room);
    if (this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after the I/O callbacks of this turn: every frame read in it joins the batch.
    setImmediate(() => {
      this.chain = this.chain.then(() => this.flush());
    });
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
    const rooms = [...this.due];
    this.due.clear();
    const parts: Array<[Room, RoomBatch]> = rooms.map((room) => [room, room.takeBatch()]);
    const writes = parts.flatMap(([room, b]) => (b.merged ? [{ meetingId: room.meetingId, update: b.merged }] : []));
    let seqs = new Map<string, number>();
    try {
      if (writes.length) {
        seqs = await this.storage.appendUpdates(writes);
        this.transactions += 1;
      }
    } catch (err) {
      for (const [room] of parts) room.failed(err);
      return;
    }
    for (const [room, batch] of parts) room.committed(batch, seqs.get(room.meetingId));
  }
}
