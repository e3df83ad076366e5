// What a room is given by its manager: storage, the write policy, the write
// batcher, the clock and logger, and (several nodes) whether it may still serve.
import type { Logger } from 'pino';
import type { Storage } from '../storage/Storage.ts';
import type { Room } from './Room.ts';
import type { WritePolicy } from './writeCheck.ts';

export interface RoomDeps {
  storage: Storage;
  policy: WritePolicy;
  /** Called when the room has writes to store; the batcher later calls takeBatch/committed. */
  scheduleWrite(room: Room): void;
  now(): number;
  compactEvery: number;
  logger: Logger;
  /** Who is online may have changed (an awareness state came or went). */
  onPresence?(room: Room): void;
  /**
   * Several nodes: whether this node still owns the meeting (its lease renewed within ⅔ TTL).
   * When it answers false the room acknowledges and relays nothing more and lets the meeting go.
   */
  serving?(): boolean;
  /** The fence refused a write, or the lease lapsed: this node no longer owns the meeting. */
  onLeaseLost?(): void;
}
