// The load generator process: runs one scenario at a time against the server
// the runner names over IPC and answers with its metrics.
import { SCENARIOS } from '../scenarios/index.ts';
import { counters } from './client.ts';
import type { Metric } from './drive.ts';
import type { Target } from './room.ts';

export interface LoadRequest {
  scenario: string;
  target: Target;
  pid: number;
  memFile: string;
  quick: boolean;
  variant?: string;
}
export type LoadReply = { ok: true; metrics: Metric[]; unexpectedCloses: number } | { ok: false; error: string };

process.on('message', (msg: LoadRequest) => {
  const spec = SCENARIOS.find((s) => s.id === msg.scenario);
  const closes0 = counters.closedUnexpectedly;
  const reply = (r: LoadReply): void => {
    process.send!(r);
  };
  if (spec === undefined) {
    reply({ ok: false, error: `unknown scenario ${msg.scenario}` });
    return;
  }
  spec.run({ target: msg.target, pid: msg.pid, memFile: msg.memFile, quick: msg.quick, variant: msg.variant }).then(
    (metrics) => reply({ ok: true, metrics, unexpectedCloses: counters.closedUnexpectedly - closes0 }),
    (err: unknown) => reply({ ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
  );
});
process.send!({ ready: true });
