// Server CPU and memory read from /proc (Linux), plus the machine facts the report prints.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus } from 'node:os';

const TICKS_PER_SECOND = 100;

/** utime + stime of a process, in seconds. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // fields after the parenthesised command name; utime and stime are fields 14 and 15
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** Resident set size in MB. */
export function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU share of one core used by `pid` between `start()` and the returned function's call. */
export function cpuMeter(pid: number): () => number {
  const c0 = cpuSeconds(pid);
  const t0 = performance.now();
  return () => (100 * (cpuSeconds(pid) - c0)) / ((performance.now() - t0) / 1000);
}

export function machine(): { cpuModel: string; cores: number; node: string } {
  const list = cpus();
  return { cpuModel: list[0]?.model.trim() ?? 'unknown', cores: list.length, node: process.version };
}

/**
 * Time the server's event loop (its main thread) was runnable but waiting for
 * a CPU, less the CPU its own other threads (GC, I/O) used meanwhile — on a
 * pinned core those are its own doing. What remains is other work on its core.
 * Cumulative ms, from /proc/<pid>/task/<tid>/schedstat (on-CPU ns, run-queue ns).
 */
export function foreignWaitMs(pid: number): number {
  let mainWait = 0;
  let othersCpu = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let fields: string[];
    try {
      fields = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ');
    } catch {
      continue; // a thread that ended between listing and reading
    }
    if (tid === String(pid)) mainWait = Number(fields[1]);
    else othersCpu += Number(fields[0]);
  }
  return (mainWait - othersCpu) / 1e6;
}

export interface GcMemory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/**
 * A server's memory after a full collection (bytes): signals the memory hook
 * every server under test preloads (servers/memHook.mjs) and reads its answer.
 */
export async function memoryAfterGc(pid: number, file: string): Promise<GcMemory> {
  const before = existsSync(file) ? statSync(file).mtimeMs : 0;
  const asked = Date.now();
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 1000; i++) {
    await new Promise((r) => setTimeout(r, 10));
    if (!existsSync(file) || statSync(file).mtimeMs === before) continue;
    try {
      const m = JSON.parse(readFileSync(file, 'utf8')) as GcMemory & { at: number };
      if (m.at >= asked) return m;
    } catch {
      /* half written: read again */
    }
  }
  throw new Error('the server did not report its memory within 10 s');
}
