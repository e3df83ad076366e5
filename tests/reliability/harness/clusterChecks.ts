// What must hold after any fault of a cluster, once the writers are quiet (N24):
// each meeting's log has gap-free seqs and epochs that never go back; a replay of
// it (snapshot + updates) equals every client's document and holds exactly what
// the writers typed (nothing forged); and every write a client saw acknowledged or
// relayed was in the log before it saw it (not lost and then resent on reconnect).
import * as Y from 'yjs';
import type { Cluster, MeetingLog } from './cluster.ts';
import { ITEM, type ClusterLoad, type Observation } from './clusterLoad.ts';
import { waitFor } from './wait.ts';
import { paragraphs } from './writes.ts';

/** Database and test clocks are the same machine's; an insert precedes its commit and the ack by far more. */
const CLOCK_SLACK_MS = 2;
/** The participant the server binds its own Yjs client ids to (server/src/room/ClientWrites.ts). */
const SERVER_OWNER = '(server)';

export interface MeetingCheck {
  meetingId: string;
  rows: number;
  epochs: number[];
  /** Seqs missing, out of order or repeated (must be empty). */
  seqFaults: string[];
  /** Places where the epoch went down along seq (must be empty). */
  epochFaults: string[];
  /** Writers whose document differs from the replay (must be empty). */
  differing: string[];
  /** Client ids in the replay bound to nobody, or a writer's id bound to someone else (must be empty). */
  foreignClients: number[];
  textsMatch: boolean;
  acksChecked: number;
  relaysChecked: number;
  /** Observations with no covering row at all, or covered only by a row logged after they were seen. */
  lost: Array<Observation & { loggedAt: number | null; writer: string }>;
}

/** Each writer's connection and document, one line each (for a failure message). */
export function writersNow(load: ClusterLoad): string {
  return load.writers
    .map((w) => {
      const c = w.client;
      const sv = [...Y.decodeStateVector(Y.encodeStateVector(c.doc))].map(([k, v]) => `${k % 1000}:${v}`).join(',');
      const last = load.entries.filter((e) => e.writer === w.name && e.meetingId === w.meeting.meetingId).at(-1);
      return `${w.name}@${w.meeting.meetingId.slice(0, 6)} open=${c.isOpen} synced=${c.synced} conn=${c.connection} closes=${c.closes.map((x) => x.code).join('/')} last=${last?.kind}@node-${last?.node} sv=${sv}`;
    })
    .join('\n');
}

/** Writers, leases, database sessions and the nodes' last lines: what a failure message needs. */
export async function diagnose(cluster: Cluster, load: ClusterLoad): Promise<string> {
  const leases = [...(await load.leases())].map(
    ([m, l]) => `${m.slice(0, 6)} ${l.owner}@${l.epoch} expires ${Math.round(l.expiresAt - Date.now())} ms`,
  );
  const health = await Promise.all(
    cluster.nodes.map((n) =>
      fetch(`${n.url}/api/health`, { signal: AbortSignal.timeout(2000) })
        .then((r) => r.text())
        .catch((e: Error) => e.message),
    ),
  );
  return [writersNow(load), leases.join('\n'), await cluster.activity(), ...health, cluster.tails()].join('\n');
}

/** Stops typing and waits until every writer is connected and each meeting's writers hold the same document. */
export async function settle(load: ClusterLoad, timeoutMs = 60_000): Promise<void> {
  load.stopTyping();
  await waitFor(
    () =>
      load.writers.every((w) => w.client.isOpen && w.client.synced) &&
      load.meetings.every((m) => {
        const vs = load.writersOf(m.meetingId).map((w) => Buffer.from(Y.encodeStateVector(w.client.doc)).toString('hex'));
        return vs.every((v) => v === vs[0]);
      }),
    { timeoutMs, what: 'the writers to settle on one document per meeting' },
  ).catch((err: Error) => {
    throw new Error(`${err.message}\n${writersNow(load)}`);
  });
}

/** Replays the log in seq order; answers the document and, per client, when each state was first logged. */
function replay(log: MeetingLog): { doc: Y.Doc; seed: Set<number>; reached: Map<number, Array<[number, number]>> } {
  const doc = new Y.Doc();
  const reached = new Map<number, Array<[number, number]>>();
  const note = (at: number) => {
    for (const [client, state] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
      const steps = reached.get(client) ?? [];
      if ((steps.at(-1)?.[0] ?? 0) < state) steps.push([state, at]);
      reached.set(client, steps);
    }
  };
  if (log.snapshot) Y.applyUpdate(doc, log.snapshot.doc);
  const seed = new Set(doc.store.clients.keys());
  note(Number.NEGATIVE_INFINITY);
  for (const row of log.rows) {
    Y.applyUpdate(doc, row.data);
    note(row.loggedAt);
  }
  return { doc, seed, reached };
}

export async function checkMeeting(cluster: Cluster, load: ClusterLoad, meetingId: string): Promise<MeetingCheck> {
  const log = await cluster.log(meetingId);
  const writers = load.writersOf(meetingId);
  const seqFaults: string[] = [];
  const epochFaults: string[] = [];
  let expected = (log.snapshot?.upToSeq ?? 0) + 1;
  for (const [i, row] of log.rows.entries()) {
    if (row.seq !== expected) seqFaults.push(`seq ${row.seq} where ${expected} was due`);
    expected = row.seq + 1;
    const before = log.rows[i - 1];
    if (before && row.epoch < before.epoch) epochFaults.push(`epoch ${row.epoch} at seq ${row.seq} after epoch ${before.epoch}`);
  }
  if (expected - 1 !== log.logSeq) seqFaults.push(`log ends at ${expected - 1}, meetings.log_seq is ${log.logSeq}`);

  const { doc, seed, reached } = replay(log);
  const differing = writers
    .filter((w) => !Y.equalSnapshots(Y.snapshot(w.client.doc), Y.snapshot(doc)))
    .map((w) => `${w.name} (${[...Y.decodeStateVector(Y.encodeStateVector(w.client.doc))].join(' ')})`);
  // every client id is the server's own (bound to '(server)') or a writer's, bound to that writer
  const byId = new Map(writers.map((w) => [w.client.doc.clientID, w.meeting.people[w.name]!.participantId] as const));
  const foreignClients = [...doc.store.clients.keys()].filter((c) => {
    const bound = log.owners.get(c);
    return byId.has(c) ? bound !== byId.get(c) : bound !== SERVER_OWNER && !seed.has(c);
  });
  const texts = paragraphs(doc, ITEM).sort();
  const typed = writers.map((w) => w.typed).sort();
  const textsMatch = JSON.stringify(texts) === JSON.stringify(typed);

  const observations = [...load.ackObservations(), ...load.observations].filter((o) => o.meetingId === meetingId);
  const lost = observations.flatMap((o) => {
    const first = reached.get(o.clientId)?.find(([state]) => state >= o.clock);
    if (first && first[1] <= o.at + CLOCK_SLACK_MS) return [];
    const writer = writers.find((w) => w.client.doc.clientID === o.clientId)?.name ?? '?';
    return [{ ...o, loggedAt: first ? first[1] : null, writer }];
  });
  doc.destroy();
  return {
    meetingId,
    rows: log.rows.length,
    epochs: [...new Set(log.rows.map((r) => r.epoch))],
    seqFaults,
    epochFaults,
    differing,
    foreignClients,
    textsMatch,
    acksChecked: observations.filter((o) => o.how === 'ack').length,
    relaysChecked: observations.filter((o) => o.how === 'relay').length,
    lost,
  };
}

/** Every meeting checked; the sums for report(). */
export async function checkAll(cluster: Cluster, load: ClusterLoad): Promise<{ checks: MeetingCheck[]; figures: Record<string, number> }> {
  const checks: MeetingCheck[] = [];
  for (const m of load.meetings) checks.push(await checkMeeting(cluster, load, m.meetingId));
  const sum = (f: (c: MeetingCheck) => number) => checks.reduce((n, c) => n + f(c), 0);
  return {
    checks,
    figures: {
      framesSent: load.entries.filter((e) => e.kind === 'send').length,
      logRows: sum((c) => c.rows),
      acksChecked: sum((c) => c.acksChecked),
      relaysChecked: sum((c) => c.relaysChecked),
      lost: sum((c) => c.lost.length),
      epochsSeen: sum((c) => c.epochs.length),
    },
  };
}

/** Every broken invariant of the checks, as sentences (an empty list when the cluster kept its word). */
export function problems(checks: MeetingCheck[]): string[] {
  return checks.flatMap((c) => [
    ...c.seqFaults.map((f) => `${c.meetingId}: ${f}`),
    ...c.epochFaults.map((f) => `${c.meetingId}: ${f}`),
    ...c.differing.map((w) => `${c.meetingId}: ${w}'s document differs from the log's replay`),
    ...c.foreignClients.map((id) => `${c.meetingId}: client ${id} in the log is bound to no writer and not to the server`),
    ...(c.textsMatch ? [] : [`${c.meetingId}: the replay's paragraphs are not what the writers typed`]),
    ...c.lost
      .slice(0, 5)
      .map(
        (o) =>
          `${c.meetingId}: ${o.writer} up to clock ${o.clock}, ${o.how} at ${o.at}, ${o.loggedAt === null ? 'is not in the log' : `was logged only at ${o.loggedAt}`}`,
      ),
  ]);
}
