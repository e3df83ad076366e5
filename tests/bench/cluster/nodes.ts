// Several nodes of ours on one throwaway PostgreSQL, for the cluster scenario.
// Started by the load generator itself (it must kill and restart nodes): every
// node is the compiled server as `npm start` runs it, pinned to core 0 like the
// single node; PostgreSQL is not pinned and shares both cores.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { startPostgres, type ThrowawayPostgres } from '@consent/server/testing/postgres';
import type { Target } from '../load/room.ts';
import { hasTaskset, PEERS, repoRoot, startServer, type RunningServer } from '../servers/index.ts';

/** The part of `pg` used here (the package is the server's, resolved from there). */
interface PgClient {
  connect(): Promise<void>;
  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  end(): Promise<void>;
}
const pg = createRequire(join(repoRoot, 'server', 'package.json'))('pg') as { Client: new (url: string) => PgClient };

const ours = PEERS.find((p) => p.kind === 'ours')!;
const secret = randomBytes(24).toString('base64url');

export interface Node {
  id: string;
  server: RunningServer;
  target: Target;
}

let pgServer: ThrowawayPostgres | null = null;

/** One PostgreSQL for the whole scenario; each cluster gets a fresh database of it. */
export async function postgres(): Promise<ThrowawayPostgres> {
  if (pgServer === null) {
    pgServer = await startPostgres();
    unpin(pgServer.dir);
  }
  return pgServer;
}

/**
 * PostgreSQL inherits the load generator's core: let it run on every core (the
 * postmaster and the processes it started; the backends it forks later inherit).
 */
function unpin(dir: string): void {
  if (!hasTaskset) return;
  const postmaster = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const pids = [postmaster];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster) pids.push(Number(name));
    } catch {
      /* ended meanwhile */
    }
  }
  const all = Array.from({ length: cpus().length }, (_, i) => i).join(',');
  for (const pid of pids) spawnSync('taskset', ['-a', '-pc', all, String(pid)], { stdio: 'ignore' });
}

export function stopPostgres(): void {
  pgServer?.destroy();
  pgServer = null;
}

export class Cluster {
  readonly nodes: Node[] = [];
  private started = 0;
  private db: PgClient | null = null;

  private constructor(
    readonly url: string,
    readonly ttlMs: number | undefined,
  ) {}

  /** `count` nodes on a new database; `ttlMs` undefined keeps LEASE_TTL_MS at its default. */
  static async start(name: string, count: number, ttlMs?: number): Promise<Cluster> {
    const url = await (await postgres()).createDatabase(name);
    const c = new Cluster(url, ttlMs);
    // one at a time: the first runs the migrations
    for (let i = 0; i < count; i++) c.nodes.push(await c.startNode());
    c.db = new pg.Client(url);
    await c.db.connect();
    return c;
  }

  /** A new node (a restarted one gets a new name: the dead one's leases must expire, not be resumed). */
  async startNode(): Promise<Node> {
    const id = `node-${++this.started}`;
    const server = await startServer(ours, {
      env: {
        DATABASE_URL: this.url,
        TOKEN_SECRET: secret,
        NODE_ID: id,
        ...(this.ttlMs === undefined ? {} : { LEASE_TTL_MS: String(this.ttlMs) }),
      },
    });
    return { id, server, target: { kind: 'ours', http: server.http, ws: server.ws } };
  }

  /** The node holding a live lease on the meeting, by the database's clock. */
  async owner(meetingId: string): Promise<string | null> {
    const r = await this.db!.query<{ owner: string }>('SELECT owner FROM leases WHERE meeting_id = $1 AND expires_at > now()', [meetingId]);
    return r.rows[0]?.owner ?? null;
  }

  /** kill -9; resolves once the process is gone. */
  async kill(node: Node): Promise<void> {
    const gone = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (node.server.exitInfo() !== null) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    process.kill(node.server.pid, 'SIGKILL');
    await gone;
    await node.server.stop();
  }

  async stop(): Promise<void> {
    await this.db?.end();
    await Promise.all(this.nodes.map((n) => n.server.stop()));
  }
}
