// The four servers under test, each started the same way: its own Node
// process (pinned to core 0 when taskset exists), ready when it prints
// `running at http://127.0.0.1:<port>`. Every server runs compiled, under plain
// node, so that no TypeScript loader weighs on anyone's memory or start: ours
// as `npm start` runs it (`server/dist/main.js`), the peers' small TypeScript
// entries compiled once per run with the same esbuild (servers/dist/, their
// packages left to node). Every server gets `--expose-gc` and the memory hook
// (servers/memHook.mjs).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerKind } from '../load/client.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '../../..');

export interface PeerSpec {
  kind: ServerKind;
  label: string;
  /** in ratio column headers */
  short: string;
  cwd: string;
  entry: string;
  /** Runs without the TypeScript loader (a compiled entry). */
  compiled?: boolean;
  env: (dataDir: string) => Record<string, string>;
}

export const PEERS: PeerSpec[] = [
  {
    kind: 'ours',
    label: 'ours',
    short: 'ours',
    cwd: join(repoRoot, 'server'),
    entry: 'dist/main.js',
    compiled: true,
    // `npm start` settings: port 0, a fresh data dir, everything else default but the
    // per-address limits, which would count every bench client (all on 127.0.0.1) as one person
    env: (dir) => ({
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      LOG_LEVEL: 'warn',
      MEETINGS_PER_MINUTE: '1000000',
      JOINS_PER_MINUTE: '1000000',
      TICKETS_PER_MINUTE: '1000000',
      MAX_PARTICIPANTS: '100000',
      MAX_PENDING_CONNECTIONS: '1000000',
      MAX_PENDING_UPGRADES: '1000000',
    }),
  },
  {
    kind: 'hocuspocus',
    label: 'Hocuspocus 4.7',
    short: 'Hocuspocus',
    cwd: join(repoRoot, 'tests'),
    entry: 'bench/servers/hocuspocus.ts',
    env: (dir) => ({ DATA_FILE: join(dir, 'hocuspocus.sqlite') }),
  },
  {
    kind: 'yws',
    label: 'y-websocket-server 0.1.5',
    short: 'y-websocket',
    cwd: join(repoRoot, 'tests'),
    entry: 'bench/servers/yWebsocketServer.ts',
    env: () => ({}),
  },
  { kind: 'relay', label: 'raw ws relay', short: 'relay', cwd: join(repoRoot, 'tests'), entry: 'bench/servers/relay.ts', env: () => ({}) },
];

export const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** Runs `args` with node, pinned to `core` when possible. */
export function spawnNode(core: number, args: string[], options: Parameters<typeof spawn>[2]): ChildProcess {
  return hasTaskset ? spawn('taskset', ['-c', String(core), process.execPath, ...args], options) : spawn(process.execPath, args, options);
}

export interface RunningServer {
  spec: PeerSpec;
  pid: number;
  /** Where the memory hook writes; the load generator signals `pid` and reads it. */
  memFile: string;
  http: string;
  ws: string;
  /** Null while running; else how it ended, with the tail of its stderr. */
  exitInfo(): string | null;
  stop(): Promise<void>;
}

/** Builds ours (server/dist) as `npm start` does; once per process. */
let built = false;
export function buildOurs(): void {
  if (built) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: join(repoRoot, 'server'), stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the server failed');
  built = true;
}

const MEM_HOOK = join(here, 'memHook.mjs');

/** Compiles a peer's entry to plain JavaScript (once per process); returns its path. */
const compiledPeers = new Map<string, string>();
async function compilePeer(spec: PeerSpec): Promise<string> {
  const done = compiledPeers.get(spec.kind);
  if (done) return done;
  // the server's esbuild: the same bundler, one version in the workspace
  const { build } = createRequire(join(repoRoot, 'server', 'package.json'))('esbuild') as {
    build(options: Record<string, unknown>): Promise<unknown>;
  };
  const outfile = join(here, 'dist', `${spec.kind}.mjs`);
  await build({
    absWorkingDir: spec.cwd,
    entryPoints: [spec.entry],
    outfile,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    logLevel: 'warning',
  });
  compiledPeers.set(spec.kind, outfile);
  return outfile;
}

export async function startServer(
  spec: PeerSpec,
  opts: { profileDir?: string; nodeFlags?: string[]; env?: Record<string, string> } = {},
): Promise<RunningServer> {
  if (spec.compiled) buildOurs();
  const dir = mkdtempSync(join(tmpdir(), `bench-${spec.kind}-`));
  const flags = [
    ...(opts.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.profileDir}`] : []),
    ...(opts.nodeFlags ?? []),
    '--expose-gc',
    '--import',
    MEM_HOOK,
  ];
  const entry = spec.compiled ? spec.entry : await compilePeer(spec);
  const child = spawnNode(0, [...flags, entry], {
    cwd: spec.cwd,
    env: { ...process.env, NODE_ENV: 'production', ...spec.env(dir), BENCH_MEM_FILE: join(dir, 'mem.json'), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000);
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${spec.label} did not start in 30 s: ${stderr}`)), 30_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /running at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${spec.label} exited (${code}): ${stderr}`));
    });
  });
  child.stdout!.resume();
  return {
    spec,
    pid: child.pid!,
    memFile: join(dir, 'mem.json'),
    http: `http://127.0.0.1:${port}`,
    ws: `ws://127.0.0.1:${port}`,
    exitInfo: () =>
      child.exitCode === null && child.signalCode === null
        ? null
        : `${spec.label} exited (${child.exitCode ?? child.signalCode}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
