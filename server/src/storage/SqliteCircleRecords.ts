// What a circle keeps between meetings on the server's SQLite file (schema
// version 6): the decision register, the circle's backlog, review links and the
// calendar feed's version. The register and backlog name their meeting in
// `source_meeting`, not `meeting_id`: deleting a meeting leaves the circle's
// decisions in force (only the review links, which name `meeting_id`, go with it).
import type Database from 'better-sqlite3';
import type { CircleBacklogItem, RegisterEntry } from '@consent/shared';
import type { CircleRecordStorage, RegisterQueryOptions, StoredBacklogItem } from './CircleRecordStorage.ts';
import { supersededChain } from './registerHistory.ts';

/** Version 5 → 6: new tables only. */
export const RECORD_SCHEMA = `
CREATE TABLE IF NOT EXISTS circle_register (
  id TEXT PRIMARY KEY,
  circle_id TEXT NOT NULL REFERENCES circles(id),
  source_meeting TEXT NOT NULL,
  item_id TEXT NOT NULL,
  decided_at INTEGER NOT NULL,
  review_date TEXT,
  superseded_by TEXT,
  search TEXT NOT NULL,
  entry TEXT NOT NULL
) WITHOUT ROWID;
-- [CI18] the register's listing: entries in force of one circle, in review-date order
CREATE INDEX IF NOT EXISTS circle_register_current ON circle_register(circle_id, superseded_by, review_date, decided_at);
CREATE INDEX IF NOT EXISTS circle_register_by_supersedes ON circle_register(superseded_by) WHERE superseded_by IS NOT NULL;
CREATE TABLE IF NOT EXISTS circle_reviews (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  item_id TEXT NOT NULL,
  entry_id TEXT NOT NULL,
  PRIMARY KEY (meeting_id, item_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS circle_backlog (
  id TEXT PRIMARY KEY,
  circle_id TEXT NOT NULL REFERENCES circles(id),
  title TEXT NOT NULL,
  text TEXT NOT NULL,
  source TEXT NOT NULL,
  author_id TEXT NOT NULL,
  author_name TEXT NOT NULL,
  at INTEGER NOT NULL,
  source_meeting TEXT,
  source_entry TEXT,
  taken_into TEXT,
  taken_at INTEGER
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS circle_backlog_once ON circle_backlog(source_meeting, source_entry) WHERE source_entry IS NOT NULL;
CREATE INDEX IF NOT EXISTS circle_backlog_open ON circle_backlog(circle_id, taken_into, at);
CREATE TABLE IF NOT EXISTS circle_feeds (
  circle_id TEXT PRIMARY KEY REFERENCES circles(id),
  version INTEGER NOT NULL
) WITHOUT ROWID;
`;

interface BacklogRow {
  id: string;
  title: string;
  text: string;
  source: CircleBacklogItem['source'];
  author_id: string;
  author_name: string;
  at: number;
  source_meeting: string | null;
}
const toBacklog = (r: BacklogRow): CircleBacklogItem => ({
  id: r.id,
  title: r.title,
  text: r.text,
  source: r.source,
  authorId: r.author_id,
  authorName: r.author_name,
  at: r.at,
  meetingId: r.source_meeting,
});
/** The register's order: reviews due (oldest date first), then later reviews, then entries with no review date (newest first). */
const SEGMENTS = [
  { cond: 'review_date <= ?', order: 'review_date, decided_at' },
  { cond: 'review_date > ?', order: 'review_date, decided_at' },
  { cond: 'review_date IS NULL AND ? IS NOT NULL', order: 'decided_at DESC' },
] as const;
type EntryRow = { entry: string; superseded_by: string | null };
const toEntry = (r: EntryRow): RegisterEntry => ({ ...(JSON.parse(r.entry) as RegisterEntry), supersededBy: r.superseded_by });
/** LIKE with the user's text taken literally. */
const likePattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export class SqliteCircleRecords implements CircleRecordStorage {
  private prepared: ReturnType<SqliteCircleRecords['prepare']> | null = null;

  /** Statements are prepared on first use: a file opened at an older version (in tests) has no such tables. */
  constructor(private readonly db: Database.Database) {}

  private get s() {
    return (this.prepared ??= this.prepare());
  }

  private prepare() {
    const db = this.db;
    const insert = db.prepare(
      'INSERT OR IGNORE INTO circle_register (id, circle_id, source_meeting, item_id, decided_at, review_date, superseded_by, search, entry) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)',
    );
    const supersede = db.prepare('UPDATE circle_register SET superseded_by = ? WHERE id = ? AND superseded_by IS NULL');
    const where = "circle_id = ? AND superseded_by IS NULL AND (? IS NULL OR search LIKE ? ESCAPE '\\')";
    const take = db.prepare('UPDATE circle_backlog SET taken_into = ?, taken_at = ? WHERE id = ? AND circle_id = ? AND taken_into IS NULL');
    const backlogItem = db.prepare<[string], BacklogRow>('SELECT * FROM circle_backlog WHERE id = ?');
    return {
      add: db.transaction((e: RegisterEntry): boolean => {
        const search = `${e.title}\n${e.markdown}`.toLowerCase();
        const { supersededBy: _ignored, ...stored } = e;
        const added =
          insert.run(e.id, e.circleId, e.meetingId, e.itemId, e.decidedAt, e.reviewDate, search, JSON.stringify(stored)).changes > 0;
        if (added && e.supersedes) supersede.run(e.id, e.supersedes);
        return added;
      }),
      get: db.prepare<[string], EntryRow>('SELECT entry, superseded_by FROM circle_register WHERE id = ?'),
      // [CI18] three ranges of the index, each read in order: due, later, undated (no sort of the whole register)
      segments: SEGMENTS.map((seg) => ({
        rows: db.prepare<[string, string | null, string | null, string, number, number], EntryRow>(
          `SELECT entry, superseded_by FROM circle_register WHERE ${where} AND ${seg.cond} ORDER BY ${seg.order} LIMIT ? OFFSET ?`,
        ),
        count: db.prepare<[string, string | null, string | null, string], { n: number }>(
          `SELECT count(*) AS n FROM circle_register WHERE ${where} AND ${seg.cond}`,
        ),
      })),
      bySuccessor: db.prepare<[string], EntryRow>('SELECT entry, superseded_by FROM circle_register WHERE superseded_by = ?'),
      all: db.prepare<[string], EntryRow>(
        'SELECT entry, superseded_by FROM circle_register WHERE circle_id = ? ORDER BY decided_at DESC, id',
      ),
      due: db.prepare<[string, string], EntryRow>(
        'SELECT entry, superseded_by FROM circle_register WHERE circle_id = ? AND superseded_by IS NULL AND review_date <= ? ORDER BY review_date, decided_at',
      ),
      link: db.prepare('INSERT OR REPLACE INTO circle_reviews (meeting_id, item_id, entry_id) VALUES (?, ?, ?)'),
      reviewOf: db.prepare<[string, string], { entry_id: string }>(
        'SELECT entry_id FROM circle_reviews WHERE meeting_id = ? AND item_id = ?',
      ),
      addBacklog: db.prepare(
        `INSERT OR IGNORE INTO circle_backlog (id, circle_id, title, text, source, author_id, author_name, at, source_meeting, source_entry)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      backlog: db.prepare<[string], BacklogRow>('SELECT * FROM circle_backlog WHERE circle_id = ? AND taken_into IS NULL ORDER BY at, id'),
      take: db.transaction((circleId: string, ids: readonly string[], meetingId: string, at: number): CircleBacklogItem[] => {
        const taken: CircleBacklogItem[] = [];
        for (const id of ids) {
          if (take.run(meetingId, at, id, circleId).changes > 0) taken.push(toBacklog(backlogItem.get(id)!));
        }
        return taken;
      }),
      feed: db.prepare<[string], { version: number }>('SELECT version FROM circle_feeds WHERE circle_id = ?'),
      rotate: db.prepare<[string], { version: number }>(
        'INSERT INTO circle_feeds (circle_id, version) VALUES (?, 1) ON CONFLICT(circle_id) DO UPDATE SET version = version + 1 RETURNING version',
      ),
    };
  }

  async addDecision(entry: RegisterEntry): Promise<boolean> {
    return this.s.add(entry);
  }

  async getDecision(id: string): Promise<RegisterEntry | null> {
    const r = this.s.get.get(id);
    return r ? toEntry(r) : null;
  }

  async register(circleId: string, o: RegisterQueryOptions): Promise<{ total: number; entries: RegisterEntry[] }> {
    const q = o.q?.trim() ? o.q.trim() : null;
    const pattern = q === null ? null : likePattern(q);
    let total = 0;
    let skip = o.offset;
    const rows: EntryRow[] = [];
    for (const seg of this.s.segments) {
      const n = seg.count.get(circleId, q, pattern, o.today)?.n ?? 0;
      total += n;
      const want = o.limit - rows.length;
      if (want > 0 && skip < n) rows.push(...seg.rows.all(circleId, q, pattern, o.today, want, skip));
      skip = Math.max(0, skip - n);
    }
    return { total, entries: rows.map(toEntry) };
  }

  async history(entryId: string): Promise<RegisterEntry[]> {
    return supersededChain(entryId, (id) => this.getDecision(id));
  }

  async allDecisions(circleId: string): Promise<RegisterEntry[]> {
    return this.s.all.all(circleId).map(toEntry);
  }

  async dueReviews(circleId: string, day: string): Promise<RegisterEntry[]> {
    return this.s.due.all(circleId, day).map(toEntry);
  }

  async linkReview(meetingId: string, itemId: string, entryId: string): Promise<void> {
    this.s.link.run(meetingId, itemId, entryId);
  }

  async reviewOf(meetingId: string, itemId: string): Promise<string | null> {
    return this.s.reviewOf.get(meetingId, itemId)?.entry_id ?? null;
  }

  async addBacklog(i: StoredBacklogItem): Promise<boolean> {
    return (
      this.s.addBacklog.run(i.id, i.circleId, i.title, i.text, i.source, i.authorId, i.authorName, i.at, i.meetingId, i.sourceEntry)
        .changes > 0
    );
  }

  async backlog(circleId: string): Promise<CircleBacklogItem[]> {
    return this.s.backlog.all(circleId).map(toBacklog);
  }

  async takeBacklog(circleId: string, ids: readonly string[], meetingId: string, at: number): Promise<CircleBacklogItem[]> {
    return this.s.take(circleId, ids, meetingId, at);
  }

  async feedVersion(circleId: string): Promise<number> {
    return this.s.feed.get(circleId)?.version ?? 0;
  }

  async rotateFeed(circleId: string): Promise<number> {
    return this.s.rotate.get(circleId)!.version;
  }
}
