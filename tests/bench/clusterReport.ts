// The cluster scenario's table: one column per configuration (1 node on SQLite,
// 1 node on PostgreSQL, 3 nodes), its goals, and the "Several nodes" section
// of docs/benchmarks.md with its method.
import type { Metric } from './load/drive.ts';
import type { PeerSpec } from './servers/index.ts';
import type { Results } from './report.ts';
import type { ScenarioSpec } from './scenarios/index.ts';
import { COLUMNS, FAILOVER_TTL_MS, KEYS } from './scenarios/cluster.ts';
import { MEETING_CLIENTS, MEETING_STEPS, MEETING_TYPISTS, TYPIST_RATE } from './scenarios/clusterRamp.ts';

const fmt = (v: number): string => (Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-US') : String(v));
const cell = (m: Metric | undefined): string =>
  m === undefined ? '—' : m.value === null ? 'n/a (see notes)' : `${m.bound === 'lower' ? '≥ ' : ''}${fmt(m.value)}`;

const SHARED =
  'This machine has 2 cores: every node is pinned to core 0 (as the single node is), the load generator to core 1, and PostgreSQL runs unpinned on both; three nodes, PostgreSQL and the load generator share the 2 cores, so these figures show what forwarding and leases cost, not what three machines would hold.';

function ours(spec: ScenarioSpec, results: Results): { metrics: Metric[]; closes: number } | string {
  const r = results.get(spec.id)?.get('ours');
  if (r === undefined) return 'not run';
  if (!r.ok) return `the run failed: ${r.error.split('\n')[0]}`;
  return { metrics: r.metrics, closes: r.unexpectedCloses };
}

const find = (ms: Metric[], key: string, column: string = COLUMNS.three): Metric | undefined =>
  ms.find((m) => m.key === key && m.column === column);

/** The goals of several nodes, each met, missed or not measured. */
export function clusterGoals(ms: Metric[]): string[] {
  const extra = find(ms, KEYS.extraP99);
  const fo = find(ms, KEYS.failoverP99);
  const verdict = (m: Metric | undefined, limit: number): string =>
    m?.value == null ? 'not measured' : m.value <= limit ? 'met' : 'missed';
  const limit = FAILOVER_TTL_MS + 1000;
  return [
    `- Goal: fan-out p99 through a forwarding node within +2 ms of a client on the owner: measured ${extra?.value == null ? '—' : `${extra.value >= 0 ? '+' : ''}${fmt(extra.value)} ms`} (${fmt(find(ms, KEYS.forwardedP99)?.value ?? NaN)} vs ${fmt(find(ms, KEYS.ownerP99)?.value ?? NaN)} ms): **${verdict(extra, 2)}**.`,
    `- Goal: failover p99 ≤ TTL + 1 s = ${fmt(limit)} ms (LEASE_TTL_MS = ${fmt(FAILOVER_TTL_MS)}): measured ${fo?.value == null ? '—' : `${fmt(fo.value)} ms`}: **${verdict(fo, limit)}**.`,
  ];
}

export function clusterTable(spec: ScenarioSpec, peers: PeerSpec[], results: Results): string {
  const got = ours(spec, results);
  const head = `### ${spec.title}`;
  if (typeof got === 'string') return `${head}\n\n${got}`;
  const closes = got.closes > 0 ? [`- ${got.closes} sockets closed by a node during the run (besides the failovers' own).`] : [];
  const ms = got.metrics;
  const columns = Object.values(COLUMNS);
  // rows in the order the 3-node column measured them, then any other
  const byThree = ms.filter((m) => m.column === COLUMNS.three);
  const keys = [...new Set([...byThree, ...ms].filter((m) => m.key !== '*').map((m) => m.key))];
  const lines = [`| figure | ${columns.join(' | ')} |`, `| --- |${columns.map(() => ' ---: ').join('|')}|`];
  for (const key of keys) {
    const better = ms.find((m) => m.key === key)?.better;
    lines.push(
      `| ${key}${better === 'lower' ? ' ↓' : better === 'higher' ? ' ↑' : ''} | ${columns.map((c) => cell(find(ms, key, c))).join(' | ')} |`,
    );
  }
  const notes = ms.filter((m) => m.note && (m.value !== null || m.note.length > 40)).map((m) => `- ${m.key}, ${m.note}`);
  const others = peers.filter((p) => p.kind !== 'ours').map((p) => p.label);
  return [
    head,
    '',
    ...lines,
    '',
    ...clusterGoals(ms),
    ...notes,
    ...closes,
    `- Ours only${others.length ? `: ${others.join(', ')} have` : ': the peers have'} no cluster mode (one process serves every document).`,
    `- ${SHARED}`,
  ].join('\n');
}

const RATE_TEXT = '50 keystrokes/s';

export const CLUSTER_METHOD = `How it runs (\`tests/bench/scenarios/cluster.ts\`, \`clusterRamp.ts\`, \`failover.ts\`, \`tests/bench/cluster/nodes.ts\`): ours only. The load generator starts a throwaway PostgreSQL (\`server/src/testing/postgres.ts\`), and on a fresh database of it each configuration's nodes: the compiled server (\`server/dist/main.js\`) with \`DATABASE_URL\`, one \`TOKEN_SECRET\`, its own \`NODE_ID\`, \`PORT=0\` and the single node's other settings. "1 node, SQLite" is the single node the runner starts for every scenario. Ours relays an update only once it is stored: on SQLite (\`SQLITE_SYNCHRONOUS=normal\`, the default) a commit appends to the WAL without an fsync, on PostgreSQL (defaults, \`fsync=on\`, \`synchronous_commit=on\`) each write batch's commit waits for its WAL fsync, so every PostgreSQL figure carries the disk's fsync time. A meeting is owned by the node that took its lease first: the bench creates it and writes its agenda item through the node it wants as owner, and checks the \`leases\` row.

- **Fan-out**: one meeting; one writer on the owner typing ${RATE_TEXT}; 5 receivers on the owner and 5 on another node, whose sockets that node forwards to the owner. Latency from send to each receiver's receipt (per receiver, not per room), p50 and p99 per side, and the difference. On a single node all 10 receivers are on it. Goal: p99 through a forwarding node within +2 ms of a client on the owner.
- **One meeting's ceiling**: the ceiling scenario's 50-client room, every client typing, the rate raised through the same steps and judged by the same rule (p99 ≤ 50 ms, no drop; a step where the load generator used 85 % of its core or sent under 95 % of the rate stops the ramp as "generator-bound at ≥ N"). With 3 nodes every client is on a node that does not own the meeting.
- **Meetings held**: meetings of ${MEETING_CLIENTS} clients, ${MEETING_TYPISTS} of them typing ${TYPIST_RATE} keystrokes/s, added in steps (${MEETING_STEPS.join(', ')}; 10, 40, 80 in \`--quick\`) until a window's p99 (send → every other client of the meeting) passes 50 ms or an update is lost, by the same rule. With 3 nodes meeting m is owned by node m mod 3 and its client i connects to node (m + i) mod 3: half of every meeting's clients are forwarded, as behind a load balancer without affinity.
- **Failover**: 3 nodes with \`LEASE_TTL_MS=${FAILOVER_TTL_MS}\`; a writer (\`?ack=1\`) connected through one node to a meeting another node owns; the owner is killed with SIGKILL. The forwarding node closes the writer's socket (4010); the writer reconnects to it as y-websocket does (after 100 ms, doubling per failed attempt, at most 2.5 s); that node takes the meeting once the dead owner's lease expires by the database's clock. Timed from the kill to the first write acknowledged as durable; the killed node is then replaced by a new one (a new \`NODE_ID\`) and the next failover kills the next node. 20 failovers (3 in \`--quick\`). Goal: p99 ≤ TTL + 1 s.
- ${SHARED}`;

export function clusterSection(spec: ScenarioSpec, peers: PeerSpec[], results: Results): string[] {
  return [`## ${spec.section}`, '', CLUSTER_METHOD, '', clusterTable(spec, peers, results), ''];
}
