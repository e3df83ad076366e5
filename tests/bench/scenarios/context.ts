// What every scenario gets: the server under test and how long to run.
import type { Metric } from '../load/drive.ts';
import type { Target } from '../load/room.ts';

export interface Context {
  target: Target;
  pid: number;
  memFile: string;
  quick: boolean /** the server variant this run measures (e.g. SQLITE_SYNCHRONOUS=full) */;
  variant?: string;
}
export type Scenario = (ctx: Context) => Promise<Metric[]>;
