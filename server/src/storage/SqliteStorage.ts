// Storage on one SQLite file through better-sqlite3: WAL mode, an append-only
// update log per meeting, and compaction into a snapshot in one transaction.
// secure_delete is on: deleted rows and freed pages are overwritten with zeros,
// so neither a compaction nor a deleted meeting leaves its text in the file.
import Database from 'better-sqlite3';
import type { JoinCodes } from '@consent/shared';
import { randomCode } from '../tokens.ts';
import type { ClientBinding, MeetingRecord, RefusedDeletion, SealedAnswer, Storage, StoredDoc } from './Storage.ts';
import { migrateCircles, SqliteCircles } from './SqliteCircles.ts';

const SCHEMA_VERSION = 6;

// invite_code is the members' code (before version 3 it let joiners pick member or guest).
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meetings (
  id TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  invite_code TEXT NOT NULL,
  observer_code TEXT NOT NULL,
  guest_code TEXT NOT NULL,
  closed_at INTEGER
);
CREATE TABLE IF NOT EXISTS snapshots (
  meeting_id TEXT PRIMARY KEY REFERENCES meetings(id),
  doc BLOB NOT NULL,
  up_to_seq INTEGER NOT NULL
);
-- AUTOINCREMENT: a sequence number is never reused after compaction deleted the newest rows,
-- so "seq > snapshot.up_to_seq" always means "not yet in the snapshot".
CREATE TABLE IF NOT EXISTS updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS updates_by_meeting ON updates(meeting_id, seq);
-- Rule P6: the participant who first wrote under a Yjs client id owns it.
CREATE TABLE IF NOT EXISTS client_owners (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  client INTEGER NOT NULL,
  participant_id TEXT NOT NULL,
  PRIMARY KEY (meeting_id, client)
) WITHOUT ROWID;
-- Participants the facilitator removed: their tokens are refused.
CREATE TABLE IF NOT EXISTS removed_participants (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  participant_id TEXT NOT NULL,
  removed_at INTEGER NOT NULL,
  PRIMARY KEY (meeting_id, participant_id)
) WITHOUT ROWID;
-- Rule P8: deletions refused from a participant, never judged again when a resync resends them.
CREATE TABLE IF NOT EXISTS refused_deletes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  participant_id TEXT NOT NULL,
  client INTEGER NOT NULL,
  clock INTEGER NOT NULL,
  len INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS refused_deletes_by_meeting ON refused_deletes(meeting_id, seq);
-- Version 4: answers of rounds revealed together, kept here (never in the document) until the reveal.
CREATE TABLE IF NOT EXISTS sealed_answers (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  item_id TEXT NOT NULL,
  round INTEGER NOT NULL,
  participant_id TEXT NOT NULL,
  answer TEXT NOT NULL,
  PRIMARY KEY (meeting_id, item_id, round, participant_id)
) WITHOUT ROWID;
`;

/** Version 2 → 3: meetings get a guest code of their own (the old invite code stays the members' code). */
function migrateToGuestCodes(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(meetings)').all();
  if (columns.length === 0 || columns.some((c) => c.name === 'guest_code')) return;
  db.transaction(() => {
    db.exec("ALTER TABLE meetings ADD COLUMN guest_code TEXT NOT NULL DEFAULT ''");
    const set = db.prepare('UPDATE meetings SET guest_code = ? WHERE id = ?');
    for (const { id } of db.prepare<[], { id: string }>('SELECT id FROM meetings').all()) set.run(randomCode(), id);
  })();
}

/** Version 2 → 3: when a meeting closed (for RETENTION_DAYS). */
function migrateToClosedAt(db: Database.Database): void {
  const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('meetings')").all();
  if (!columns.some((c) => c.name === 'closed_at')) db.exec('ALTER TABLE meetings ADD COLUMN closed_at INTEGER');
  db.exec('CREATE INDEX IF NOT EXISTS meetings_by_closed_at ON meetings(closed_at) WHERE closed_at IS NOT NULL');
}

/** Every table with a meeting_id column: a meeting's rows in each are deleted with it. */
function tablesNamingMeetings(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>(
      `SELECT m.name FROM sqlite_schema m WHERE m.type = 'table'
       AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) c WHERE c.name = 'meeting_id') ORDER BY m.name`,
    )
    .all()
    .map((r) => r.name);
}

interface MeetingRow {
  id: string;
  created_at: number;
  invite_code: string;
  observer_code: string;
  guest_code: string;
}

const CODE_COLUMN: Record<keyof JoinCodes, string> = { member: 'invite_code', guest: 'guest_code', observer: 'observer_code' };

export interface SqliteOptions {
  /** `full` syncs every commit to the disk (power-loss safe); `normal` is crash safe in WAL mode. */
  synchronous?: 'normal' | 'full';
  /** Page cache of the connection in MiB (SQLite's own default in this build is 16). */
  cacheMb?: number;
  /** Tests only: migrate no further than this version, to build a file as an older server left it. */
  schemaVersion?: number;
}

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  readonly circles: SqliteCircles;
  private readonly stmt;
  private readonly appendTx;
  private readonly compactTx;
  private readonly createTx;
  private readonly deleteTx;

  constructor(file: string, options: SqliteOptions = {}) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // a negative cache_size is in KiB: the cache grows to this bound as the file grows, then stays there
    if (options.cacheMb !== undefined) this.db.pragma(`cache_size = ${-Math.round(options.cacheMb * 1024)}`);
    this.db.pragma('secure_delete = ON');
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new Error(`database schema ${version} is newer than this server (${SCHEMA_VERSION})`);
    migrateToGuestCodes(this.db);
    this.db.exec(SCHEMA);
    migrateToClosedAt(this.db);
    this.db.pragma(
      `user_version = ${migrateCircles(this.db, Math.max(version, Math.min(options.schemaVersion ?? SCHEMA_VERSION, SCHEMA_VERSION)))}`,
    );
    this.circles = new SqliteCircles(this.db);

    const db = this.db;
    this.stmt = {
      insertMeeting: db.prepare('INSERT INTO meetings (id, created_at, invite_code, guest_code, observer_code) VALUES (?, ?, ?, ?, ?)'),
      getMeeting: db.prepare<[string], MeetingRow>('SELECT * FROM meetings WHERE id = ?'),
      insertUpdate: db.prepare('INSERT INTO updates (meeting_id, data) VALUES (?, ?)'),
      getSnapshot: db.prepare<[string], { doc: Buffer; up_to_seq: number }>('SELECT doc, up_to_seq FROM snapshots WHERE meeting_id = ?'),
      getUpdates: db.prepare<[string, number], { seq: number; data: Buffer }>(
        'SELECT seq, data FROM updates WHERE meeting_id = ? AND seq > ? ORDER BY seq',
      ),
      upsertSnapshot: db.prepare(
        `INSERT INTO snapshots (meeting_id, doc, up_to_seq) VALUES (?, ?, ?)
         ON CONFLICT(meeting_id) DO UPDATE SET doc = excluded.doc, up_to_seq = excluded.up_to_seq`,
      ),
      deleteUpdates: db.prepare('DELETE FROM updates WHERE meeting_id = ? AND seq <= ?'),
      bindClient: db.prepare('INSERT OR IGNORE INTO client_owners (meeting_id, client, participant_id) VALUES (?, ?, ?)'),
      remove: db.prepare('INSERT OR IGNORE INTO removed_participants (meeting_id, participant_id, removed_at) VALUES (?, ?, ?)'),
      removedAt: db.prepare<[string, string], { removed_at: number }>(
        'SELECT removed_at FROM removed_participants WHERE meeting_id = ? AND participant_id = ?',
      ),
      seal: db.prepare(
        `INSERT INTO sealed_answers (meeting_id, item_id, round, participant_id, answer) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(meeting_id, item_id, round, participant_id) DO UPDATE SET answer = excluded.answer`,
      ),
      sealedOf: db.prepare<[string, string, number], { participant_id: string; answer: string }>(
        'SELECT participant_id, answer FROM sealed_answers WHERE meeting_id = ? AND item_id = ? AND round = ? ORDER BY participant_id',
      ),
      getOwners: db.prepare<[string], { client: number; participant_id: string }>(
        'SELECT client, participant_id FROM client_owners WHERE meeting_id = ?',
      ),
      insertRefused: db.prepare('INSERT INTO refused_deletes (meeting_id, participant_id, client, clock, len) VALUES (?, ?, ?, ?, ?)'),
      getRefused: db.prepare<[string], { participant_id: string; client: number; clock: number; len: number }>(
        'SELECT participant_id, client, clock, len FROM refused_deletes WHERE meeting_id = ? ORDER BY seq',
      ),
      setClosedAt: db.prepare('UPDATE meetings SET closed_at = ? WHERE id = ?'),
      closedBefore: db.prepare<[number], { id: string }>(
        'SELECT id FROM meetings WHERE closed_at IS NOT NULL AND closed_at < ? ORDER BY closed_at, id',
      ),
      deleteMeeting: db.prepare('DELETE FROM meetings WHERE id = ?'),
    };
    const deleteRows = tablesNamingMeetings(db).map((t) => db.prepare(`DELETE FROM "${t}" WHERE meeting_id = ?`));
    this.deleteTx = db.transaction((id: string): boolean => {
      for (const stmt of deleteRows) stmt.run(id);
      return this.stmt.deleteMeeting.run(id).changes > 0;
    });
    this.createTx = db.transaction((m: MeetingRecord, initial: Uint8Array, bindings: ReadonlyArray<Omit<ClientBinding, 'meetingId'>>) => {
      this.stmt.insertMeeting.run(m.id, m.createdAt, m.codes.member, m.codes.guest, m.codes.observer);
      this.stmt.upsertSnapshot.run(m.id, initial, 0);
      for (const b of bindings) this.stmt.bindClient.run(m.id, b.client, b.participantId);
    });
    this.appendTx = db.transaction(
      (
        batch: ReadonlyArray<{ meetingId: string; update: Uint8Array }>,
        bindings: ReadonlyArray<ClientBinding>,
        refused: ReadonlyArray<RefusedDeletion>,
      ) => {
        const last = new Map<string, number>();
        for (const { meetingId, update } of batch) {
          last.set(meetingId, Number(this.stmt.insertUpdate.run(meetingId, update).lastInsertRowid));
        }
        for (const b of bindings) this.stmt.bindClient.run(b.meetingId, b.client, b.participantId);
        for (const r of refused) this.stmt.insertRefused.run(r.meetingId, r.participantId, r.client, r.clock, r.len);
        return last;
      },
    );
    this.compactTx = db.transaction((meetingId: string, snapshot: Uint8Array, upToSeq: number) => {
      this.stmt.upsertSnapshot.run(meetingId, snapshot, upToSeq);
      this.stmt.deleteUpdates.run(meetingId, upToSeq);
    });
  }

  async createMeeting(
    meeting: MeetingRecord,
    initialUpdate: Uint8Array,
    bindings: ReadonlyArray<Omit<ClientBinding, 'meetingId'>> = [],
  ): Promise<void> {
    this.createTx(meeting, initialUpdate, bindings);
  }

  async getMeeting(id: string): Promise<MeetingRecord | null> {
    const row = this.stmt.getMeeting.get(id);
    return row
      ? { id: row.id, createdAt: row.created_at, codes: { member: row.invite_code, guest: row.guest_code, observer: row.observer_code } }
      : null;
  }

  async setCodes(meetingId: string, codes: Partial<JoinCodes>): Promise<void> {
    this.db.transaction(() => {
      for (const [role, code] of Object.entries(codes) as [keyof JoinCodes, string][]) {
        // column names come from CODE_COLUMN, never from input
        this.db.prepare(`UPDATE meetings SET ${CODE_COLUMN[role]} = ? WHERE id = ?`).run(code, meetingId);
      }
    })();
  }

  async removeParticipant(meetingId: string, participantId: string, at: number): Promise<void> {
    this.stmt.remove.run(meetingId, participantId, at);
  }

  async removedAt(meetingId: string, participantId: string): Promise<number | null> {
    return this.stmt.removedAt.get(meetingId, participantId)?.removed_at ?? null;
  }

  async sealAnswer(a: SealedAnswer): Promise<void> {
    this.stmt.seal.run(a.meetingId, a.itemId, a.round, a.participantId, JSON.stringify(a.answer));
  }

  async sealedAnswers(meetingId: string, itemId: string, round: number): Promise<Map<string, unknown>> {
    return new Map(
      this.stmt.sealedOf.all(meetingId, itemId, round).map((r) => [r.participant_id, JSON.parse(r.answer) as unknown] as const),
    );
  }

  async appendUpdates(
    batch: ReadonlyArray<{ meetingId: string; update: Uint8Array }>,
    bindings: ReadonlyArray<ClientBinding> = [],
    refusedDeletes: ReadonlyArray<RefusedDeletion> = [],
  ): Promise<Map<string, number>> {
    return this.appendTx(batch, bindings, refusedDeletes);
  }

  async loadDoc(meetingId: string): Promise<StoredDoc> {
    if (!this.stmt.getMeeting.get(meetingId)) throw new Error(`unknown meeting ${meetingId}`);
    const snapshot = this.stmt.getSnapshot.get(meetingId);
    const after = snapshot?.up_to_seq ?? 0;
    const rows = this.stmt.getUpdates.all(meetingId, after);
    const updates: Uint8Array[] = snapshot ? [toBytes(snapshot.doc)] : [];
    for (const row of rows) updates.push(toBytes(row.data));
    const clientOwners = new Map(this.stmt.getOwners.all(meetingId).map((r) => [r.client, r.participant_id] as const));
    const refusedDeletes = this.stmt.getRefused
      .all(meetingId)
      .map((r) => ({ participantId: r.participant_id, client: r.client, clock: r.clock, len: r.len }));
    return { updates, lastSeq: rows.length ? rows[rows.length - 1]!.seq : after, logLength: rows.length, clientOwners, refusedDeletes };
  }

  async compact(meetingId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    this.compactTx(meetingId, snapshot, upToSeq);
  }

  async deleteMeeting(id: string): Promise<boolean> {
    const deleted = this.deleteTx(id);
    // The WAL still holds the pages as they were before (the meeting's text with them):
    // copy the zeroed pages into the file and empty the WAL.
    if (deleted) this.db.pragma('wal_checkpoint(TRUNCATE)');
    return deleted;
  }

  async setClosedAt(id: string, closedAt: number | null): Promise<void> {
    this.stmt.setClosedAt.run(closedAt, id);
  }

  async closedBefore(time: number): Promise<string[]> {
    return this.stmt.closedBefore.all(time).map((r) => r.id);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** better-sqlite3 hands out Buffers; Yjs wants plain Uint8Arrays (equal bytes, no copy). */
const toBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
