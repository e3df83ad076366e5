// The seven scenarios of the benchmark, in the order they run and print.
import { awareness } from './awareness.ts';
import { ceiling } from './ceiling.ts';
import { cluster } from './cluster.ts';
import type { Scenario } from './context.ts';
import type { ServerKind } from '../load/client.ts';
import { DURABILITY_VARIANTS, durability, durableNote } from './durability.ts';
import { fanout } from './fanout.ts';
import { join } from './join.ts';
import { manyRooms } from './manyRooms.ts';

export interface ScenarioSpec {
  id: string;
  title: string;
  run: Scenario;
  /** Servers the scenario can measure; the others get its `na` note without being started. */
  only?: { kinds: ServerKind[]; na: (kind: ServerKind) => string };
  /** Ours is started once per variant, with its environment; the metrics are merged (keys carry the label). */
  variants?: { label: string; env: Record<string, string> }[];
  /** How long the load generator may take (default 90 s quick, 600 s full). */
  timeoutMs?: { quick: number; full: number };
  /** Printed as its own section, its table laid out by configuration (Metric.column). */
  section?: string;
}

export const SCENARIOS: ScenarioSpec[] = [
  { id: 'fanout', title: '1. Fan-out: one room, 5 typists × 10 updates/s', run: fanout },
  { id: 'ceiling', title: '2. Ceiling: 50-client room, rate raised until p99 > 50 ms or a drop', run: ceiling },
  { id: 'rooms', title: '3. Many rooms: 3 clients each', run: manyRooms },
  {
    id: 'join',
    title: '4. Join: time to synced, and 50 joins in one second beside an active room',
    run: join,
    only: { kinds: ['ours', 'hocuspocus', 'yws'], na: () => 'the relay keeps no document: there is nothing to join' },
  },
  { id: 'awareness', title: '5. Awareness: every client moves its caret at 20 Hz', run: awareness },
  {
    id: 'durability',
    title: '6. Durability: update sent → durable ack, 500 updates/s',
    run: durability,
    only: { kinds: ['ours'], na: durableNote },
    variants: DURABILITY_VARIANTS,
  },
  {
    id: 'cluster',
    title: '7. Several nodes on one PostgreSQL: fan-out through a forwarding node, one meeting’s ceiling, meetings held, failover',
    run: cluster,
    only: { kinds: ['ours'], na: () => 'no cluster mode: one process serves every document' },
    timeoutMs: { quick: 400_000, full: 2_400_000 },
    section: 'Several nodes',
  },
];
