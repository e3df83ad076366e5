// What a circle keeps between meetings, on PostgreSQL (docs/circles.md, CI16–CI30):
// the register, the circle's backlog, review links and the calendar feed's version.
// As on SQLite the register and backlog name their meeting in `source_meeting`, so
// deleting a meeting leaves the circle's decisions in force.
import type pg from 'pg';
import type { CircleBacklogItem, RegisterEntry } from '@consent/shared';
import type { CircleRecordStorage, RegisterQueryOptions, StoredBacklogItem } from '../CircleRecordStorage.ts';
import { inTransaction, num } from './transaction.ts';
import { supersededChain } from '../registerHistory.ts';

interface BacklogRow {
  id: string;
  title: string;
  text: string;
  source: CircleBacklogItem['source'];
  author_id: string;
  author_name: string;
  at: string;
  source_meeting: string | null;
}
const toBacklog = (r: BacklogRow): CircleBacklogItem => ({
  id: r.id,
  title: r.title,
  text: r.text,
  source: r.source,
  authorId: r.author_id,
  authorName: r.author_name,
  at: num(r.at),
  meetingId: r.source_meeting,
});
type EntryRow = { entry: RegisterEntry; superseded_by: string | null };
const toEntry = (r: EntryRow): RegisterEntry => ({ ...r.entry, supersededBy: r.superseded_by });
/** LIKE with the user's text taken literally. */
const likePattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// $1 circle, $2 query text or null, $3 its pattern, $4 today
const IN_FORCE = "circle_id = $1 AND superseded_by IS NULL AND ($2::text IS NULL OR search LIKE $3 ESCAPE '\\')";
/** [CI18] The register's order: reviews due (oldest date first), then later reviews, then undated entries (newest first). */
const SEGMENTS = [
  { cond: 'review_date COLLATE "C" <= $4', order: 'review_date COLLATE "C", decided_at' },
  { cond: 'review_date COLLATE "C" > $4', order: 'review_date COLLATE "C", decided_at' },
  { cond: 'review_date IS NULL AND $4::text IS NOT NULL', order: 'decided_at DESC' },
] as const;
const ENTRY = 'SELECT entry, superseded_by FROM circle_register';

export class PgCircleRecords implements CircleRecordStorage {
  constructor(private readonly pool: pg.Pool) {}

  async addDecision(e: RegisterEntry): Promise<boolean> {
    return inTransaction(this.pool, async (tx) => {
      const search = `${e.title}\n${e.markdown}`.toLowerCase();
      const { supersededBy: _ignored, ...stored } = e;
      const added = await tx.query(
        `INSERT INTO circle_register (id, circle_id, source_meeting, item_id, decided_at, review_date, superseded_by, search, entry)
         VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $8) ON CONFLICT (id) DO NOTHING`,
        [e.id, e.circleId, e.meetingId, e.itemId, e.decidedAt, e.reviewDate, search, JSON.stringify(stored)],
      );
      if ((added.rowCount ?? 0) === 0) return false;
      if (e.supersedes) {
        await tx.query('UPDATE circle_register SET superseded_by = $1 WHERE id = $2 AND superseded_by IS NULL', [e.id, e.supersedes]);
      }
      return true;
    });
  }

  async getDecision(id: string): Promise<RegisterEntry | null> {
    const r = await this.pool.query<EntryRow>(`${ENTRY} WHERE id = $1`, [id]);
    return r.rows[0] ? toEntry(r.rows[0]) : null;
  }

  async register(circleId: string, o: RegisterQueryOptions): Promise<{ total: number; entries: RegisterEntry[] }> {
    const q = o.q?.trim() ? o.q.trim() : null;
    const params = [circleId, q, q === null ? null : likePattern(q), o.today];
    let total = 0;
    let skip = o.offset;
    const rows: EntryRow[] = [];
    // three ranges of the index, each read in order: due, later, undated
    for (const seg of SEGMENTS) {
      const where = `${IN_FORCE} AND ${seg.cond}`;
      const n = num((await this.pool.query<{ n: string }>(`SELECT count(*) AS n FROM circle_register WHERE ${where}`, params)).rows[0]!.n);
      total += n;
      const want = o.limit - rows.length;
      if (want > 0 && skip < n) {
        const page = await this.pool.query<EntryRow>(`${ENTRY} WHERE ${where} ORDER BY ${seg.order} LIMIT $5 OFFSET $6`, [
          ...params,
          want,
          skip,
        ]);
        rows.push(...page.rows);
      }
      skip = Math.max(0, skip - n);
    }
    return { total, entries: rows.map(toEntry) };
  }

  async history(entryId: string): Promise<RegisterEntry[]> {
    return supersededChain(entryId, (id) => this.getDecision(id));
  }

  async allDecisions(circleId: string): Promise<RegisterEntry[]> {
    const r = await this.pool.query<EntryRow>(`${ENTRY} WHERE circle_id = $1 ORDER BY decided_at DESC, id COLLATE "C"`, [circleId]);
    return r.rows.map(toEntry);
  }

  async dueReviews(circleId: string, day: string): Promise<RegisterEntry[]> {
    const r = await this.pool.query<EntryRow>(
      `${ENTRY} WHERE circle_id = $1 AND superseded_by IS NULL AND review_date COLLATE "C" <= $2 ORDER BY review_date COLLATE "C", decided_at`,
      [circleId, day],
    );
    return r.rows.map(toEntry);
  }

  async linkReview(meetingId: string, itemId: string, entryId: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO circle_reviews (meeting_id, item_id, entry_id) VALUES ($1, $2, $3)
       ON CONFLICT (meeting_id, item_id) DO UPDATE SET entry_id = excluded.entry_id`,
      [meetingId, itemId, entryId],
    );
  }

  async reviewOf(meetingId: string, itemId: string): Promise<string | null> {
    const r = await this.pool.query<{ entry_id: string }>('SELECT entry_id FROM circle_reviews WHERE meeting_id = $1 AND item_id = $2', [
      meetingId,
      itemId,
    ]);
    return r.rows[0]?.entry_id ?? null;
  }

  async addBacklog(i: StoredBacklogItem): Promise<boolean> {
    // no conflict target: a second item of the same meeting's entry (the partial unique index) is skipped too
    const r = await this.pool.query(
      `INSERT INTO circle_backlog (id, circle_id, title, text, source, author_id, author_name, at, source_meeting, source_entry)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
      [i.id, i.circleId, i.title, i.text, i.source, i.authorId, i.authorName, i.at, i.meetingId, i.sourceEntry],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async backlog(circleId: string): Promise<CircleBacklogItem[]> {
    const r = await this.pool.query<BacklogRow>(
      'SELECT * FROM circle_backlog WHERE circle_id = $1 AND taken_into IS NULL ORDER BY at, id COLLATE "C"',
      [circleId],
    );
    return r.rows.map(toBacklog);
  }

  async takeBacklog(circleId: string, ids: readonly string[], meetingId: string, at: number): Promise<CircleBacklogItem[]> {
    const r = await this.pool.query<BacklogRow>(
      `UPDATE circle_backlog SET taken_into = $1, taken_at = $2 WHERE id = ANY($3) AND circle_id = $4 AND taken_into IS NULL RETURNING *`,
      [meetingId, at, [...ids], circleId],
    );
    const byId = new Map(r.rows.map((row) => [row.id, toBacklog(row)] as const));
    return [...new Set(ids)].flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  }

  async feedVersion(circleId: string): Promise<number> {
    const r = await this.pool.query<{ version: string }>('SELECT version FROM circle_feeds WHERE circle_id = $1', [circleId]);
    return r.rows[0] ? num(r.rows[0].version) : 0;
  }

  async rotateFeed(circleId: string): Promise<number> {
    const r = await this.pool.query<{ version: string }>(
      `INSERT INTO circle_feeds (circle_id, version) VALUES ($1, 1)
       ON CONFLICT (circle_id) DO UPDATE SET version = circle_feeds.version + 1 RETURNING version`,
      [circleId],
    );
    return num(r.rows[0]!.version);
  }
}
