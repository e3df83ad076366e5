// Storage on PostgreSQL (docs/storage.md), shared by every node of a cluster: each
// meeting's update log is keyed (meeting_id, seq) with a gap-free per-meeting seq,
// and each row carries the lease epoch it was appended under. With a fence, an
// append or a compaction first locks the meetings' lease rows (FOR SHARE) and
// stores nothing unless this node holds every one at the epoch it took; each is
// one call of a function in the database (logFunctions.ts).
import pg from 'pg';
import type { JoinCodes } from '@consent/shared';
import type { Fence } from '../Leases.ts';
import type { ClientBinding, MeetingRecord, RefusedDeletion, SealedAnswer, Storage, StoredDoc } from '../Storage.ts';
import { appendBatch, compactLog } from './logFunctions.ts';
import { migrate } from './migrations.ts';
import { PgCircles } from './PgCircles.ts';
import { bytes, inTransaction, num } from './transaction.ts';

export interface PgStorageOptions {
  /** Refuse appends and compactions of meetings whose lease this node does not hold (FencedOut). */
  fence?: Fence;
  /** Connections of the pool `open` makes (pg's default is 10). */
  poolSize?: number;
}

interface MeetingRow {
  id: string;
  created_at: string;
  member_code: string;
  guest_code: string;
  observer_code: string;
}

const BIND = `INSERT INTO client_owners (meeting_id, client, participant_id)
  SELECT m, c, p FROM unnest($1::text[], $2::bigint[], $3::text[]) WITH ORDINALITY AS b(m, c, p, n) ORDER BY n
  ON CONFLICT (meeting_id, client) DO NOTHING`;

export class PgStorage implements Storage {
  readonly circles: PgCircles;
  private ownsPool = false;
  private meetingTables: Promise<string[]> | null = null;

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: { fence?: Fence } = {},
  ) {
    this.circles = new PgCircles(pool);
  }

  /** Connects to `url`, migrates the schema (once, whoever starts with it) and answers a store that closes its pool. */
  static async open(url: string, options: PgStorageOptions = {}): Promise<PgStorage> {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
    // An idle connection lost (the database restarted) is dropped by the pool and the next query opens a
    // new one; without a listener the pool's 'error' would throw out of the process.
    pool.on('error', () => undefined);
    try {
      await migrate(pool);
    } catch (e) {
      await pool.end();
      throw e;
    }
    const store = new PgStorage(pool, { fence: options.fence });
    store.ownsPool = true;
    return store;
  }

  async createMeeting(
    m: MeetingRecord,
    initialUpdate: Uint8Array,
    bindings: ReadonlyArray<Omit<ClientBinding, 'meetingId'>> = [],
  ): Promise<void> {
    await inTransaction(this.pool, async (c) => {
      await c.query('INSERT INTO meetings (id, created_at, member_code, guest_code, observer_code) VALUES ($1, $2, $3, $4, $5)', [
        m.id,
        m.createdAt,
        m.codes.member,
        m.codes.guest,
        m.codes.observer,
      ]);
      await c.query('INSERT INTO snapshots (meeting_id, doc, up_to_seq) VALUES ($1, $2, 0)', [m.id, initialUpdate]);
      await bind(
        c,
        bindings.map((b) => ({ ...b, meetingId: m.id })),
      );
    });
  }

  async getMeeting(id: string): Promise<MeetingRecord | null> {
    const r = await this.pool.query<MeetingRow>(
      'SELECT id, created_at, member_code, guest_code, observer_code FROM meetings WHERE id = $1',
      [id],
    );
    const row = r.rows[0];
    return row
      ? {
          id: row.id,
          createdAt: num(row.created_at),
          codes: { member: row.member_code, guest: row.guest_code, observer: row.observer_code },
        }
      : null;
  }

  async setCodes(meetingId: string, codes: Partial<JoinCodes>): Promise<void> {
    await this.pool.query(
      `UPDATE meetings SET member_code = COALESCE($2, member_code), guest_code = COALESCE($3, guest_code),
       observer_code = COALESCE($4, observer_code) WHERE id = $1`,
      [meetingId, codes.member ?? null, codes.guest ?? null, codes.observer ?? null],
    );
  }

  async removeParticipant(meetingId: string, participantId: string, at: number): Promise<void> {
    await this.pool.query(
      'INSERT INTO removed_participants (meeting_id, participant_id, removed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [meetingId, participantId, at],
    );
  }

  async removedAt(meetingId: string, participantId: string): Promise<number | null> {
    const r = await this.pool.query<{ removed_at: string }>(
      'SELECT removed_at FROM removed_participants WHERE meeting_id = $1 AND participant_id = $2',
      [meetingId, participantId],
    );
    return r.rows[0] ? num(r.rows[0].removed_at) : null;
  }

  async sealAnswer(a: SealedAnswer): Promise<void> {
    await this.pool.query(
      `INSERT INTO sealed_answers (meeting_id, item_id, round, participant_id, answer) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, item_id, round, participant_id) DO UPDATE SET answer = excluded.answer`,
      [a.meetingId, a.itemId, a.round, a.participantId, JSON.stringify(a.answer)],
    );
  }

  async sealedAnswers(meetingId: string, itemId: string, round: number): Promise<Map<string, unknown>> {
    const r = await this.pool.query<{ participant_id: string; answer: unknown }>(
      'SELECT participant_id, answer FROM sealed_answers WHERE meeting_id = $1 AND item_id = $2 AND round = $3 ORDER BY participant_id COLLATE "C"',
      [meetingId, itemId, round],
    );
    return new Map(r.rows.map((row) => [row.participant_id, row.answer] as const));
  }

  async appendUpdates(
    batch: ReadonlyArray<{ meetingId: string; update: Uint8Array }>,
    bindings: ReadonlyArray<ClientBinding> = [],
    refusedDeletes: ReadonlyArray<RefusedDeletion> = [],
  ): Promise<Map<string, number>> {
    return appendBatch(this.pool, this.options.fence, batch, bindings, refusedDeletes);
  }

  async loadDoc(meetingId: string): Promise<StoredDoc> {
    // one consistent view: a compaction committing meanwhile cannot drop rows between the two reads
    return inTransaction(
      this.pool,
      async (c) => {
        const meeting = await c.query('SELECT 1 FROM meetings WHERE id = $1', [meetingId]);
        if (meeting.rowCount === 0) throw new Error(`unknown meeting ${meetingId}`);
        const snap = await c.query<{ doc: Buffer; up_to_seq: string }>('SELECT doc, up_to_seq FROM snapshots WHERE meeting_id = $1', [
          meetingId,
        ]);
        const after = snap.rows[0] ? num(snap.rows[0].up_to_seq) : 0;
        const rows = await c.query<{ seq: string; data: Buffer }>(
          'SELECT seq, data FROM updates WHERE meeting_id = $1 AND seq > $2 ORDER BY seq',
          [meetingId, after],
        );
        const owners = await c.query<{ client: string; participant_id: string }>(
          'SELECT client, participant_id FROM client_owners WHERE meeting_id = $1',
          [meetingId],
        );
        const refused = await c.query<{ participant_id: string; client: string; clock: string; len: string }>(
          'SELECT participant_id, client, clock, len FROM refused_deletes WHERE meeting_id = $1 ORDER BY id',
          [meetingId],
        );
        const updates = snap.rows[0] ? [bytes(snap.rows[0].doc)] : [];
        for (const row of rows.rows) updates.push(bytes(row.data));
        const newest = rows.rows[rows.rows.length - 1];
        return {
          updates,
          lastSeq: newest ? num(newest.seq) : after,
          logLength: rows.rows.length,
          clientOwners: new Map(owners.rows.map((r) => [num(r.client), r.participant_id] as const)),
          refusedDeletes: refused.rows.map((r) => ({
            participantId: r.participant_id,
            client: num(r.client),
            clock: num(r.clock),
            len: num(r.len),
          })),
        };
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  async compact(meetingId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    await compactLog(this.pool, this.options.fence, meetingId, snapshot, upToSeq);
  }

  async deleteMeeting(id: string): Promise<boolean> {
    const tables = await (this.meetingTables ??= this.tablesNamingMeetings());
    return inTransaction(this.pool, async (c) => {
      // table names come from the catalogue, never from input
      for (const t of tables) await c.query(`DELETE FROM "${t}" WHERE meeting_id = $1`, [id]);
      return ((await c.query('DELETE FROM meetings WHERE id = $1', [id])).rowCount ?? 0) > 0;
    });
  }

  async setClosedAt(id: string, closedAt: number | null): Promise<void> {
    await this.pool.query('UPDATE meetings SET closed_at = $2 WHERE id = $1', [id, closedAt]);
  }

  async closedBefore(time: number): Promise<string[]> {
    const r = await this.pool.query<{ id: string }>(
      'SELECT id FROM meetings WHERE closed_at IS NOT NULL AND closed_at < $1 ORDER BY closed_at, id COLLATE "C"',
      [time],
    );
    return r.rows.map((row) => row.id);
  }

  async close(): Promise<void> {
    if (this.ownsPool && !this.pool.ended) await this.pool.end();
  }

  /** Every table with a meeting_id column (the lease and the tickets included): a meeting's rows in each go with it. */
  private async tablesNamingMeetings(): Promise<string[]> {
    const r = await this.pool.query<{ table_name: string }>(
      `SELECT c.table_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
       WHERE c.table_schema = current_schema() AND c.column_name = 'meeting_id' AND t.table_type = 'BASE TABLE' ORDER BY c.table_name`,
    );
    return r.rows.map((row) => row.table_name);
  }
}

async function bind(c: pg.PoolClient, bindings: ReadonlyArray<ClientBinding>): Promise<void> {
  if (bindings.length === 0) return;
  await c.query(BIND, [bindings.map((b) => b.meetingId), bindings.map((b) => b.client), bindings.map((b) => b.participantId)]);
}
