// Three server nodes on one throwaway PostgreSQL, each node's database connection
// through its own TCP proxy (to cut it), and direct reads of the lease table and
// of each meeting's log (updates with seq and epoch, the snapshot) for the checks.
import pg from 'pg';
import { createDatabase, freePort, startPostgres, type ThrowawayPostgres } from '@consent/server/testing/postgres';
import { pick } from './mode.ts';
import { ServerProcess } from './serverProcess.ts';
import { TcpProxy } from './tcpProxy.ts';

export interface ClusterNode {
  index: number;
  id: string;
  port: number;
  url: string;
  wsUrl: string;
  server: ServerProcess;
  proxy: TcpProxy;
}

export interface LeaseRow {
  node: number;
  owner: string;
  epoch: number;
  /** ms since the epoch, by the database's clock. */
  expiresAt: number;
}

export interface LogRow {
  seq: number;
  epoch: number;
  data: Uint8Array;
  /** When the row was inserted (ms since the epoch, database clock): the test's column, not the product's. */
  loggedAt: number;
}

export interface MeetingLog {
  snapshot: { doc: Uint8Array; upToSeq: number } | null;
  rows: LogRow[];
  /** meetings.log_seq: the newest seq handed out. */
  logSeq: number;
  /** client_owners: which participant (or '(server)') each Yjs client id of the meeting is bound to. */
  owners: Map<number, string>;
}

export interface ClusterOptions {
  nodes?: number;
  ttlMs?: number;
  env?: Record<string, string>;
}

const SECRET = 'cluster-fault-suite-secret-0123456789';

export class Cluster {
  readonly nodes: ClusterNode[] = [];
  readonly ttlMs: number;
  private constructor(
    readonly postgres: ThrowawayPostgres,
    readonly databaseUrl: string,
    /** Straight to PostgreSQL, never through a proxy. */
    readonly db: pg.Pool,
    ttlMs: number,
  ) {
    this.ttlMs = ttlMs;
  }

  static async start(options: ClusterOptions = {}): Promise<Cluster> {
    const postgres = await startPostgres();
    const databaseUrl = await createDatabase(postgres.url, 'cluster');
    const db = new pg.Pool({ connectionString: databaseUrl, max: 3 });
    // the database crashes on purpose in some runs: an idle connection lost is dropped, the next query reconnects
    db.on('error', () => undefined);
    const cluster = new Cluster(postgres, databaseUrl, db, options.ttlMs ?? pick(1500, 2000));
    const count = options.nodes ?? 3;
    for (let index = 0; index < count; index += 1) {
      const proxy = new TcpProxy('127.0.0.1', postgres.port);
      await proxy.listen();
      const port = await freePort();
      const url = new URL(databaseUrl);
      url.port = String(proxy.port);
      const id = `node-${index}`;
      const server = new ServerProcess({
        port,
        env: {
          DATABASE_URL: url.toString(),
          TOKEN_SECRET: SECRET,
          NODE_ID: id,
          LEASE_TTL_MS: String(cluster.ttlMs),
          // no compaction during a run: every append stays in the log for the checks
          COMPACT_EVERY: '1000000',
          MAX_MESSAGES_PER_SECOND: '2000',
          ...options.env,
        },
      });
      cluster.nodes.push({ index, id, port, url: `http://127.0.0.1:${port}`, wsUrl: `ws://127.0.0.1:${port}`, server, proxy });
    }
    // the first node migrates the schema; the others find it done
    await cluster.nodes[0]!.server.start();
    await Promise.all(cluster.nodes.slice(1).map((n) => n.server.start()));
    // the test's own column: when each log row was inserted, to tell an original append from a resend
    await db.query('ALTER TABLE updates ADD COLUMN logged_at timestamptz NOT NULL DEFAULT clock_timestamp()');
    return cluster;
  }

  nodeOfId(owner: string): number {
    return this.nodes.findIndex((n) => n.id === owner);
  }

  /** The node a websocket base address belongs to. */
  nodeOfBase(base: string): number {
    return this.nodes.findIndex((n) => n.wsUrl === base || n.url === base);
  }

  async lease(meetingId: string): Promise<LeaseRow | null> {
    const r = await this.db.query<{ owner: string; epoch: string; expires_at: number }>(
      'SELECT owner, epoch, EXTRACT(EPOCH FROM expires_at) * 1000 AS expires_at FROM leases WHERE meeting_id = $1',
      [meetingId],
    );
    const row = r.rows[0];
    return row ? { node: this.nodeOfId(row.owner), owner: row.owner, epoch: Number(row.epoch), expiresAt: Number(row.expires_at) } : null;
  }

  async log(meetingId: string): Promise<MeetingLog> {
    const snap = await this.db.query<{ doc: Buffer; up_to_seq: string }>('SELECT doc, up_to_seq FROM snapshots WHERE meeting_id = $1', [
      meetingId,
    ]);
    const rows = await this.db.query<{ seq: string; epoch: string; data: Buffer; logged_at: number }>(
      'SELECT seq, epoch, data, EXTRACT(EPOCH FROM logged_at) * 1000 AS logged_at FROM updates WHERE meeting_id = $1 ORDER BY seq',
      [meetingId],
    );
    const seq = await this.db.query<{ log_seq: string }>('SELECT log_seq FROM meetings WHERE id = $1', [meetingId]);
    const owners = await this.db.query<{ client: string; participant_id: string }>(
      'SELECT client, participant_id FROM client_owners WHERE meeting_id = $1',
      [meetingId],
    );
    const s = snap.rows[0];
    return {
      owners: new Map(owners.rows.map((r) => [Number(r.client), r.participant_id] as const)),
      snapshot: s ? { doc: new Uint8Array(s.doc), upToSeq: Number(s.up_to_seq) } : null,
      rows: rows.rows.map((r) => ({
        seq: Number(r.seq),
        epoch: Number(r.epoch),
        data: new Uint8Array(r.data),
        loggedAt: Number(r.logged_at),
      })),
      logSeq: Number(seq.rows[0]?.log_seq ?? 0),
    };
  }

  /** What each database session is doing (for a failure message: who waits on whose lock). */
  async activity(): Promise<string> {
    const r = await this.db.query<{ pid: number; port: number; state: string; wait: string | null; blocked_by: number[]; query: string }>(
      `SELECT pid, client_port AS port, state, wait_event_type || '/' || wait_event AS wait, pg_blocking_pids(pid) AS blocked_by, left(query, 90) AS query
       FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() ORDER BY pid`,
    );
    return r.rows
      .map((a) => `${a.pid} ${a.state} ${a.wait ?? ''} blocked by [${a.blocked_by.join(',')}] ${a.query.replace(/\s+/g, ' ')}`)
      .join('\n');
  }

  /** Lines of every node's output, for a failure message. */
  tails(lines = 15): string {
    return this.nodes.map((n) => `--- ${n.id}\n${n.server.tail(lines)}`).join('\n');
  }

  async dispose(): Promise<void> {
    for (const n of this.nodes) {
      n.server.resume();
      n.proxy.resume();
    }
    await Promise.all(this.nodes.map((n) => n.server.dispose()));
    await Promise.all(this.nodes.map((n) => n.proxy.close()));
    await this.db.end();
    this.postgres.destroy();
  }
}
