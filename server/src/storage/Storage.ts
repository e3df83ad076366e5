// The storage boundary of the server: meetings with their join codes, and each
// meeting's document as a snapshot plus an append-only log of Yjs updates.
// Rooms and routes only see this interface, so another store can replace SQLite.

export interface MeetingRecord {
  id: string;
  createdAt: number;
  /** Join code for members and guests. */
  inviteCode: string;
  /** Join code for observers (read-only). */
  observerCode: string;
}

/** A Yjs client id bound to the participant who first wrote with it (rule P6). */
export interface ClientBinding {
  meetingId: string;
  client: number;
  participantId: string;
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
}

export interface Storage {
  /** Stores a new meeting and its initial document in one transaction; rejects a duplicate id. */
  createMeeting(meeting: MeetingRecord, initialUpdate: Uint8Array): Promise<void>;
  getMeeting(id: string): Promise<MeetingRecord | null>;
  /**
   * Appends updates to meetings' logs, and client bindings (a client id already
   * bound keeps its first participant), in one durable transaction, in order.
   * Resolves once committed, with the sequence number of each meeting's newest update.
   * Rejects (storing nothing) when a meeting does not exist.
   */
  appendUpdates(
    batch: ReadonlyArray<{ meetingId: string; update: Uint8Array }>,
    bindings?: ReadonlyArray<ClientBinding>,
  ): Promise<Map<string, number>>;
  loadDoc(meetingId: string): Promise<StoredDoc>;
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
