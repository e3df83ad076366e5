// Sends a committed batch to a room's connections: the whole merged update to
// those that wrote nothing in it, and to a writer only the others' part.
import { syncUpdate } from '@consent/shared';
import type { Connection } from './Connection.ts';
import type { RoomBatch } from './RoomLog.ts';

export function relayBatch(conns: Iterable<Connection>, { merged, updates }: RoomBatch): void {
  let everything: Uint8Array | null = null;
  for (const conn of conns) {
    if (!updates.wrote(conn)) {
      everything ??= syncUpdate(merged!);
      conn.send(everything);
      continue;
    }
    // Never echo: a sender gets the others' part of the batch only.
    const others = updates.without(conn);
    if (others) conn.send(syncUpdate(others));
  }
}
