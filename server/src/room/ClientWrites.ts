// A room's write path for client updates: the domain's verdict (rights, moves,
// rule P6 client-id ownership), then the update or its content-free placeholder
// applied, and the sender told of a refusal.
import * as Y from 'yjs';
import type { Logger } from 'pino';
import { CLOSE, refusedFrame } from '@consent/shared';
import { Connection } from './Connection.ts';
import { truncateReason } from './messages.ts';
import type { RoomLog } from './RoomLog.ts';
import type { Block } from './updateBatch.ts';
import type { WritePolicy } from './writeCheck.ts';

/** A frame that does not decode: its connection is closed with 1007. */
export class MalformedFrame extends Error {}

/** docs/consent-spec.md: a malformed update. */
const MALFORMED_RULE = 'P1';

/** Owner of the client ids the server writes with (never a participant id: those are random base64url). */
export const SERVER_OWNER = '(server)';

const EMPTY_UPDATE = (u: Uint8Array) => u.length === 2 && u[0] === 0 && u[1] === 0;

/** One document update, as the doc's 'update' event reports it. */
export interface DocUpdate {
  update: Uint8Array;
  origin: Connection | null;
  block: Block | null;
}

export interface ClientWritesDeps {
  meetingId: string;
  policy: WritePolicy;
  now(): number;
  log: Logger;
  roomLog: RoomLog;
  /** The room's current document. */
  doc(): Y.Doc;
  /** Yjs threw while integrating an update: the room reloads its document. */
  recover(): void;
}

export class ClientWrites {
  /** Rule P6: Yjs client id → the participant who first wrote with it. */
  private owners = new Map<number, string>();
  /** While a client's update is being applied: its doc updates, kept apart until the apply succeeded. */
  private applying: DocUpdate[] | null = null;

  constructor(private readonly deps: ClientWritesDeps) {}

  /** Starts from the bindings storage holds (on load and reload). */
  reset(owners: Map<number, string>): void {
    this.owners = owners;
  }

  /** Keeps a doc update of an apply in progress; false when none is in progress. */
  capture(item: DocUpdate): boolean {
    if (!this.applying) return false;
    this.applying.push(item);
    return true;
  }

  bind(client: number, participantId: string): void {
    this.owners.set(client, participantId);
    this.deps.roomLog.bind({ meetingId: this.deps.meetingId, client, participantId });
  }

  /** A sync step 2 or update frame's payload: checked, then applied or refused. */
  handle(conn: Connection, update: Uint8Array): void {
    conn.handled += 1;
    if (conn.wantsAck) this.deps.roomLog.ackAfterCommit(conn);
    if (EMPTY_UPDATE(update)) return;
    const { policy } = this.deps;
    const doc = this.deps.doc();
    const actor = { kind: 'participant', participantId: conn.identity.participantId } as const;
    const verdict = (() => {
      try {
        // The policy bounds and decodes the update before anything reads it (WritePolicy.check).
        // Observers go through it too: it refuses their writes (R3) but lets through a
        // sync step 2 that changes nothing, such as the delete set every reconnect resends.
        return policy.check(doc, update, actor, (client) => this.owners.get(client));
      } catch (e) {
        throw new MalformedFrame(e instanceof Error ? e.message : 'undecodable update');
      }
    })();
    // Rule P1 (does not decode, structs out of order) is a broken client, not a refused write.
    if (!verdict.ok && verdict.rule === MALFORMED_RULE) throw new MalformedFrame(verdict.reason);
    if (verdict.ok) {
      if (!this.apply(conn, update)) return;
      for (const client of verdict.clients) if (!this.owners.has(client)) this.bind(client, conn.identity.participantId);
      if (verdict.events.length) {
        policy.appendEvents(this.deps.doc(), verdict.events, conn.identity.participantId, this.deps.now());
      }
      return;
    }
    // Keep the client's clock chain whole on the server and on every peer: the
    // placeholders carry no content and are relayed like any update.
    let placeholder: Uint8Array;
    try {
      const self = conn.identity.participantId;
      placeholder = policy.neutralize(update, (client) => (this.owners.get(client) ?? self) === self);
    } catch (e) {
      throw new MalformedFrame(e instanceof Error ? e.message : 'undecodable update');
    }
    if (!this.apply(conn, placeholder)) return;
    this.deps.log.info({ meetingId: this.deps.meetingId, conn: conn.id, rule: verdict.rule }, 'write refused');
    if (conn.wantsAck) conn.send(refusedFrame(verdict.rule, verdict.reason));
    else conn.close(CLOSE.refused, truncateReason(verdict.reason));
  }

  /** Applies a client's (checked or neutralized) update; false when Yjs threw. */
  private apply(conn: Connection, update: Uint8Array): boolean {
    const captured: DocUpdate[] = [];
    this.applying = captured;
    try {
      Y.applyUpdate(this.deps.doc(), update, conn);
    } catch (err) {
      this.deps.log.warn({ meetingId: this.deps.meetingId, conn: conn.id, err: err instanceof Error ? err.message : String(err) }, 'update failed to integrate; reloading the room');
      conn.close(CLOSE.malformed, 'update failed to integrate');
      this.deps.recover();
      return false;
    } finally {
      this.applying = null;
    }
    for (const i of captured) this.deps.roomLog.add(i.update, i.origin, i.block);
    return true;
  }
}
