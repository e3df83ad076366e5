// The six scenarios of the benchmark, in the order they run and print.
import { awareness } from './awareness.ts';
import { ceiling } from './ceiling.ts';
import type { Scenario } from './context.ts';
import { durability } from './durability.ts';
import { fanout } from './fanout.ts';
import { join } from './join.ts';
import { manyRooms } from './manyRooms.ts';

export interface ScenarioSpec { id: string; title: string; run: Scenario }

export const SCENARIOS: ScenarioSpec[] = [
  { id: 'fanout', title: '1. Fan-out: one room, 5 typists × 10 updates/s', run: fanout },
  { id: 'ceiling', title: '2. Ceiling: 50-client room, rate raised until p99 > 50 ms or a drop', run: ceiling },
  { id: 'rooms', title: '3. Many rooms: 3 clients each', run: manyRooms },
  { id: 'join', title: '4. Join: time to synced, and 50 joins in one second beside an active room', run: join },
  { id: 'awareness', title: '5. Awareness: every client moves its caret at 20 Hz', run: awareness },
  { id: 'durability', title: '6. Durability: update sent → durable ack, 500 updates/s', run: durability },
];
