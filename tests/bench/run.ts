// Benchmark runner: starts each server fresh for each scenario (core 0), drives
// it from a separate load-generator process (core 1), prints one table per
// scenario and writes docs/benchmarks.md — only when the machine was quiet
// before and during the run (busy.ts); a busy run is printed, the file is left
// alone and the runner exits non-zero (--print-only: print, write nothing, exit 0).
// It measures; it never fails on a time.
//   tsx bench/run.ts [--quick] [--print-only] [--only=fanout,ceiling] [--servers=ours,relay] [--profile=<dir>] [--out=<file>]
//   tsx bench/run.ts --from=<raw.json> --out=<file>   re-renders the last run's raw figures
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadReply, LoadRequest } from './load/main.ts';
import { busyBefore, countAsOurs, watchDuring } from './busy.ts';
import { reapLeftovers } from './cluster/leftovers.ts';
import { machine } from './proc.ts';
import { clusterSection, clusterTable } from './clusterReport.ts';
import { scenarioTable, targetTable, type Results } from './report.ts';
import { SCENARIOS } from './scenarios/index.ts';
import { PEERS, hasTaskset, repoRoot, spawnNode, startServer } from './servers/index.ts';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = args.includes('--quick');
const only = opt('only')?.split(',');
const wanted = opt('servers')?.split(',');
const profileDir = opt('profile');
const printOnly = args.includes('--print-only');
const outFile = printOnly ? null : (opt('out') ?? (quick || only || wanted ? null : join(repoRoot, 'docs/benchmarks.md')));

const oursReady = existsSync(join(repoRoot, 'server/src/main.ts')) && existsSync(join(repoRoot, 'server/scripts/build.mjs'));
let peers = PEERS.filter((p) => (p.kind !== 'ours' || oursReady) && (!wanted || wanted.includes(p.kind)));
const scenarios = SCENARIOS.filter((s) => !only || only.includes(s.id));

// the runner shares the load generator's core
if (hasTaskset) spawnSync('taskset', ['-pc', '1', String(process.pid)], { stdio: 'ignore' });

// the load generator's temporary files (and the PostgreSQL it starts, which leaves the process tree) live here
let loadTmp = '';
function makeLoadTmp(): void {
  loadTmp = mkdtempSync(join(tmpdir(), 'consent-bench-run-'));
  chmodSync(loadTmp, 0o755); // PostgreSQL runs as its own user when the bench runs as root
  countAsOurs(loadTmp);
}

function startLoad(): Promise<ChildProcess> {
  const child = spawnNode(1, ['--import', 'tsx', 'bench/load/main.ts'], {
    cwd: join(repoRoot, 'tests'),
    env: { ...process.env, TMPDIR: loadTmp },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`load generator exited (${code})`)));
  });
}

function ask(load: ChildProcess, req: LoadRequest, timeoutMs: number): Promise<LoadReply> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      load.off('message', onMessage);
      resolve({ ok: false, error: `no answer within ${timeoutMs / 1000} s` });
    }, timeoutMs);
    const onMessage = (r: LoadReply): void => {
      clearTimeout(timer);
      resolve(r);
    };
    load.once('message', onMessage);
    load.send(req);
  });
}

interface Raw {
  m: ReturnType<typeof machine>;
  started: string;
  seconds: string;
  busy: string;
  refused?: string | null;
  quick: boolean;
  rev?: string;
  results: [string, [string, LoadReply][]][];
}
const RAW_FILE = join(tmpdir(), 'consent-bench-last.json');

function render(raw: Raw): void {
  const results: Results = new Map(raw.results.map(([s, byKind]) => [s, new Map(byKind)]));
  const ran = new Set(raw.results.flatMap(([, byKind]) => byKind.map(([kind]) => kind)));
  peers = peers.filter((p) => ran.has(p.kind));
  const targets = targetTable(results);
  console.log(`### Targets\n\n${targets}\n\n${raw.busy}`);
  if (outFile !== null && raw.refused) {
    console.error(
      `Not written to ${outFile}: the machine was busy (${raw.refused}). Run again on a quiet machine, or pass --print-only to print the figures only.`,
    );
    process.exitCode = 2;
    return;
  }
  if (outFile !== null) {
    writeFileSync(
      outFile,
      document(raw.m, new Date(raw.started), raw.seconds, results, targets, raw.busy, raw.quick, raw.rev ?? 'an unknown commit'),
    );
    console.log(`written to ${outFile}`);
  }
}

async function main(): Promise<void> {
  const from = opt('from');
  if (from !== undefined) {
    render(JSON.parse(readFileSync(from, 'utf8')) as Raw);
    return;
  }
  makeLoadTmp();
  const m = machine();
  const started = new Date();
  const before = await busyBefore();
  if (before.reason !== null) console.log(`The machine is busy ${before.reason}: the figures will be printed, not published.`);
  const during = watchDuring();
  const load0 = before.load;
  console.log(
    `Consent Board benchmark${quick ? ' (quick)' : ''}: ${m.cpuModel}, ${m.cores} cores, Node ${m.node}; servers ${hasTaskset ? 'pinned to core 0, load to core 1' : 'not pinned (no taskset)'}`,
  );
  if (!oursReady) console.log('server/src/main.ts is missing: running the peers only');
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const results: Results = new Map();
  let load = await startLoad();
  for (const s of scenarios) {
    const byKind = new Map<string, LoadReply>();
    results.set(s.id, byKind);
    for (const p of peers) {
      const t0 = performance.now();
      let reply: LoadReply;
      if (s.only && !s.only.kinds.includes(p.kind)) {
        byKind.set(p.kind, { ok: true, metrics: [{ key: '*', value: null, note: s.only.na(p.kind) }], unexpectedCloses: 0 });
        continue;
      }
      try {
        // ours runs once per variant (e.g. SQLITE_SYNCHRONOUS), the metrics merged
        const variants = p.kind === 'ours' && s.variants ? s.variants : [undefined];
        reply = { ok: true, metrics: [], unexpectedCloses: 0 };
        for (const v of variants) {
          const server = await startServer(p, { profileDir: p.kind === 'ours' ? profileDir : undefined, env: v?.env });
          let r = await ask(
            load,
            {
              scenario: s.id,
              target: { kind: p.kind, http: server.http, ws: server.ws },
              pid: server.pid,
              memFile: server.memFile,
              quick,
              variant: v?.label,
            },
            quick ? (s.timeoutMs?.quick ?? 90_000) : (s.timeoutMs?.full ?? 600_000),
          );
          const exited = server.exitInfo();
          if (!r.ok && exited !== null) r = { ok: false, error: `${exited}; ${r.error}` };
          await server.stop();
          if (!r.ok) {
            reply = r;
            break;
          }
          if (reply.ok)
            reply = { ok: true, metrics: [...reply.metrics, ...r.metrics], unexpectedCloses: reply.unexpectedCloses + r.unexpectedCloses };
          if (!r.ok) break;
        }
      } catch (err) {
        reply = { ok: false, error: err instanceof Error ? err.message : String(err) };
      }
      if (!reply.ok) {
        // a stuck scenario leaves sockets behind: start a clean load generator
        load.kill('SIGKILL');
        reapLeftovers(loadTmp);
        load = await startLoad();
      }
      byKind.set(p.kind, reply);
      console.log(
        `  ${s.id} · ${p.label}: ${reply.ok ? 'done' : `failed: ${reply.error.split('\n')[0]}`} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      );
    }
    console.log(`\n${s.section ? clusterTable(s, peers, results) : scenarioTable(s, peers, results)}\n`);
  }
  load.kill();
  reapLeftovers(loadTmp);
  rmSync(loadTmp, { recursive: true, force: true });
  const seconds = ((Date.now() - started.getTime()) / 1000).toFixed(0);
  const worst = during.stop();
  const refused = before.reason ?? worst.reason;
  const busy = `Before the run: load average (1 min) ${load0}, other processes ${before.others.toFixed(0)} % of the machine; during it, other processes at most ${worst.worst.toFixed(0)} % in any 5 s window: ${refused === null ? 'the machine was quiet' : `BUSY (${refused}), not publishable`}.`;
  const raw: Raw = {
    m,
    started: started.toISOString(),
    seconds,
    busy,
    refused,
    quick,
    rev: revision(),
    results: [...results].map(([s, byKind]) => [s, [...byKind]]),
  };
  writeFileSync(RAW_FILE, JSON.stringify(raw));
  render(raw);
  console.log(`raw figures in ${RAW_FILE}`);
  console.log(`finished in ${seconds} s`);
}

/** The commit measured, and whether server/ or shared/ differed from it. */
function revision(): string {
  const git = (...a: string[]) => spawnSync('git', a, { cwd: repoRoot, encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD');
  if (head === '') return 'an unknown commit';
  return `commit ${head}${git('status', '--porcelain', '--', 'server', 'shared') ? ' (with uncommitted changes in server/ or shared/)' : ''}`;
}

function document(
  m: ReturnType<typeof machine>,
  at: Date,
  seconds: string,
  results: Results,
  targets: string,
  busy: string,
  quick: boolean,
  rev: string,
): string {
  return [
    '# Benchmarks',
    '',
    `Measured ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC at ${rev} on ${m.cpuModel}, ${m.cores} cores, Node ${m.node}` +
      `${quick ? ' (a `--quick` run)' : ''}, in ${seconds} s. ${hasTaskset ? 'Each server pinned to core 0, the load generator to core 1 (`taskset`).' : 'Not pinned: `taskset` was missing.'} ${busy}`,
    '',
    'Run it with `pnpm bench` (about 15 minutes; rewrites this file only when the machine was quiet) or `pnpm bench:quick` (a few minutes, smaller figures, printed only);',
    '`cd tests && npx tsx bench/run.ts --only=ceiling,join --servers=ours,hocuspocus` runs a part and prints it; `pnpm bench:quick --only=cluster` the several nodes alone (ours only).',
    'How it works, what each server is and how to read the tables: see "Method" at the end.',
    '↓ lower is better, ↑ higher is better; a ratio is ours divided by the peer. "n/a" names why a figure cannot exist.',
    '',
    '## Targets',
    '',
    targets,
    '',
    '## Results',
    '',
    ...SCENARIOS.filter((s) => results.has(s.id) && !s.section).flatMap((s) => [scenarioTable(s, peers, results), '']),
    ...SCENARIOS.filter((s) => results.has(s.id) && s.section).flatMap((s) => clusterSection(s, peers, results)),
    METHOD,
  ].join('\n');
}

const METHOD = `## Method

- **Servers.** Each scenario starts every server afresh as its own process, pinned to core 0, compiled and run by plain \`node\` (no TypeScript loader for anyone: the peers' small entries in \`tests/bench/servers/\` are compiled once per run with the same esbuild, their packages left to node), with \`NODE_ENV=production\`, \`--expose-gc\` and a small memory hook (\`tests/bench/servers/memHook.mjs\`: on SIGUSR2 it runs a full collection and reports \`process.memoryUsage()\`), the same for every server:
  - **ours**: as \`npm start\` runs it — \`server/dist/main.js\`, built once per run by \`server/scripts/build.mjs\` (esbuild) and run with plain \`node\` — with \`PORT=0\`, a fresh temporary \`DATA_DIR\` and every other setting at its default but the per-address limits (every bench client comes from 127.0.0.1): rights checks on every update, SQLite persistence before relay, the rate limit.
  - **Hocuspocus 4.7** (\`@hocuspocus/server\` with \`@hocuspocus/extension-sqlite\` on a temporary file), defaults otherwise: broadcasts merged per event-loop turn (\`flushDelay: 0\`), storage debounced 2 s (at most 10 s). It declares Node 22 and runs on Node 20.
  - **y-websocket-server 0.1.5**: \`@y/websocket-server\`'s \`setupWSConnection\`, no persistence. It asks for the yjs 14 prerelease; the workspace \`overrides\` pin it to yjs 13.6.33 and \`@y/protocols\` 1.0.6-1. Its sockets come from the tests' \`ws\` 8.23.
  - **raw ws relay**: \`ws\` 8.23 forwarding each frame, as it arrives, to the other sockets of its room; no Yjs, no document.
- **Load.** A separate process of real Yjs clients (core 1): y-protocols sync and awareness written with lib0 directly over \`ws\` (Hocuspocus frames carry its document-name prefix and an auth frame). Every keystroke is a real \`Y.Doc\` edit — one character appended to the typist's own paragraph in a \`proposal/<item>\` \`XmlFragment\`, 18–22 bytes — prepared before the measured window. On ours each room is a meeting created through \`POST /api/meetings\`, every client a participant joined through the API with its own token, awareness carrying that participant's \`user\`.
- **The primary throughput figure is server CPU per delivered update**: µs of the server process's CPU (utime + stime from \`/proc/<pid>/stat\`) over a window, divided by updates sent × receivers (49 in the 50-client room), at fixed rates every server holds: 1,600 and 6,400 updates/s, the median of three 3 s windows each, with ratios to each peer. A fixed rate whose window had drops, or whose load generator used 85 % of its core or more, gives no figure (it says which).
- **Ceiling** (secondary): the same room, the rate raised through 200 … 51,200 updates/s, 3 s a step (0.7 s and coarser steps in \`--quick\`). A step holds when p99 ≤ 50 ms with no drop. Every window is judged on its own figures by the same rule for every server, once, with no retries and no allowance for the machine: a step counts only if the load generator stayed under 85 % of its core and sent at least 95 % of the rate; if it did not, the ramp stops and the figure reads "generator-bound at ≥ N" (N the last step held), a lower bound that says nothing more about the server.
- **Latency** is from sending an update to the moment the last other client of the room has it; receivers read the (client, clock) ranges of every update they get (merging servers are read correctly). Echoes to the sender are ignored. **Drops** are updates some receiver still lacked 2–3 s after the window closed. Rows "load generator stall" and "server waited for its core" are printed for information; no verdict uses them.
- **Many rooms** (500 × 3 clients): base RSS of the fresh server after GC (before any room); V8 heap and RSS per room after GC once the rooms have been quiet for 21 s (the same wait for every server; ours puts a document unused for \`ROOM_SLEEP_MS\`, 10 s by default, to sleep as its encoded state), as the growth from the warm baseline to all rooms, divided by the rooms.
- **Many rooms, warm-up**: every server first opens 50 rooms (20 in \`--quick\`) and keeps them open; the baseline is taken after them. A cold server compiles and optimizes code while the first rooms open (about 20 KB of machine code per room at 100 rooms), which a one-room warm-up counted as rooms' memory.
- **Join**: from opening the socket to receiving sync step 2 (the whole document), for documents of 10 kB–10 MB; once for a document unchanged since the last join (a server may answer from a cached frame), once for one that changed since (one keystroke before each join); 50 joins of 1 MB within a second beside a typing room; and 200 clients of one meeting connecting and syncing at once (their seats made beforehand), timed from the first socket opening to the last client synced.
- **Awareness**: every client moves its caret at 20 Hz in rooms of 10, 50 and 100: awareness frames and bytes the server sends per second, and caret latency p50/p99 from a move's send to each other client's receipt (each state is found by its client id and clock), so a server that coalesces shows its delay as well as its saving.
- **Durability** (ours only): 500 updates/s from 5 typists with \`?ack=1\`; each \`MESSAGE.ack\` carries the running count of the connection's writes now durable; an update's figure runs from its send to the first ack that covers it. Run twice: **crash-durable** (\`SQLITE_SYNCHRONOUS=normal\`, the default: WAL appended, survives the process crashing) and **power-loss-durable** (\`SQLITE_SYNCHRONOUS=full\`: an fsync per write batch, survives a power loss).
- **A quiet machine, or nothing published.** Before the run the runner samples the machine for 5 s: the 1-minute load average must be at most 1 and other processes (anything that is not the runner or a process it started) at most 20 % of the machine's CPU; during the run it checks the same 20 % in every 5 s window. A busy run prints its figures, does not touch this file and exits non-zero (\`--print-only\` prints without writing and exits 0).
- **Start-up and base memory of \`npm start\`** (measured by hand, 5 starts each, with \`--expose-gc\` and the memory probe's IPC hook, \`server/dist/memServer.js\` vs \`tsx src/bench/memServer.ts\`; on a shared, busy machine): start to "running at" 0.60–0.83 s under tsx → 0.22–0.24 s compiled; RSS after GC 122–134 MB → 72–73 MB; again once the machine was quiet, with the minified bundle: 0.63–0.73 s → 0.21–0.23 s, 120–132 MB → 71 MB.
- **What one of our meetings holds** (\`cd tests && npx tsx bench/meetingMemory.ts [meetings]\`): a facilitator and two members joined through the API, an agenda item, a typed proposal paragraph, three connections with awareness; V8 heap and RSS after GC per meeting, over a warm baseline, in four states. Measured with 100 meetings on a busy machine, before documents slept: live 40 KB heap; all connections closed but within the grace period (\`ROOM_GRACE_MS\`) 23 KB; unloaded after it 0 KB (−1.4). With a quiet meeting's document asleep (\`ROOM_SLEEP_MS\`, here 2 s): live and quiet 17 KB; within the grace period 21 KB (the facilitator-presence check wakes the document when the clients leave). The meeting's \`Y.Doc\` alone is 19 KB of heap for 898 bytes encoded; three sockets with their connection state about 17 KB. The project's earlier probe (\`tests/reliability/memoryProbe.ts\`, ~25 KB per meeting) measured meetings already unloaded on a cold server: its figure was machine code compiled during the run, not meeting state; the independent harness's 50 KB measured live meetings with their three sockets, also without a warm-up.
- The machine has two cores; compare columns of the same run, not runs.
- **Profiling ours**: \`cd tests && npx tsx bench/profile.ts --scenario=typing|awareness|join [--rate=6400] [--seconds=5] [--clients=50]\` runs the compiled server with \`node --cpu-prof\` under one fixed load and prints self and inclusive time per function; \`tsx bench/run.ts --profile=<dir> --servers=ours\` keeps the profiles of a whole run.
`;

main().catch((err) => {
  console.error(err);
  if (loadTmp !== '') {
    reapLeftovers(loadTmp);
    rmSync(loadTmp, { recursive: true, force: true });
  }
  process.exitCode = 1;
});
