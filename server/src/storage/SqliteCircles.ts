// Circles on the server's SQLite file (schema version 5): the tables, their
// migration from version 4 (new tables only: nothing existing changes), and
// the CircleStorage implementation over the same connection.
import type Database from 'better-sqlite3';
import { roleKey } from '@consent/shared';
import { RECORD_SCHEMA, SqliteCircleRecords } from './SqliteCircleRecords.ts';
import { sortRoles } from './roleOrder.ts';
import type { CircleLink, CircleMeetingRecord, CircleMember, CircleRecord, CircleRole, CircleStorage } from './CircleStorage.ts';

/** Version 4 → 5: circles, their members, roles and links, and which meetings belong to which circle. */
export const CIRCLE_SCHEMA = `
CREATE TABLE IF NOT EXISTS circles (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  aim TEXT NOT NULL,
  domain TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS circle_members (
  circle_id TEXT NOT NULL REFERENCES circles(id),
  person_id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('member', 'guest')),
  added_at INTEGER NOT NULL,
  joined_at INTEGER,
  removed_at INTEGER,
  PRIMARY KEY (circle_id, person_id)
);
CREATE TABLE IF NOT EXISTS circle_roles (
  circle_id TEXT NOT NULL REFERENCES circles(id),
  role_key TEXT NOT NULL,
  name TEXT NOT NULL,
  holder_id TEXT,
  term_start TEXT,
  term_end TEXT,
  PRIMARY KEY (circle_id, role_key)
) WITHOUT ROWID;
-- Single-use codes (personal links, transfers to another device), kept as hashes only.
CREATE TABLE IF NOT EXISTS circle_links (
  code_hash TEXT PRIMARY KEY,
  circle_id TEXT NOT NULL REFERENCES circles(id),
  person_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('invite', 'transfer')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS circle_links_by_person ON circle_links(circle_id, person_id);
-- A meeting of a circle; the meeting_id column makes a meeting's deletion take its row along.
CREATE TABLE IF NOT EXISTS circle_meetings (
  meeting_id TEXT PRIMARY KEY REFERENCES meetings(id),
  circle_id TEXT NOT NULL REFERENCES circles(id),
  title TEXT NOT NULL,
  created_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS circle_meetings_by_circle ON circle_meetings(circle_id, created_at);
`;

/** Migrates to `target` (5 creates the circle tables, 6 the register's; below 5 leaves the file as version 4 had it); answers the version reached. */
export function migrateCircles(db: Database.Database, target: number): number {
  if (target >= 5) db.exec(CIRCLE_SCHEMA);
  // [CI30] 5 → 6: the register, the circle's backlog, review links, the calendar feed
  if (target >= 6) db.exec(RECORD_SCHEMA);
  return target;
}

interface MemberRow {
  person_id: string;
  name: string;
  role: 'member' | 'guest';
  added_at: number;
  joined_at: number | null;
  removed_at: number | null;
}
interface RoleRow {
  name: string;
  role_key: string;
  holder_id: string | null;
  term_start: string | null;
  term_end: string | null;
}
interface MeetingRow {
  meeting_id: string;
  circle_id: string;
  title: string;
  created_at: number;
}

const toMember = (r: MemberRow): CircleMember => ({
  personId: r.person_id,
  name: r.name,
  role: r.role,
  addedAt: r.added_at,
  joinedAt: r.joined_at,
  removedAt: r.removed_at,
});
const toMeeting = (r: MeetingRow): CircleMeetingRecord => ({
  meetingId: r.meeting_id,
  circleId: r.circle_id,
  title: r.title,
  createdAt: r.created_at,
});

export class SqliteCircles implements CircleStorage {
  readonly records: SqliteCircleRecords;
  private prepared: ReturnType<SqliteCircles['prepare']> | null = null;

  /** Statements are prepared on first use: a file opened at an older version (in tests) has no circle tables. */
  constructor(private readonly db: Database.Database) {
    this.records = new SqliteCircleRecords(db);
  }

  private get s() {
    return (this.prepared ??= this.prepare());
  }

  private prepare() {
    const db = this.db;
    const insertMember = db.prepare(
      'INSERT INTO circle_members (circle_id, person_id, name, role, added_at, joined_at, removed_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const upsertRole = db.prepare(
      `INSERT INTO circle_roles (circle_id, role_key, name, holder_id, term_start, term_end) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(circle_id, role_key) DO UPDATE SET name = excluded.name, holder_id = excluded.holder_id,
       term_start = excluded.term_start, term_end = excluded.term_end`,
    );
    const insertCircle = db.prepare('INSERT INTO circles (id, name, aim, domain, created_at) VALUES (?, ?, ?, ?, ?)');
    const member = (circleId: string, m: CircleMember) =>
      insertMember.run(circleId, m.personId, m.name, m.role, m.addedAt, m.joinedAt, m.removedAt);
    const role = (circleId: string, r: CircleRole) =>
      upsertRole.run(circleId, roleKey(r.name), r.name.trim(), r.holderId, r.termStart, r.termEnd);
    const dropInvites = db.prepare("DELETE FROM circle_links WHERE circle_id = ? AND person_id = ? AND kind = 'invite'");
    const insertLink = db.prepare(
      'INSERT INTO circle_links (code_hash, circle_id, person_id, kind, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const getLink = db.prepare<[string, string], { person_id: string; kind: 'invite' | 'transfer'; expires_at: number | null }>(
      'SELECT person_id, kind, expires_at FROM circle_links WHERE code_hash = ? AND circle_id = ?',
    );
    const deleteLink = db.prepare('DELETE FROM circle_links WHERE code_hash = ?');
    const removedAt = db.prepare<[string, string], { removed_at: number | null }>(
      'SELECT removed_at FROM circle_members WHERE circle_id = ? AND person_id = ?',
    );
    const setRemoved = db.prepare('UPDATE circle_members SET removed_at = ? WHERE circle_id = ? AND person_id = ? AND removed_at IS NULL');
    const dropLinks = db.prepare('DELETE FROM circle_links WHERE circle_id = ? AND person_id = ?');
    return {
      getCircle: db.prepare<[string], { id: string; name: string; aim: string; domain: string; created_at: number }>(
        'SELECT * FROM circles WHERE id = ?',
      ),
      members: db.prepare<[string], MemberRow>('SELECT * FROM circle_members WHERE circle_id = ? ORDER BY added_at, rowid'),
      member: db.prepare<[string, string], MemberRow>('SELECT * FROM circle_members WHERE circle_id = ? AND person_id = ?'),
      markJoined: db.prepare('UPDATE circle_members SET joined_at = ? WHERE circle_id = ? AND person_id = ? AND joined_at IS NULL'),
      roles: db.prepare<[string], RoleRow>('SELECT * FROM circle_roles WHERE circle_id = ?'),
      addMeeting: db.prepare('INSERT INTO circle_meetings (meeting_id, circle_id, title, created_at) VALUES (?, ?, ?, ?)'),
      meetings: db.prepare<[string], MeetingRow>('SELECT * FROM circle_meetings WHERE circle_id = ? ORDER BY created_at DESC, meeting_id'),
      circleOf: db.prepare<[string], { circle_id: string }>('SELECT circle_id FROM circle_meetings WHERE meeting_id = ?'),
      member_: member,
      role,
      create: db.transaction((c: CircleRecord, founder: CircleMember, roles: CircleRole[]) => {
        insertCircle.run(c.id, c.name, c.aim, c.domain, c.createdAt);
        member(c.id, founder);
        for (const r of roles) role(c.id, r);
      }),
      addLink: db.transaction((l: CircleLink) => {
        if (l.kind === 'invite') dropInvites.run(l.circleId, l.personId);
        insertLink.run(l.codeHash, l.circleId, l.personId, l.kind, l.createdAt, l.expiresAt);
      }),
      // read and delete in one transaction: a code opens one device only
      redeem: db.transaction((circleId: string, codeHash: string, now: number) => {
        const row = getLink.get(codeHash, circleId);
        if (!row) return null;
        deleteLink.run(codeHash);
        if (row.expires_at !== null && row.expires_at <= now) return null;
        return { personId: row.person_id, kind: row.kind };
      }),
      remove: db.transaction((circleId: string, personId: string, at: number): number | null => {
        const row = removedAt.get(circleId, personId);
        if (!row) return null;
        if (row.removed_at !== null) return row.removed_at;
        setRemoved.run(at, circleId, personId);
        dropLinks.run(circleId, personId);
        return at;
      }),
    };
  }

  async createCircle(circle: CircleRecord, founder: CircleMember, roles: CircleRole[]): Promise<void> {
    this.s.create(circle, founder, roles);
  }

  async getCircle(id: string): Promise<CircleRecord | null> {
    const r = this.s.getCircle.get(id);
    return r ? { id: r.id, name: r.name, aim: r.aim, domain: r.domain, createdAt: r.created_at } : null;
  }

  async members(circleId: string): Promise<CircleMember[]> {
    return this.s.members.all(circleId).map(toMember);
  }

  async member(circleId: string, personId: string): Promise<CircleMember | null> {
    const r = this.s.member.get(circleId, personId);
    return r ? toMember(r) : null;
  }

  async addMember(circleId: string, member: CircleMember): Promise<void> {
    this.s.member_(circleId, member);
  }

  async markJoined(circleId: string, personId: string, at: number): Promise<void> {
    this.s.markJoined.run(at, circleId, personId);
  }

  async removeMember(circleId: string, personId: string, at: number): Promise<number | null> {
    return this.s.remove(circleId, personId, at);
  }

  async roles(circleId: string): Promise<CircleRole[]> {
    return sortRoles(this.s.roles.all(circleId)).map((r) => ({
      name: r.name,
      holderId: r.holder_id,
      termStart: r.term_start,
      termEnd: r.term_end,
    }));
  }

  async setRole(circleId: string, role: CircleRole): Promise<void> {
    this.s.role(circleId, role);
  }

  async addLink(link: CircleLink): Promise<void> {
    this.s.addLink(link);
  }

  async redeemLink(circleId: string, codeHash: string, now: number): Promise<Pick<CircleLink, 'personId' | 'kind'> | null> {
    return this.s.redeem(circleId, codeHash, now);
  }

  async addMeeting(r: CircleMeetingRecord): Promise<void> {
    this.s.addMeeting.run(r.meetingId, r.circleId, r.title, r.createdAt);
  }

  async meetings(circleId: string): Promise<CircleMeetingRecord[]> {
    return this.s.meetings.all(circleId).map(toMeeting);
  }

  async circleOfMeeting(meetingId: string): Promise<string | null> {
    return this.s.circleOf.get(meetingId)?.circle_id ?? null;
  }
}
