// The server as a real child process: start on port 0 with its own data
// directory, kill -9, restart on the same data, and read its RSS, open file
// descriptors, heap and active timers from outside.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Inspector } from './inspector.ts';
import { waitFor } from './wait.ts';

export const SERVER_DIR = fileURLToPath(new URL('../../../server', import.meta.url));
const READY = /Consent Board is running at (http:\/\/[^\s]+)/;
const INSPECTOR = /Debugger listening on (ws:\/\/\S+)/;

export interface ServerOptions {
  /** Extra environment (ROOM_GRACE_MS, MAX_MESSAGES_PER_SECOND, ...). */
  env?: Record<string, string>;
  /** Open the V8 inspector on a free loopback port, to force GC and read the heap and timers. */
  inspect?: boolean;
  /** Reuse a data directory (otherwise a fresh temporary one). */
  dataDir?: string;
  /** A fixed port (a cluster node restarts where the others and the clients expect it); else 0. */
  port?: number;
}

/**
 * Every client of these runs comes from 127.0.0.1, so the per-address limits would count a
 * whole scenario as one person: raised here, and a scenario that tests a limit sets its own.
 */
export const LOOPBACK_LIMITS: Record<string, string> = {
  MEETINGS_PER_MINUTE: '1000000',
  JOINS_PER_MINUTE: '1000000',
  TICKETS_PER_MINUTE: '1000000',
  MAX_PARTICIPANTS: '100000',
  MAX_PENDING_CONNECTIONS: '1000000',
  MAX_PENDING_UPGRADES: '1000000',
};

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const running = new Set<ChildProcess>();
// A failed test must not leave a server behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export class ServerProcess {
  readonly dataDir: string;
  url = '';
  wsUrl = '';
  private child: ChildProcess | null = null;
  private output: string[] = [];
  private exited: Exit | null = null;
  /** Exits that this controller did not cause (a crash). */
  readonly unexpectedExits: Exit[] = [];
  private killing = false;
  inspector: Inspector | null = null;
  starts = 0;

  constructor(private readonly options: ServerOptions = {}) {
    this.dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'consent-rel-'));
  }

  get pid(): number {
    if (!this.child?.pid) throw new Error('server is not running');
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child !== null && this.exited === null;
  }

  /** Lines printed so far, over every start (a mark for `printed`). */
  linesPrinted = 0;

  /** Whether a line the server printed (of the last 500), from line number `since` on, matches. */
  printed(pattern: RegExp, since = 0): boolean {
    const first = this.linesPrinted - this.output.length;
    return this.output.some((line, i) => first + i >= since && pattern.test(line));
  }

  /** The last lines the server printed (for failure messages). */
  tail(lines = 30): string {
    return this.output.slice(-lines).join('\n');
  }

  async start(): Promise<string> {
    if (this.alive) throw new Error('server already running');
    // `node --import tsx` rather than the tsx CLI: the CLI runs the program in a
    // second process, and kill -9 of the CLI would orphan the real server.
    const args = ['--import', 'tsx'];
    if (this.options.inspect) args.push('--inspect=127.0.0.1:0');
    args.push('src/main.ts');
    const child = spawn(process.execPath, args, {
      cwd: SERVER_DIR,
      env: {
        ...process.env,
        LOG_LEVEL: 'warn',
        ...LOOPBACK_LIMITS,
        ...this.options.env,
        PORT: String(this.options.port ?? 0),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = null;
    this.killing = false;
    this.starts += 1;
    running.add(child);
    let url = '';
    let inspectorUrl = '';
    const onText = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line) continue;
        this.output.push(line);
        this.linesPrinted += 1;
        if (this.output.length > 500) this.output.splice(0, this.output.length - 500);
        url ||= READY.exec(line)?.[1] ?? '';
        inspectorUrl ||= INSPECTOR.exec(line)?.[1] ?? '';
      }
    };
    child.stdout!.on('data', onText);
    child.stderr!.on('data', onText);
    child.once('exit', (code, signal) => {
      running.delete(child);
      if (this.child !== child) return;
      this.exited = { code, signal };
      if (!this.killing) this.unexpectedExits.push(this.exited);
    });
    await waitFor(() => url !== '' || this.exited !== null, { timeoutMs: 60_000, what: 'server start line' });
    if (!url) throw new Error(`server exited before it was ready (${JSON.stringify(this.exited)}):\n${this.tail()}`);
    this.url = url.replace(/\/$/, '');
    this.wsUrl = this.url.replace(/^http/, 'ws');
    if (this.options.inspect) {
      await waitFor(() => inspectorUrl !== '', { timeoutMs: 10_000, what: 'inspector url' });
      this.inspector = await Inspector.connect(inspectorUrl);
    }
    return this.url;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  async kill9(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGSTOP: the process freezes (no timers, no sockets answered) until `resume`. */
  suspend(): void {
    this.child?.kill('SIGSTOP');
  }

  /** SIGCONT after `suspend`. */
  resume(): void {
    this.child?.kill('SIGCONT');
  }

  /** A graceful stop (SIGTERM); falls back to SIGKILL after 10 s. */
  async stop(): Promise<Exit | null> {
    if (!this.alive) return this.exited;
    const child = this.child!;
    this.killing = true;
    this.inspector?.close();
    this.inspector = null;
    child.kill('SIGTERM');
    try {
      await waitFor(() => this.exited !== null, { timeoutMs: 10_000, what: 'graceful exit' });
    } catch {
      child.kill('SIGKILL');
      await waitFor(() => this.exited !== null, { timeoutMs: 10_000, what: 'exit after SIGKILL' });
    }
    return this.exited;
  }

  async restart(): Promise<string> {
    if (this.alive) await this.kill9();
    return this.start();
  }

  /** Stop and delete the data directory. */
  async dispose(): Promise<void> {
    await this.stop();
    if (!this.options.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    if (!this.alive) return;
    this.killing = true;
    this.inspector?.close();
    this.inspector = null;
    this.child!.kill(signal);
    await waitFor(() => this.exited !== null, { timeoutMs: 10_000, what: `exit after ${signal}` });
  }

  /** Resident set size in bytes, from /proc. */
  rss(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    if (!kb) throw new Error('no VmRSS in /proc status');
    return Number(kb) * 1024;
  }

  /**
   * How many of the server's open descriptors are its ends of TCP connections
   * from the given client ports (read from /proc/net/tcp and the fd links).
   */
  socketsFrom(clientPorts: ReadonlySet<number>): number {
    const port = Number(new URL(this.url).port);
    const inodes = new Set<string>();
    for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
      let text = '';
      try {
        text = readFileSync(table, 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n').slice(1)) {
        const f = line.trim().split(/\s+/);
        if (f.length < 10) continue;
        const local = parseInt(f[1]!.split(':')[1]!, 16);
        const remote = parseInt(f[2]!.split(':')[1]!, 16);
        if (local === port && clientPorts.has(remote)) inodes.add(f[9]!);
      }
    }
    return this.fds().filter((link) => inodes.has(/^socket:\[(\d+)\]$/.exec(link)?.[1] ?? '')).length;
  }

  /** Open file descriptors of the server process. */
  fds(): string[] {
    const dir = `/proc/${this.pid}/fd`;
    const out: string[] = [];
    for (const fd of readdirSync(dir)) {
      try {
        out.push(readlinkSync(join(dir, fd)));
      } catch {
        // closed between readdir and readlink
      }
    }
    return out;
  }
}
