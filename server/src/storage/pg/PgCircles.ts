// Circles on PostgreSQL (docs/circles.md, docs/storage.md): the CircleStorage
// implementation over the pool; the tables are created by migration 1.
import type pg from 'pg';
import { roleKey } from '@consent/shared';
import type { CircleLink, CircleMeetingRecord, CircleMember, CircleRecord, CircleRole, CircleStorage } from '../CircleStorage.ts';
import { sortRoles } from '../roleOrder.ts';
import { PgCircleRecords } from './PgCircleRecords.ts';
import { inTransaction, num, numOrNull } from './transaction.ts';

interface MemberRow {
  person_id: string;
  name: string;
  role: 'member' | 'guest';
  added_at: string;
  joined_at: string | null;
  removed_at: string | null;
}
interface MeetingRow {
  meeting_id: string;
  circle_id: string;
  title: string;
  created_at: string;
}

const toMember = (r: MemberRow): CircleMember => ({
  personId: r.person_id,
  name: r.name,
  role: r.role,
  addedAt: num(r.added_at),
  joinedAt: numOrNull(r.joined_at),
  removedAt: numOrNull(r.removed_at),
});
const toMeeting = (r: MeetingRow): CircleMeetingRecord => ({
  meetingId: r.meeting_id,
  circleId: r.circle_id,
  title: r.title,
  createdAt: num(r.created_at),
});

const INSERT_MEMBER =
  'INSERT INTO circle_members (circle_id, person_id, name, role, added_at, joined_at, removed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)';
const UPSERT_ROLE = `INSERT INTO circle_roles (circle_id, role_key, name, holder_id, term_start, term_end) VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (circle_id, role_key) DO UPDATE SET name = excluded.name, holder_id = excluded.holder_id,
  term_start = excluded.term_start, term_end = excluded.term_end`;

type Queryable = Pick<pg.Pool, 'query'>;
const member = (q: Queryable, circleId: string, m: CircleMember) =>
  q.query(INSERT_MEMBER, [circleId, m.personId, m.name, m.role, m.addedAt, m.joinedAt, m.removedAt]);
const role = (q: Queryable, circleId: string, r: CircleRole) =>
  q.query(UPSERT_ROLE, [circleId, roleKey(r.name), r.name.trim(), r.holderId, r.termStart, r.termEnd]);

export class PgCircles implements CircleStorage {
  readonly records: PgCircleRecords;

  constructor(private readonly pool: pg.Pool) {
    this.records = new PgCircleRecords(pool);
  }

  async createCircle(c: CircleRecord, founder: CircleMember, roles: CircleRole[]): Promise<void> {
    await inTransaction(this.pool, async (tx) => {
      await tx.query('INSERT INTO circles (id, name, aim, domain, created_at) VALUES ($1, $2, $3, $4, $5)', [
        c.id,
        c.name,
        c.aim,
        c.domain,
        c.createdAt,
      ]);
      await member(tx, c.id, founder);
      for (const r of roles) await role(tx, c.id, r);
    });
  }

  async getCircle(id: string): Promise<CircleRecord | null> {
    const r = (await this.pool.query('SELECT id, name, aim, domain, created_at FROM circles WHERE id = $1', [id])).rows[0];
    return r ? { id: r.id, name: r.name, aim: r.aim, domain: r.domain, createdAt: num(r.created_at) } : null;
  }

  async members(circleId: string): Promise<CircleMember[]> {
    const r = await this.pool.query<MemberRow>('SELECT * FROM circle_members WHERE circle_id = $1 ORDER BY added_at, ord', [circleId]);
    return r.rows.map(toMember);
  }

  async member(circleId: string, personId: string): Promise<CircleMember | null> {
    const r = await this.pool.query<MemberRow>('SELECT * FROM circle_members WHERE circle_id = $1 AND person_id = $2', [
      circleId,
      personId,
    ]);
    return r.rows[0] ? toMember(r.rows[0]) : null;
  }

  async addMember(circleId: string, m: CircleMember): Promise<void> {
    await member(this.pool, circleId, m);
  }

  async markJoined(circleId: string, personId: string, at: number): Promise<void> {
    await this.pool.query('UPDATE circle_members SET joined_at = $1 WHERE circle_id = $2 AND person_id = $3 AND joined_at IS NULL', [
      at,
      circleId,
      personId,
    ]);
  }

  async removeMember(circleId: string, personId: string, at: number): Promise<number | null> {
    return inTransaction(this.pool, async (tx) => {
      const row = (
        await tx.query<{ removed_at: string | null }>(
          'SELECT removed_at FROM circle_members WHERE circle_id = $1 AND person_id = $2 FOR UPDATE',
          [circleId, personId],
        )
      ).rows[0];
      if (!row) return null;
      if (row.removed_at !== null) return num(row.removed_at);
      await tx.query('UPDATE circle_members SET removed_at = $1 WHERE circle_id = $2 AND person_id = $3', [at, circleId, personId]);
      await tx.query('DELETE FROM circle_links WHERE circle_id = $1 AND person_id = $2', [circleId, personId]);
      return at;
    });
  }

  async roles(circleId: string): Promise<CircleRole[]> {
    const r = await this.pool.query<{
      role_key: string;
      name: string;
      holder_id: string | null;
      term_start: string | null;
      term_end: string | null;
    }>('SELECT role_key, name, holder_id, term_start, term_end FROM circle_roles WHERE circle_id = $1', [circleId]);
    return sortRoles(r.rows).map((x) => ({ name: x.name, holderId: x.holder_id, termStart: x.term_start, termEnd: x.term_end }));
  }

  async setRole(circleId: string, r: CircleRole): Promise<void> {
    await role(this.pool, circleId, r);
  }

  async addLink(l: CircleLink): Promise<void> {
    await inTransaction(this.pool, async (tx) => {
      // a new personal link replaces the person's earlier one
      if (l.kind === 'invite') {
        await tx.query("DELETE FROM circle_links WHERE circle_id = $1 AND person_id = $2 AND kind = 'invite'", [l.circleId, l.personId]);
      }
      await tx.query(
        'INSERT INTO circle_links (code_hash, circle_id, person_id, kind, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [l.codeHash, l.circleId, l.personId, l.kind, l.createdAt, l.expiresAt],
      );
    });
  }

  async redeemLink(circleId: string, codeHash: string, now: number): Promise<Pick<CircleLink, 'personId' | 'kind'> | null> {
    // one statement takes the row: of concurrent calls (any node) only one gets it back
    const r = await this.pool.query<{ person_id: string; kind: 'invite' | 'transfer'; expires_at: string | null }>(
      'DELETE FROM circle_links WHERE code_hash = $1 AND circle_id = $2 RETURNING person_id, kind, expires_at',
      [codeHash, circleId],
    );
    const row = r.rows[0];
    if (!row || (row.expires_at !== null && num(row.expires_at) <= now)) return null;
    return { personId: row.person_id, kind: row.kind };
  }

  async addMeeting(r: CircleMeetingRecord): Promise<void> {
    await this.pool.query('INSERT INTO circle_meetings (meeting_id, circle_id, title, created_at) VALUES ($1, $2, $3, $4)', [
      r.meetingId,
      r.circleId,
      r.title,
      r.createdAt,
    ]);
  }

  async meetings(circleId: string): Promise<CircleMeetingRecord[]> {
    const r = await this.pool.query<MeetingRow>(
      'SELECT * FROM circle_meetings WHERE circle_id = $1 ORDER BY created_at DESC, meeting_id COLLATE "C"',
      [circleId],
    );
    return r.rows.map(toMeeting);
  }

  async circleOfMeeting(meetingId: string): Promise<string | null> {
    const r = await this.pool.query<{ circle_id: string }>('SELECT circle_id FROM circle_meetings WHERE meeting_id = $1', [meetingId]);
    return r.rows[0]?.circle_id ?? null;
  }
}
