// Rooms by meeting id: each loaded from storage exactly once however many
// clients join at the same moment, unloaded after the last one left and a
// grace period (recording when a closed meeting closed), closed with code 1001
// on shutdown, and erased with 4404 when the meeting is deleted.
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { CLOSE, ORIGIN, closedAt } from '@consent/shared';
import { FencedOut } from '../storage/Leases.ts';
import type { MeetingRecord, Storage } from '../storage/Storage.ts';
import { SERVER_OWNER } from './ClientWrites.ts';
import type { Connection } from './Connection.ts';
import { Room } from './Room.ts';
import { WriteBatcher } from './WriteBatcher.ts';
import type { WritePolicy } from './writeCheck.ts';

export interface RoomManagerOptions {
  storage: Storage;
  policy: WritePolicy;
  graceMs: number;
  /** How often quiet rooms' documents are checked for sleep (QuietDoc); 0 or absent: never. */
  sleepMs?: number;
  compactEvery: number;
  maxFrameBytes: number;
  log: Logger;
  now?: () => number;
  /** Who is online may have changed in a room (the facilitator's absence is watched there). */
  onPresence?: (room: Room) => void;
  /** Several nodes: a meeting loads only on the node holding its lease (docs/deploy.md). */
  ownership?: Ownership;
}

/** What the rooms need of the cluster's leases; absent on a single node. */
export interface Ownership {
  /** This node holds the meeting's lease, renewed in time. */
  serving(meetingId: string): boolean;
  /** Takes the lease before the meeting loads; rejects when another node holds it. */
  claim(meetingId: string): Promise<void>;
  /** The room unloaded: another node may take the meeting at once. */
  release(meetingId: string): Promise<void>;
  /** A fenced write was refused: the lease is another node's now. */
  forget(meetingId: string): void;
}

/** The meeting is being deleted: it takes no one and loads no more. */
export class MeetingDeleted extends Error {
  constructor(readonly meetingId: string) {
    super('meeting not found');
  }
}

export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly timers = new Map<Room, NodeJS.Timeout>();
  private readonly roomOf = new Map<Connection, Room>();
  readonly writer: WriteBatcher;
  private closing = false;
  private readonly deleting = new Set<string>();
  /** Loads from storage so far (tests check there is one per room lifetime). */
  loads = 0;

  private readonly sleepSweep: NodeJS.Timeout | null;

  constructor(private readonly opts: RoomManagerOptions) {
    this.writer = new WriteBatcher(opts.storage);
    this.sleepSweep = opts.sleepMs
      ? setInterval(() => {
          for (const room of this.rooms.values()) room.sleepIfQuiet();
        }, opts.sleepMs)
      : null;
    this.sleepSweep?.unref();
  }

  get roomCount(): number {
    return this.rooms.size;
  }

  room(meetingId: string): Room | undefined {
    return this.rooms.get(meetingId);
  }

  /**
   * A new meeting: its first content written by the server, stored with its
   * record. Rule P6: the client id that wrote it is bound to the server, so
   * nobody writes on under it.
   */
  async createMeeting(record: MeetingRecord, write: (doc: Y.Doc) => void): Promise<void> {
    const doc = new Y.Doc();
    try {
      doc.transact(() => write(doc), ORIGIN.server);
      // the server's client binding goes in the same transaction: a fenced store would refuse a later append (no lease yet)
      await this.opts.storage.createMeeting(record, Y.encodeStateAsUpdate(doc), [{ client: doc.clientID, participantId: SERVER_OWNER }]);
    } finally {
      doc.destroy();
    }
  }

  /** The live room of a meeting, created (and its load started) on first use. */
  private async obtain(meetingId: string): Promise<Room> {
    for (;;) {
      if (this.deleting.has(meetingId)) throw new MeetingDeleted(meetingId);
      const existing = this.rooms.get(meetingId);
      if (existing && existing.state !== 'unloading' && existing.state !== 'closed') return existing;
      if (existing?.state === 'closed') {
        // failed or finished: its document is released, the meeting loads afresh
        this.rooms.delete(meetingId);
        continue;
      }
      if (existing) {
        // A room being unloaded finishes its final write before the meeting loads again.
        await existing.closed;
        continue;
      }
      if (this.closing) throw new Error('server is shutting down');
      const ownership = this.opts.ownership;
      if (ownership && !ownership.serving(meetingId)) {
        // the lease first (another node's holder is thrown), then look again: someone may have loaded it meanwhile
        await ownership.claim(meetingId);
        continue;
      }
      const room = new Room(meetingId, {
        storage: this.opts.storage,
        policy: this.opts.policy,
        scheduleWrite: (r) => this.writer.schedule(r),
        now: this.opts.now ?? Date.now,
        compactEvery: this.opts.compactEvery,
        // the server's logger itself: each line names the meeting (a child logger per room costs memory)
        logger: this.opts.log,
        onPresence: this.opts.onPresence,
        serving: ownership ? () => ownership.serving(meetingId) : undefined,
        onLeaseLost: ownership ? () => ownership.forget(meetingId) : undefined,
      });
      this.loads += 1;
      this.rooms.set(meetingId, room);
      room.ready.catch((err) => {
        this.opts.log.error({ meetingId, err }, 'loading the meeting failed');
        for (const conn of room.conns) conn.close(CLOSE.internalError, 'loading failed');
        if (this.rooms.get(meetingId) === room) this.rooms.delete(meetingId);
      });
      return room;
    }
  }

  /** Attaches a new connection; frames it receives meanwhile wait in its inbox. */
  connect(conn: Connection): void {
    const attach = (room: Room) => {
      if (conn.closed) return this.maybeUnload(room);
      if (this.deleting.has(room.meetingId)) return conn.close(CLOSE.notFound, 'meeting deleted');
      this.roomOf.set(conn, room);
      this.cancelUnload(room);
      room.add(conn);
    };
    const now = this.rooms.get(conn.identity.meetingId);
    if (now && (now.state === 'loading' || now.state === 'ready')) return attach(now);
    this.obtain(conn.identity.meetingId).then(attach, (err) =>
      err instanceof MeetingDeleted ? conn.close(CLOSE.notFound, 'meeting deleted') : conn.close(CLOSE.goingAway, 'unavailable'),
    );
  }

  receive(conn: Connection, data: Uint8Array): void {
    if (conn.closed) return;
    if (data.byteLength > this.opts.maxFrameBytes) return conn.close(CLOSE.tooBig, 'frame too large');
    if (!conn.rate.take((this.opts.now ?? Date.now)())) return conn.close(CLOSE.tryAgainLater, 'rate limit');
    const room = this.roomOf.get(conn);
    if (room) room.receive(conn, data);
    else conn.hold(data);
  }

  /** The socket closed (either side): forget it and start the grace period if it was the last one. */
  disconnect(conn: Connection): void {
    conn.closed = true;
    const room = this.roomOf.get(conn);
    this.roomOf.delete(conn);
    if (!room) return;
    room.remove(conn);
    this.maybeUnload(room);
  }

  /** Closes every open socket of one participant (a removal), with a final code. */
  closeParticipant(meetingId: string, participantId: string, code: number, reason: string): void {
    const room = this.rooms.get(meetingId);
    if (!room) return;
    for (const conn of room.conns) if (conn.identity.participantId === participantId) conn.close(code, reason);
  }

  /** Runs `use` on the loaded room of a meeting, keeping it loaded meanwhile. */
  async withRoom<T>(meetingId: string, use: (room: Room) => Promise<T> | T): Promise<T> {
    const room = await this.obtain(meetingId);
    room.holds += 1;
    this.cancelUnload(room);
    try {
      await room.ready;
      return await use(room);
    } finally {
      room.holds -= 1;
      this.maybeUnload(room);
    }
  }

  /**
   * Runs `use` on the meeting's document as stored, without changing it: the live room's when
   * it is loaded here (or can be), else (several nodes, another node owns it) a copy read from
   * storage, which holds everything acknowledged.
   */
  async readDoc<T>(meetingId: string, use: (doc: Y.Doc) => Promise<T> | T): Promise<T> {
    try {
      return await this.withRoom(meetingId, (room) => use(room.doc));
    } catch (err) {
      if (!(err instanceof Error && err.name === 'OwnedElsewhere')) throw err;
    }
    const stored = await this.opts.storage.loadDoc(meetingId);
    const doc = new Y.Doc();
    try {
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      return await use(doc);
    } finally {
      doc.destroy();
    }
  }

  private cancelUnload(room: Room): void {
    const t = this.timers.get(room);
    if (t) clearTimeout(t);
    this.timers.delete(room);
  }

  private maybeUnload(room: Room): void {
    if (!room.idle || this.timers.has(room) || this.closing || room.state === 'unloading') return;
    const timer = setTimeout(() => {
      this.timers.delete(room);
      if (room.idle) void this.unload(room);
    }, this.opts.graceMs);
    timer.unref();
    this.timers.set(room, timer);
  }

  private async unload(room: Room): Promise<void> {
    // a room that failed keeps the lease for the next room, or lost it already
    const live = room.state !== 'closed';
    try {
      const closed = room.state === 'ready' ? closedAt(room.doc) : undefined;
      await room.unload();
      // Kept for RETENTION_DAYS; read from the log the server wrote, so the time is its own.
      if (closed !== undefined && !this.deleting.has(room.meetingId)) await this.opts.storage.setClosedAt(room.meetingId, closed);
      this.opts.log.debug({ meetingId: room.meetingId }, 'room unloaded');
    } catch (err) {
      this.opts.log.error({ meetingId: room.meetingId, err }, 'unloading failed');
    } finally {
      if (this.rooms.get(room.meetingId) === room) this.rooms.delete(room.meetingId);
      if (live && !this.rooms.has(room.meetingId)) await this.opts.ownership?.release(room.meetingId);
    }
  }

  /** Several nodes: the meeting's lease was lost; its sockets close with 4010 and the room is dropped. */
  letGo(meetingId: string): void {
    const room = this.rooms.get(meetingId);
    if (!room) return;
    room.failed(new FencedOut([meetingId]));
    this.rooms.delete(meetingId);
  }

  /**
   * Deletes a meeting: its sockets are closed with 4404 (the standard provider does not
   * come back), its room finishes pending writes and is dropped, then storage erases it.
   * Meanwhile the meeting loads for no one. Resolves false for an unknown meeting.
   */
  async deleteMeeting(meetingId: string): Promise<boolean> {
    // several nodes: only the owner deletes (another node's holder is thrown before anything happens)
    if (this.opts.ownership && !this.rooms.has(meetingId)) await this.opts.ownership.claim(meetingId);
    this.deleting.add(meetingId);
    try {
      const room = this.rooms.get(meetingId);
      if (room) {
        this.cancelUnload(room);
        for (const conn of room.conns) conn.close(CLOSE.notFound, 'meeting deleted');
        await room.ready.catch(() => undefined);
        await this.unload(room);
      }
      return await this.opts.storage.deleteMeeting(meetingId);
    } finally {
      this.deleting.delete(meetingId);
    }
  }

  /** Shutdown: close every socket with 1001, write what is pending, compact and unload every room. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.sleepSweep) clearInterval(this.sleepSweep);
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const [conn] of this.roomOf) conn.close(CLOSE.goingAway, 'server shutting down');
    await this.writer.drain();
    await Promise.all(
      [...this.rooms.values()].map((room) =>
        room.ready.then(
          () => this.unload(room),
          () => undefined,
        ),
      ),
    );
  }
}
