// The log's writes as functions in the database (migration 2, docs/storage.md): an
// append or a compaction is one statement, so one round trip, doing what a
// transaction of several statements did: the fence (the lease rows locked FOR SHARE
// in meeting_id order, each naming this node at the epoch it took), the per-meeting
// seq moved on under the meeting row's lock, the rows, the bindings and the refusals.
// A refusal raises FENCED_OUT with the failing meetings as a JSON array in its detail.
import type pg from 'pg';
import { type Fence, FencedOut } from '../Leases.ts';
import type { ClientBinding, RefusedDeletion } from '../Storage.ts';
import { num } from './transaction.ts';

/** The SQLSTATE of a fenced refusal (a class of its own, outside PostgreSQL's). */
const FENCED_OUT = 'CBF01';
/** The SQLSTATE of a write naming a meeting that does not exist. */
const UNKNOWN_MEETING = 'CBU01';

// Shared by both functions: locks the lease rows of p_ids (sorted, so two writes never wait in a cycle)
// and raises FENCED_OUT unless each names p_node at the epoch given for it (null: none held).
const FENCE_FN = `
CREATE OR REPLACE FUNCTION consent_check_fence(p_node text, p_ids text[], p_epochs bigint[]) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  held_ids text[];
  held_owners text[];
  held_epochs bigint[];
  failing text[];
BEGIN
  SELECT array_agg(s.meeting_id), array_agg(s.owner), array_agg(s.epoch) INTO held_ids, held_owners, held_epochs
  FROM (SELECT l.meeting_id, l.owner, l.epoch FROM leases l WHERE l.meeting_id = ANY(p_ids) ORDER BY l.meeting_id FOR SHARE) s;
  SELECT array_agg(f.id ORDER BY f.n) INTO failing
  FROM unnest(p_ids, p_epochs) WITH ORDINALITY AS f(id, epoch, n)
  LEFT JOIN unnest(held_ids, held_owners, held_epochs) AS h(id, owner, epoch) ON h.id = f.id
  WHERE h.id IS NULL OR f.epoch IS NULL OR h.owner <> p_node OR h.epoch <> f.epoch;
  IF failing IS NOT NULL THEN
    RAISE EXCEPTION 'the lease of % is held by another node', array_to_string(failing, ', ')
      USING ERRCODE = '${FENCED_OUT}', DETAIL = array_to_json(failing)::text;
  END IF;
END $$;`;

// p_meetings: the meetings appended to, in the order their rows are locked; p_counts and p_epochs per meeting;
// p_updates: every update, grouped in that order. Answers each meeting's newest seq, in that order.
const APPEND_FN = `
CREATE OR REPLACE FUNCTION consent_append_updates(
  p_meetings text[], p_counts integer[], p_epochs bigint[], p_updates bytea[],
  p_node text, p_fence_ids text[], p_fence_epochs bigint[],
  p_bind_meetings text[], p_bind_clients bigint[], p_bind_participants text[],
  p_ref_meetings text[], p_ref_participants text[], p_ref_clients bigint[], p_ref_clocks bigint[], p_ref_lens bigint[]
) RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
  newest bigint;
  answer bigint[] := '{}';
  pos integer := 1;
BEGIN
  IF p_node IS NOT NULL AND cardinality(p_fence_ids) > 0 THEN
    PERFORM consent_check_fence(p_node, p_fence_ids, p_fence_epochs);
  END IF;
  FOR i IN 1 .. coalesce(cardinality(p_meetings), 0) LOOP
    UPDATE meetings SET log_seq = log_seq + p_counts[i] WHERE id = p_meetings[i] RETURNING log_seq INTO newest;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'unknown meeting %', p_meetings[i] USING ERRCODE = '${UNKNOWN_MEETING}';
    END IF;
    INSERT INTO updates (meeting_id, seq, epoch, data)
      SELECT p_meetings[i], newest - p_counts[i] + u.n, p_epochs[i], u.d
      FROM unnest(p_updates[pos : pos + p_counts[i] - 1]) WITH ORDINALITY AS u(d, n);
    pos := pos + p_counts[i];
    answer := answer || newest;
  END LOOP;
  -- the first binding of a client wins, within the batch too
  INSERT INTO client_owners (meeting_id, client, participant_id)
    SELECT b.m, b.c, b.p FROM unnest(p_bind_meetings, p_bind_clients, p_bind_participants) WITH ORDINALITY AS b(m, c, p, n) ORDER BY b.n
    ON CONFLICT (meeting_id, client) DO NOTHING;
  INSERT INTO refused_deletes (meeting_id, participant_id, client, clock, len)
    SELECT r.m, r.p, r.c, r.k, r.l
    FROM unnest(p_ref_meetings, p_ref_participants, p_ref_clients, p_ref_clocks, p_ref_lens) WITH ORDINALITY AS r(m, p, c, k, l, n)
    ORDER BY r.n;
  RETURN answer;
END $$;`;

// A snapshot never goes back: an older compaction arriving late changes nothing.
const COMPACT_FN = `
CREATE OR REPLACE FUNCTION consent_compact(p_meeting text, p_doc bytea, p_up_to bigint, p_node text, p_epoch bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  newest bigint;
  kept integer;
BEGIN
  IF p_node IS NOT NULL THEN
    PERFORM consent_check_fence(p_node, ARRAY[p_meeting], ARRAY[p_epoch]);
  END IF;
  SELECT m.log_seq INTO newest FROM meetings m WHERE m.id = p_meeting FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'unknown meeting %', p_meeting USING ERRCODE = '${UNKNOWN_MEETING}';
  END IF;
  IF p_up_to > newest THEN
    RAISE EXCEPTION 'compaction of % up to %, past the log''s end', p_meeting, p_up_to;
  END IF;
  INSERT INTO snapshots AS s (meeting_id, doc, up_to_seq) VALUES (p_meeting, p_doc, p_up_to)
    ON CONFLICT (meeting_id) DO UPDATE SET doc = excluded.doc, up_to_seq = excluded.up_to_seq
    WHERE s.up_to_seq <= excluded.up_to_seq;
  GET DIAGNOSTICS kept = ROW_COUNT;
  IF kept > 0 THEN
    DELETE FROM updates u WHERE u.meeting_id = p_meeting AND u.seq <= p_up_to;
  END IF;
END $$;`;

/** Migration 2 (released: never changes). CREATE OR REPLACE, so running it again changes nothing. */
export const LOG_FUNCTIONS_DDL = `${FENCE_FN}\n${APPEND_FN}\n${COMPACT_FN}`;

const APPEND =
  'SELECT consent_append_updates($1::text[], $2::integer[], $3::bigint[], $4::bytea[], $5::text, $6::text[], $7::bigint[], ' +
  '$8::text[], $9::bigint[], $10::text[], $11::text[], $12::text[], $13::bigint[], $14::bigint[], $15::bigint[]) AS seqs';
const COMPACT = 'SELECT consent_compact($1::text, $2::bytea, $3::bigint, $4::text, $5::bigint)';

/** Appends a batch in one statement; answers each meeting's newest seq. Throws FencedOut, storing nothing, when fenced out. */
export async function appendBatch(
  pool: pg.Pool,
  fence: Fence | undefined,
  batch: ReadonlyArray<{ meetingId: string; update: Uint8Array }>,
  bindings: ReadonlyArray<ClientBinding>,
  refused: ReadonlyArray<RefusedDeletion>,
): Promise<Map<string, number>> {
  const byMeeting = new Map<string, Uint8Array[]>();
  for (const { meetingId, update } of batch) {
    const list = byMeeting.get(meetingId);
    if (list) list.push(update);
    else byMeeting.set(meetingId, [update]);
  }
  const touched = [...new Set([...byMeeting.keys(), ...bindings.map((b) => b.meetingId), ...refused.map((r) => r.meetingId)])];
  // read once: the epochs checked are the epochs the rows carry, whatever the node learns meanwhile
  const epochs = new Map(touched.map((id) => [id, fence ? (fence.epochOf(id) ?? null) : 0] as const));
  // meetings in one order for every append: two batches never wait on each other's rows in a cycle
  const meetings = [...byMeeting.keys()].sort();
  const r = await run(pool, APPEND, [
    meetings,
    meetings.map((id) => byMeeting.get(id)!.length),
    meetings.map((id) => epochs.get(id)),
    meetings.flatMap((id) => byMeeting.get(id)!),
    fence?.nodeId ?? null,
    touched,
    touched.map((id) => epochs.get(id)),
    bindings.map((b) => b.meetingId),
    bindings.map((b) => b.client),
    bindings.map((b) => b.participantId),
    refused.map((x) => x.meetingId),
    refused.map((x) => x.participantId),
    refused.map((x) => x.client),
    refused.map((x) => x.clock),
    refused.map((x) => x.len),
  ]);
  const seqs = (r.rows[0] as { seqs: string[] }).seqs;
  return new Map(meetings.map((id, i) => [id, num(seqs[i]!)] as const));
}

/** Writes the snapshot and trims the log up to `upToSeq`, in one statement, behind the fence. */
export async function compactLog(
  pool: pg.Pool,
  fence: Fence | undefined,
  meetingId: string,
  snapshot: Uint8Array,
  upToSeq: number,
): Promise<void> {
  await run(pool, COMPACT, [meetingId, snapshot, upToSeq, fence?.nodeId ?? null, fence ? (fence.epochOf(meetingId) ?? null) : null]);
}

/** The statement, its refusals turned into the errors the storage interface names. */
async function run(pool: pg.Pool, text: string, values: unknown[]): Promise<pg.QueryResult> {
  try {
    return await pool.query(text, values);
  } catch (e) {
    const err = e as { code?: string; detail?: string; message?: string };
    if (err.code === FENCED_OUT) throw new FencedOut(JSON.parse(err.detail ?? '[]') as string[]);
    if (err.code === UNKNOWN_MEETING) throw new Error(err.message);
    throw e;
  }
}
