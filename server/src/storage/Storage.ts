// The storage boundary of the server: meetings with their join codes and the
// participants the facilitator removed, and each meeting's document as a
// snapshot plus an append-only log of Yjs updates.
// Rooms and routes only see this interface, so another store can replace SQLite.
import type { JoinCodes } from '@consent/shared';
import type { CircleStorage } from './CircleStorage.ts';

export interface MeetingRecord {
  id: string;
  createdAt: number;
  /** One join code per role (member, guest, observer): a code grants its role only. */
  codes: JoinCodes;
}

/** A Yjs client id bound to the participant who first wrote with it (rule P6). */
export interface ClientBinding {
  meetingId: string;
  client: number;
  participantId: string;
}

/**
 * A deletion the server refused from a participant, of content still alive (rule P8):
 * the participant's later updates delete it again, and it is never judged again.
 */
export interface RefusedDeletion {
  meetingId: string;
  participantId: string;
  client: number;
  clock: number;
  len: number;
}

/** A meeting's document as stored: apply `updates` in order to an empty Y.Doc. */
export interface StoredDoc {
  /** The snapshot (if any) first, then every logged update after it, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the newest update included; pass it to `compact`. */
  lastSeq: number;
  /** How many logged updates follow the snapshot (0 right after a compaction). */
  logLength: number;
  /** Client id → participant id bindings of the meeting. */
  clientOwners: Map<number, string>;
  /** The meeting's refused deletions (rule P8), oldest first; absent when the store keeps none. */
  refusedDeletes?: Array<Omit<RefusedDeletion, 'meetingId'>>;
}

/** [V3] One participant's answer in a round revealed together: kept out of the document until the reveal. */
export interface SealedAnswer {
  meetingId: string;
  itemId: string;
  round: number;
  participantId: string;
  /** Plain JSON (a sealed position or nomination, validated by the caller). */
  answer: unknown;
}

export interface Storage {
  /** Circles, their members, roles, links and meetings (docs/circles.md). */
  readonly circles: CircleStorage;
  /**
   * Stores a new meeting, its initial document and the client bindings of whoever wrote
   * it (the server's own client id) in one transaction; rejects a duplicate id.
   * Needs no lease: nobody can hold the lease of a meeting that does not exist yet.
   */
  createMeeting(
    meeting: MeetingRecord,
    initialUpdate: Uint8Array,
    bindings?: ReadonlyArray<Omit<ClientBinding, 'meetingId'>>,
  ): Promise<void>;
  getMeeting(id: string): Promise<MeetingRecord | null>;
  /** Replaces some of a meeting's join codes (rotation: the old ones stop working). */
  setCodes(meetingId: string, codes: Partial<JoinCodes>): Promise<void>;
  /**
   * Records that the facilitator removed a participant: their token is refused
   * from then on, across restarts. Removing twice keeps the first time.
   */
  removeParticipant(meetingId: string, participantId: string, at: number): Promise<void>;
  /** When the participant was removed from the meeting, or null if they were not. */
  removedAt(meetingId: string, participantId: string): Promise<number | null>;
  /**
   * Appends updates to meetings' logs, client bindings (a client id already
   * bound keeps its first participant) and refused deletions, in one durable
   * transaction, in order.
   * Resolves once committed, with the sequence number of each meeting's newest update.
   * Rejects (storing nothing) when a meeting does not exist.
   */
  appendUpdates(
    batch: ReadonlyArray<{ meetingId: string; update: Uint8Array }>,
    bindings?: ReadonlyArray<ClientBinding>,
    refusedDeletes?: ReadonlyArray<RefusedDeletion>,
  ): Promise<Map<string, number>>;
  loadDoc(meetingId: string): Promise<StoredDoc>;
  /** Stores (or replaces) a participant's sealed answer in a round; durable when it resolves. */
  sealAnswer(answer: SealedAnswer): Promise<void>;
  /** Every sealed answer of the item's round, by participant id. */
  sealedAnswers(meetingId: string, itemId: string, round: number): Promise<Map<string, unknown>>;
  /**
   * Replaces the meeting's snapshot by `snapshot` (which must contain every logged
   * update up to `upToSeq`) and drops those updates, in one transaction.
   */
  compact(meetingId: string, snapshot: Uint8Array, upToSeq: number): Promise<void>;
  /**
   * Erases a meeting and everything stored under it (codes, snapshot, log, client
   * bindings, any row that names it) in one transaction, so that its bytes leave the
   * store, not only its index. Resolves false for an unknown meeting.
   */
  deleteMeeting(id: string): Promise<boolean>;
  /** Records when the meeting closed (server clock), or null while it is not closed. */
  setClosedAt(id: string, closedAt: number | null): Promise<void>;
  /** Ids of the meetings that closed before `time`, oldest first. */
  closedBefore(time: number): Promise<string[]>;
  close(): Promise<void>;
}
