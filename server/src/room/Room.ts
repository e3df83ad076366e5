// One meeting in memory: its Y.Doc, awareness and connections. Speaks the
// y-websocket protocol over the minimal SyncSocket (client writes go through
// ClientWrites), and relays only what the write batcher has made durable.
import * as Y from 'yjs';
import { CLOSE, awarenessFrame, syncStep1, syncStep2 } from '@consent/shared';
import { FencedOut } from '../storage/Leases.ts';
import { AwarenessRelay, AwarenessStore } from './awareness.ts';
import { readClientFrame } from './frames.ts';
import { ClientWrites, MalformedFrame, SERVER_OWNER } from './ClientWrites.ts';
import { Connection } from './Connection.ts';
import { RoomLog, type RoomBatch } from './RoomLog.ts';
import { QuietDoc } from './QuietDoc.ts';
import { relayBatch } from './relayBatch.ts';
import { WholeDocFrame } from './WholeDocFrame.ts';
import { blockOf } from './updateBatch.ts';
import type { RoomDeps } from './RoomDeps.ts';

export type { RoomDeps };

/** Awareness changes are relayed at most this often per room (carets move many times a second). */
export const AWARENESS_INTERVAL_MS = 50;

export class Room {
  /** The meeting document, asleep (encoded) while the meeting is quiet. */
  private readonly quiet = new QuietDoc();
  readonly awareness = new AwarenessStore();
  readonly conns = new Set<Connection>();
  state: 'loading' | 'ready' | 'unloading' | 'closed' = 'loading';
  readonly ready: Promise<void>;
  /** Resolves when the room has released its document (unloaded or failed). */
  readonly closed: Promise<void>;
  private markClosed!: () => void;
  /** HTTP requests currently using the room (they keep it loaded like a connection). */
  holds = 0;
  /** The meeting's stored updates: appends, acks after commit, compaction. */
  private readonly updates: RoomLog;
  private readonly awarenessRelay: AwarenessRelay;
  private readonly writes: ClientWrites;
  /** The whole document as a sync step 2, for clients that join with nothing. */
  private readonly wholeDoc = new WholeDocFrame();
  /** Set while the document reloads after a failed apply. */
  private reloading: Promise<void> | null = null;

  constructor(
    readonly meetingId: string,
    private readonly deps: RoomDeps,
  ) {
    this.updates = new RoomLog({
      meetingId,
      storage: deps.storage,
      compactEvery: deps.compactEvery,
      logger: deps.logger,
      schedule: () => deps.scheduleWrite(this),
      // A document being reloaded may hold part of an update that failed to integrate.
      snapshot: () => (this.reloading !== null ? null : this.quiet.encode()),
      relay: (batch) => relayBatch(this.conns, batch),
    });
    this.writes = new ClientWrites({
      meetingId,
      policy: deps.policy,
      now: deps.now,
      logger: deps.logger,
      updates: this.updates,
      doc: () => this.quiet.doc,
      recover: () => this.recover(),
    });
    this.awarenessRelay = new AwarenessRelay(this.awareness, AWARENESS_INTERVAL_MS, (frame) => {
      if (this.state === 'closed' || !this.stillOwned()) return;
      for (const conn of this.conns) conn.send(frame);
    });
    this.closed = new Promise((resolve) => (this.markClosed = resolve));
    this.ready = this.load();
    // A failed load is reported through `ready` to whoever awaits it; never unhandled.
    this.ready.catch(() => undefined);
  }

  /** The meeting document; replaced only when a failed apply forces a reload (see `recover`). */
  get doc(): Y.Doc {
    return this.quiet.doc;
  }

  /** The document is kept encoded until its next use (QuietDoc). */
  get sleeping(): boolean {
    return this.quiet.sleeping;
  }

  /** The room manager's sweep: a document unused since the last sweep, with everything stored, sleeps. */
  sleepIfQuiet(): void {
    if (this.state === 'ready' && !this.reloading) this.quiet.check(!this.updates.busy);
  }

  /**
   * Every change of the document (loaded or woken) is logged to be stored and relayed.
   * A method of its own: a closure made in load() would keep the loaded document
   * alive through its context while the document sleeps.
   */
  private readonly attachDoc = (doc: Y.Doc): void => {
    doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
      this.wholeDoc.invalidate();
      const item = { update, origin: origin instanceof Connection ? origin : null, block: blockOf(update, tr) };
      if (!this.writes.capture(item)) this.updates.add(item.update, item.origin, item.block);
    });
  };

  private async load(): Promise<void> {
    const stored = await this.deps.storage.loadDoc(this.meetingId);
    const doc = new Y.Doc();
    doc.transact(() => {
      for (const u of stored.updates) Y.applyUpdate(doc, u);
    });
    this.wholeDoc.invalidate();
    this.updates.reset(stored.lastSeq, stored.logLength);
    this.writes.reset(stored.clientOwners, stored.refusedDeletes);
    // The server's own writes in this lifetime use this client id: nobody else may (kept across sleeps).
    this.writes.bind(doc.clientID, SERVER_OWNER);
    // let go while it loaded (the lease lapsed): stays closed
    if (this.state === 'closed') return doc.destroy();
    this.quiet.adopt(doc, this.attachDoc);
    this.state = 'ready';
    for (const conn of this.conns) {
      if (conn.started) this.drain(conn);
      else this.start(conn);
    }
  }

  /**
   * Yjs threw while integrating a client's update (a hostile shape the checks did not
   * catch): the document may hold part of it. Nothing of it was stored or relayed; the
   * room finishes its pending writes, reloads the document from storage and goes on.
   */
  private recover(): void {
    this.state = 'loading';
    this.reloading = (async () => {
      try {
        await this.updates.whenIdle();
        await this.load();
      } catch (err) {
        this.failed(err);
      } finally {
        this.reloading = null;
      }
    })();
  }

  add(conn: Connection): void {
    this.conns.add(conn);
    if (this.state === 'ready') this.start(conn);
  }

  /** Forgets a closed connection and removes its awareness states for everyone. */
  remove(conn: Connection): void {
    if (!this.conns.delete(conn)) return;
    const removed = this.awareness.removeOwner(conn);
    if (removed.length) {
      this.awarenessRelay.queue(removed);
      this.deps.onPresence?.(this);
    }
  }

  /** [F3] Whether anyone but `participantId` is online. */
  othersOnline(participantId: string): boolean {
    for (const conn of this.conns) if (conn.identity.participantId !== participantId && this.awareness.hasLive(conn)) return true;
    return false;
  }

  /** [F3] Whether the participant is online: one of their connections holds a live awareness state. */
  isOnline(participantId: string): boolean {
    for (const conn of this.conns) if (conn.identity.participantId === participantId && this.awareness.hasLive(conn)) return true;
    return false;
  }

  get idle(): boolean {
    return this.conns.size === 0 && this.holds === 0;
  }

  private start(conn: Connection): void {
    // a socket admitted while its participant was being removed arrives after the removal's sweep: close it here
    if (this.quiet.participant(conn.identity.participantId).removed) {
      conn.close(CLOSE.forbidden, 'removed by the facilitator');
      return;
    }
    conn.started = true;
    conn.send(syncStep1(this.quiet.stateVector()));
    if (this.awareness.size) conn.send(awarenessFrame(this.awareness.encode()));
    this.drain(conn);
  }

  /** Handles the frames a connection sent while the room was loading, in order. */
  private drain(conn: Connection): void {
    // A frame may start a reload: the rest then waits for it, still in order.
    while (!conn.closed && this.state === 'ready') {
      const frame = conn.nextHeld();
      if (!frame) return;
      this.handleNow(conn, frame);
    }
  }

  /** Handles one frame; a malformed one closes only its own connection. */
  receive(conn: Connection, data: Uint8Array): void {
    if (conn.closed) return;
    if (this.state !== 'ready') {
      conn.hold(data);
      return;
    }
    this.handleNow(conn, data);
  }

  private handleNow(conn: Connection, data: Uint8Array): void {
    try {
      this.handle(conn, data);
    } catch (err) {
      if (err instanceof MalformedFrame) {
        this.deps.logger.info({ meetingId: this.meetingId, conn: conn.id, err: err.message }, 'malformed frame');
        conn.close(CLOSE.malformed, 'malformed frame');
      } else {
        this.deps.logger.error({ meetingId: this.meetingId, conn: conn.id, err }, 'frame handling failed');
        conn.close(CLOSE.internalError, 'internal error');
      }
    }
  }

  private handle(conn: Connection, data: Uint8Array): void {
    if (!this.stillOwned()) return;
    const frame = readClientFrame(data);
    if (frame.kind === 'step1') this.replyStep2(conn, frame.stateVector);
    else if (frame.kind === 'update') this.writes.handle(conn, frame.payload, frame.resync);
    else if (frame.kind === 'queryAwareness') conn.send(awarenessFrame(this.awareness.encode()));
    else if (frame.kind === 'awareness') {
      const { participantId } = conn.identity;
      const { name } = this.quiet.participant(participantId);
      let changed: ReturnType<AwarenessStore['apply']>;
      try {
        changed = this.awareness.apply(conn, frame.entries, { participantId, name });
      } catch (e) {
        throw new MalformedFrame(e instanceof Error ? e.message : 'undecodable');
      }
      if (changed.length) {
        this.awarenessRelay.queue(changed);
        // not for renewals and caret moves: they change nothing about who is online (and would wake a sleeping document)
        if (this.awareness.livenessChanged) this.deps.onPresence?.(this);
      }
    }
  }

  private replyStep2(conn: Connection, stateVector: Uint8Array): void {
    // Nothing leaves the server before it is on disk: answer after the pending batch commits,
    // and from the reloaded document if a failed apply forced a reload meanwhile.
    const fresh = stateVector.length === 1 && stateVector[0] === 0;
    const reply = (): void => {
      if (this.reloading !== null) void this.reloading.then(reply);
      else conn.send(fresh ? this.wholeDoc.get(() => this.quiet.encode()) : syncStep2(this.quiet.diff(stateVector)));
    };
    this.updates.afterCommit(reply);
  }

  /** A server-side write (create, join): applied, stored and relayed; resolves once durable. */
  async serverWrite(write: (doc: Y.Doc) => void): Promise<void> {
    while (this.reloading !== null) await this.reloading;
    if (this.state === 'closed') throw new Error('the meeting is not available right now');
    write(this.doc);
    await this.updates.whenIdle();
  }

  takeBatch(): RoomBatch {
    return this.updates.take();
  }

  committed(batch: RoomBatch, lastSeq: number | undefined): void {
    // stored under the fence, but the lease lapsed meanwhile: no ack, no relay (clients resend on reconnecting)
    if (this.stillOwned()) this.updates.committed(batch, lastSeq);
  }

  /** Several nodes: false (and the meeting let go) once this node may no longer serve it. */
  private stillOwned(): boolean {
    if (!this.deps.serving || this.deps.serving()) return true;
    this.failed(new FencedOut([this.meetingId]));
    return false;
  }

  /** Resolves once every write made so far is durable. */
  whenIdle(): Promise<void> {
    return this.updates.whenIdle();
  }

  /** Storing the batch failed: nothing of it was relayed; drop every connection so clients resync. */
  failed(err: unknown): void {
    if (this.state === 'closed') return;
    this.updates.failed(err);
    const moved = err instanceof FencedOut;
    if (moved) this.deps.onLeaseLost?.();
    if (moved) this.deps.logger.warn({ meetingId: this.meetingId }, 'the lease moved to another node; letting the meeting go');
    else this.deps.logger.error({ meetingId: this.meetingId, err }, 'storing updates failed; closing the room');
    for (const conn of this.conns) conn.close(moved ? CLOSE.moved : CLOSE.internalError, moved ? 'meeting moved' : 'storage failure');
    this.state = 'closed';
    this.markClosed();
  }

  /** Final write and compaction, then the document is released. */
  async unload(): Promise<void> {
    if (this.state === 'closed') return;
    this.state = 'unloading';
    try {
      await this.updates.close();
    } finally {
      this.state = 'closed';
      this.quiet.destroy();
      this.markClosed();
    }
  }
}
