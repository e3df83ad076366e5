// The PostgreSQL schema (docs/storage.md) and its migrations: numbered, each in
// its own transaction under one advisory lock, recorded in `schema_migrations`,
// so that several nodes starting at once migrate once.
import type pg from 'pg';
import { LEASES_DDL } from './PgLeases.ts';

/** Arbitrary, fixed: the advisory lock every node's migration takes. */
const MIGRATION_LOCK = 7_240_311;

// Times are ms since the epoch (bigint), as the storage interfaces hand them over.
// Every table that names a meeting has a `meeting_id` column: deleting a meeting deletes those rows.
const SCHEMA_1 = `
CREATE TABLE meetings (
  id text PRIMARY KEY,
  created_at bigint NOT NULL,
  member_code text NOT NULL,
  guest_code text NOT NULL,
  observer_code text NOT NULL,
  closed_at bigint,
  -- the seq of the meeting's newest update: appends move it on under the row's lock, so seqs have no gaps
  log_seq bigint NOT NULL DEFAULT 0
);
CREATE INDEX meetings_by_closed_at ON meetings(closed_at) WHERE closed_at IS NOT NULL;
CREATE TABLE snapshots (
  meeting_id text PRIMARY KEY REFERENCES meetings(id),
  doc bytea NOT NULL,
  up_to_seq bigint NOT NULL
);
-- epoch: the lease epoch the row was appended under (0 when the store is not fenced)
CREATE TABLE updates (
  meeting_id text NOT NULL REFERENCES meetings(id),
  seq bigint NOT NULL,
  epoch bigint NOT NULL,
  data bytea NOT NULL,
  PRIMARY KEY (meeting_id, seq)
);
CREATE TABLE client_owners (
  meeting_id text NOT NULL REFERENCES meetings(id),
  client bigint NOT NULL,
  participant_id text NOT NULL,
  PRIMARY KEY (meeting_id, client)
);
CREATE TABLE removed_participants (
  meeting_id text NOT NULL REFERENCES meetings(id),
  participant_id text NOT NULL,
  removed_at bigint NOT NULL,
  PRIMARY KEY (meeting_id, participant_id)
);
CREATE TABLE refused_deletes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings(id),
  participant_id text NOT NULL,
  client bigint NOT NULL,
  clock bigint NOT NULL,
  len bigint NOT NULL
);
CREATE INDEX refused_deletes_by_meeting ON refused_deletes(meeting_id, id);
CREATE TABLE sealed_answers (
  meeting_id text NOT NULL REFERENCES meetings(id),
  item_id text NOT NULL,
  round integer NOT NULL,
  participant_id text NOT NULL,
  answer jsonb NOT NULL,
  PRIMARY KEY (meeting_id, item_id, round, participant_id)
);
-- sync tickets (single use, short-lived), shared by every node
CREATE TABLE tickets (
  ticket text PRIMARY KEY,
  ord bigint GENERATED ALWAYS AS IDENTITY,
  meeting_id text NOT NULL,
  participant_id text NOT NULL,
  claims jsonb NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX tickets_by_expiry ON tickets(expires_at);
CREATE INDEX tickets_by_participant ON tickets(meeting_id, participant_id, ord);
CREATE TABLE circles (
  id text PRIMARY KEY,
  name text NOT NULL,
  aim text NOT NULL,
  domain text NOT NULL,
  created_at bigint NOT NULL
);
CREATE TABLE circle_members (
  circle_id text NOT NULL REFERENCES circles(id),
  person_id text NOT NULL,
  ord bigint GENERATED ALWAYS AS IDENTITY,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('member', 'guest')),
  added_at bigint NOT NULL,
  joined_at bigint,
  removed_at bigint,
  PRIMARY KEY (circle_id, person_id)
);
CREATE TABLE circle_roles (
  circle_id text NOT NULL REFERENCES circles(id),
  role_key text NOT NULL,
  name text NOT NULL,
  holder_id text,
  term_start text,
  term_end text,
  PRIMARY KEY (circle_id, role_key)
);
CREATE TABLE circle_links (
  code_hash text PRIMARY KEY,
  circle_id text NOT NULL REFERENCES circles(id),
  person_id text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('invite', 'transfer')),
  created_at bigint NOT NULL,
  expires_at bigint
);
CREATE INDEX circle_links_by_person ON circle_links(circle_id, person_id);
CREATE TABLE circle_meetings (
  meeting_id text PRIMARY KEY REFERENCES meetings(id),
  circle_id text NOT NULL REFERENCES circles(id),
  title text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX circle_meetings_by_circle ON circle_meetings(circle_id, created_at);
-- the register and backlog name their meeting in source_meeting: a deleted meeting's decisions stay in force
CREATE TABLE circle_register (
  id text PRIMARY KEY,
  circle_id text NOT NULL REFERENCES circles(id),
  source_meeting text NOT NULL,
  item_id text NOT NULL,
  decided_at bigint NOT NULL,
  review_date text,
  superseded_by text,
  search text NOT NULL,
  entry jsonb NOT NULL
);
CREATE INDEX circle_register_current ON circle_register(circle_id, superseded_by, review_date, decided_at);
CREATE INDEX circle_register_by_supersedes ON circle_register(superseded_by) WHERE superseded_by IS NOT NULL;
CREATE TABLE circle_reviews (
  meeting_id text NOT NULL REFERENCES meetings(id),
  item_id text NOT NULL,
  entry_id text NOT NULL,
  PRIMARY KEY (meeting_id, item_id)
);
CREATE TABLE circle_backlog (
  id text PRIMARY KEY,
  circle_id text NOT NULL REFERENCES circles(id),
  title text NOT NULL,
  text text NOT NULL,
  source text NOT NULL,
  author_id text NOT NULL,
  author_name text NOT NULL,
  at bigint NOT NULL,
  source_meeting text,
  source_entry text,
  taken_into text,
  taken_at bigint
);
CREATE UNIQUE INDEX circle_backlog_once ON circle_backlog(source_meeting, source_entry) WHERE source_entry IS NOT NULL;
CREATE INDEX circle_backlog_open ON circle_backlog(circle_id, taken_into, at);
CREATE TABLE circle_feeds (
  circle_id text PRIMARY KEY REFERENCES circles(id),
  version bigint NOT NULL
);
${LEASES_DDL}`;

/** Migration n is MIGRATIONS[n - 1]; a released migration never changes, a new one is appended. */
export const MIGRATIONS: readonly string[] = [SCHEMA_1];

/** Brings the database to the newest version; answers the versions this call applied. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const applied: number[] = [];
  const client = await pool.connect();
  try {
    for (let version = 1; version <= MIGRATIONS.length; version++) {
      await client.query('BEGIN');
      try {
        // held to the end of the transaction: another node waits, then finds the version applied
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
        );
        const newest = (await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0;
        if (newest > MIGRATIONS.length) throw new Error(`database schema ${newest} is newer than this server (${MIGRATIONS.length})`);
        if (newest < version) {
          await client.query(MIGRATIONS[version - 1]!);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
          applied.push(version);
        }
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    }
  } finally {
    client.release();
  }
  return applied;
}
