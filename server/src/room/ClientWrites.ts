// A room's write path for client updates: the domain's verdict (rights, moves,
// rule P6 client-id ownership, rule P8 deletions refused before), then the
// update or its content-free placeholder applied, and the sender told of a refusal.
import * as Y from 'yjs';
import type { Logger } from 'pino';
import { CLOSE, RefusedDeletes, deletionOf, permissionDeniedFrame, refusedFrame, syncUpdate, type DeleteRange } from '@consent/shared';
import type { Connection } from './Connection.ts';
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
  logger: Logger;
  /** The room's stored updates. */
  updates: RoomLog;
  /** The room's current document. */
  doc(): Y.Doc;
  /** Yjs threw while integrating an update: the room reloads its document. */
  recover(): void;
}

export class ClientWrites {
  /** Rule P6: Yjs client id → the participant who first wrote with it. */
  private owners = new Map<number, string>();
  /** Rule P8: participant id → the deletions of theirs that were refused, never judged again. */
  private refused = new Map<string, RefusedDeletes>();
  /** While a client's update is being applied: its doc updates, kept apart until the apply succeeded. */
  private applying: DocUpdate[] | null = null;

  constructor(private readonly deps: ClientWritesDeps) {}

  /** Starts from the bindings and refused deletions storage holds (on load and reload). */
  reset(owners: Map<number, string>, refused: Iterable<DeleteRange & { participantId: string }> = []): void {
    this.owners = owners;
    this.refused = new Map();
    for (const { participantId, ...range } of refused) this.refusedOf(participantId).add(range);
  }

  private refusedOf(participantId: string): RefusedDeletes {
    let set = this.refused.get(participantId);
    if (!set) this.refused.set(participantId, (set = new RefusedDeletes()));
    return set;
  }

  /** Keeps a doc update of an apply in progress; false when none is in progress. */
  capture(item: DocUpdate): boolean {
    if (!this.applying) return false;
    this.applying.push(item);
    return true;
  }

  bind(client: number, participantId: string): void {
    this.owners.set(client, participantId);
    this.deps.updates.bind({ meetingId: this.deps.meetingId, client, participantId });
  }

  /**
   * A sync step 2 or update frame's payload: checked, then applied or refused. Only a
   * step 2 (a resync, which resends the whole delete set) leaves out deletions refused
   * before [P8]; an update frame is a new write, judged whole.
   */
  handle(conn: Connection, update: Uint8Array, resync = false): void {
    conn.handled += 1;
    if (conn.wantsAck) this.deps.updates.ackAfterCommit(conn);
    if (EMPTY_UPDATE(update)) return;
    const { policy } = this.deps;
    const doc = this.deps.doc();
    const actor = { kind: 'participant', participantId: conn.identity.participantId } as const;
    const verdict = (() => {
      try {
        // The policy bounds and decodes the update before anything reads it (WritePolicy.check).
        // Observers go through it too: it refuses their writes (R3) but lets through a
        // sync step 2 that changes nothing, such as the delete set every reconnect resends.
        const refused = resync ? this.refused.get(actor.participantId) : undefined;
        return policy.check(doc, update, actor, (client) => this.owners.get(client), refused);
      } catch (e) {
        throw new MalformedFrame(e instanceof Error ? e.message : 'undecodable update');
      }
    })();
    // Rule P1 (does not decode, structs out of order) is a broken client, not a refused write.
    if (!verdict.ok && verdict.rule === MALFORMED_RULE) throw new MalformedFrame(verdict.reason);
    // [P7, P8] what the document holds already, and deletions refused before, are left out
    const fresh = verdict.update ?? update;
    if (verdict.ok) {
      if (!this.apply(conn, fresh)) return;
      for (const client of verdict.clients) if (!this.owners.has(client)) this.bind(client, conn.identity.participantId);
      if (verdict.events.length) {
        policy.appendEvents(this.deps.doc(), verdict.events, conn.identity.participantId, this.deps.now(), this.deps.meetingId);
      }
      return;
    }
    // Keep the client's clock chain whole on the server and on every peer: the
    // placeholders carry no content and are relayed like any update.
    const self = conn.identity.participantId;
    let placeholder: Uint8Array;
    let deletions: DeleteRange[];
    try {
      placeholder = policy.neutralize(fresh, (client) => (this.owners.get(client) ?? self) === self);
      deletions = policy.liveDeletions?.(doc, fresh) ?? [];
    } catch (e) {
      throw new MalformedFrame(e instanceof Error ? e.message : 'undecodable update');
    }
    if (!this.apply(conn, placeholder)) return;
    this.remember(self, deletions);
    this.deps.logger.info({ meetingId: this.deps.meetingId, conn: conn.id, rule: verdict.rule }, 'write refused');
    // A refusal never closes the connection, so it can never turn into a reconnect loop (docs/protocol.md, Refusal).
    if (conn.wantsAck) return conn.send(refusedFrame(verdict.rule, verdict.reason, conn.handled));
    conn.send(permissionDeniedFrame(`${verdict.rule}: ${verdict.reason}`));
    // The standard provider keeps the refused content: remove it from its copy, as a resync's delete set would.
    const correction = syncUpdate(deletionOf(placeholder));
    this.deps.updates.afterCommit(() => conn.send(correction));
  }

  /** [P8] The refused deletions of content still alive: the sender's later updates delete it again. */
  private remember(participantId: string, deletions: DeleteRange[]): void {
    if (!deletions.length) return;
    const set = this.refusedOf(participantId);
    for (const range of deletions) {
      if (!set.add(range)) {
        this.deps.logger.warn({ meetingId: this.deps.meetingId, participantId }, 'too many refused deletions to remember');
        return;
      }
      this.deps.updates.refusedDelete({ meetingId: this.deps.meetingId, participantId, ...range });
    }
  }

  /** Applies a client's (checked or neutralized) update; false when Yjs threw. */
  private apply(conn: Connection, update: Uint8Array): boolean {
    const captured: DocUpdate[] = [];
    this.applying = captured;
    try {
      Y.applyUpdate(this.deps.doc(), update, conn);
    } catch (err) {
      this.deps.logger.warn(
        { meetingId: this.deps.meetingId, conn: conn.id, err: err instanceof Error ? err.message : String(err) },
        'update failed to integrate; reloading the room',
      );
      conn.close(CLOSE.malformed, 'update failed to integrate');
      this.deps.recover();
      return false;
    } finally {
      this.applying = null;
    }
    for (const i of captured) this.deps.updates.add(i.update, i.origin, i.block);
    return true;
  }
}
