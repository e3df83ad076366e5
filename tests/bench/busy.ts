// Is the machine quiet enough to publish a run? Before the run: the 1-minute
// load average must be at most 1, and other processes (everything that is not
// this runner or a process it started) must use at most 20 % of the machine
// over a 5 s sample. During the run: the same 20 % bound in every 5 s window.
// A busy run may be printed, never written to docs/benchmarks.md.
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

export const LOAD_LIMIT = 1;
export const OTHERS_CPU_LIMIT = 20;
const WINDOW_MS = 5000;
const TICKS_PER_SECOND = 100;

interface Proc {
  ppid: number;
  ticks: number;
  start: number;
}

function processes(): Map<number, Proc> {
  const out = new Map<number, Proc>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // after the command: state ppid … utime(14) stime(15) … starttime(22), counted from field 3
      out.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), start: Number(f[19]) });
    } catch {
      /* ended meanwhile */
    }
  }
  return out;
}

/** Processes the run started that left its process tree (a daemonized PostgreSQL) name this folder in their command line. */
let ownFolder: string | null = null;
export function countAsOurs(folder: string): void {
  ownFolder = folder;
}

function names(pid: number, folder: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder);
  } catch {
    return false;
  }
}

function isOurs(pid: number, procs: Map<number, Proc>): boolean {
  for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
    if (p === process.pid) return true;
    if (ownFolder !== null && names(p, ownFolder)) return true;
    const next = procs.get(p)?.ppid;
    if (next === undefined) return false;
    p = next;
  }
  return false;
}

/** CPU other processes used between two samples, as % of the whole machine (all cores). */
function othersCpu(a: Map<number, Proc>, b: Map<number, Proc>, ms: number): number {
  let ticks = 0;
  for (const [pid, p] of b) {
    if (isOurs(pid, b)) continue;
    const before = a.get(pid);
    ticks += before !== undefined && before.start === p.start ? p.ticks - before.ticks : p.ticks;
  }
  return (100 * ticks) / TICKS_PER_SECOND / (ms / 1000) / cpus().length;
}

export const loadAverage = (): number => Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);

/** Samples the machine before the run (takes 5 s); returns why it is busy, or null. */
export async function busyBefore(): Promise<{ reason: string | null; load: number; others: number }> {
  const a = processes();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, WINDOW_MS));
  const others = othersCpu(a, processes(), performance.now() - t0);
  const load = loadAverage();
  const reasons = [
    ...(load > LOAD_LIMIT ? [`load average ${load} > ${LOAD_LIMIT}`] : []),
    ...(others > OTHERS_CPU_LIMIT ? [`other processes used ${others.toFixed(0)} % of the machine > ${OTHERS_CPU_LIMIT} %`] : []),
  ];
  return { reason: reasons.length ? `before the run: ${reasons.join(', ')}` : null, load, others };
}

/** Watches other processes' CPU during the run, window by window; stop() gives the worst window. */
export function watchDuring(): { stop(): { worst: number; reason: string | null } } {
  let last = processes();
  let t = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = processes();
    const at = performance.now();
    worst = Math.max(worst, othersCpu(last, now, at - t));
    last = now;
    t = at;
  }, WINDOW_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return {
        worst,
        reason:
          worst > OTHERS_CPU_LIMIT
            ? `during the run: other processes used up to ${worst.toFixed(0)} % of the machine in a 5 s window > ${OTHERS_CPU_LIMIT} %`
            : null,
      };
    },
  };
}
