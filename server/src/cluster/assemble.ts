// Several nodes on one PostgreSQL (docs/deploy.md): the storage with its fence,
// this node's leases, forwarding to other nodes, and what /api/health says.
import { hostname } from 'node:os';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { NodeInfo } from '../storage/Leases.ts';
import { PgLeases } from '../storage/pg/PgLeases.ts';
import { PgStorage } from '../storage/pg/PgStorage.ts';
import { PgTickets } from '../storage/pg/PgTickets.ts';
import { ClusterCircleEvents } from './ClusterCircleEvents.ts';
import { ClusterNode } from './forwarding.ts';
import { InternalAuth } from './internalAuth.ts';
import { LeaseKeeper } from './LeaseKeeper.ts';

export interface ClusterParts {
  storage: PgStorage;
  tickets: PgTickets;
  /** [N36] The circles' live pages, told of writes on every node. */
  circleEvents: ClusterCircleEvents;
  keeper: LeaseKeeper;
  cluster: ClusterNode;
  node: NodeInfo;
  /** The port is known once the server listens: the default address is HOST:PORT. */
  listening(host: string, port: number): void;
  health(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function openCluster(
  config: Config & { databaseUrl: string; node: NonNullable<Config['node']> },
  secret: string,
  log: Logger,
  now: () => number,
  onLost: (meetingId: string) => void,
): Promise<ClusterParts> {
  const ttlMs = config.node.leaseTtlMs;
  const node: NodeInfo = { id: config.node.id ?? '', address: config.node.address ?? '' };
  // A fenced write holds its meetings' lease rows FOR SHARE until it commits, and a takeover waits for
  // that lock: a node frozen or cut off inside such a transaction would keep its meetings for as long as
  // it stays away. PostgreSQL ends a session idle in a transaction after a third of the TTL (a healthy
  // node never pauses that long between a transaction's statements), and a lease statement gives up on
  // a lock after a third of the TTL, so renewals never queue behind a blocked takeover.
  const third = Math.max(100, Math.ceil(ttlMs / 3));
  // renewals have a pool of their own, so that they never queue behind a burst of appends
  // (and circle events: one connection listens for the other nodes' writes)
  const leasePool = new pg.Pool({ connectionString: config.databaseUrl, max: 3, connectionTimeoutMillis: third, lock_timeout: third });
  leasePool.on('error', (err) => log.warn({ err: err.message }, 'lease connection lost'));
  const keeper = new LeaseKeeper({ leases: new PgLeases(leasePool), node, ttlMs, log, onLost });
  const storageUrl = new URL(config.databaseUrl);
  storageUrl.searchParams.set('idle_in_transaction_session_timeout', String(third));
  const storage = await PgStorage.open(storageUrl.toString(), { fence: keeper });
  // a ticket from one node opens the websocket at another
  const ticketPool = new pg.Pool({ connectionString: config.databaseUrl, max: 4 });
  ticketPool.on('error', (err) => log.warn({ err: err.message }, 'ticket connection lost'));
  const tickets = new PgTickets(ticketPool);
  const circleEvents = new ClusterCircleEvents(leasePool, () => node.id, log);
  await circleEvents.listen();
  const cluster = new ClusterNode({ keeper, auth: new InternalAuth(secret), ttlMs, maxFrameBytes: config.maxFrameBytes, log, now });
  return {
    storage,
    circleEvents,
    tickets,
    keeper,
    cluster,
    node,
    listening(host, port) {
      if (!node.address) node.address = `${host.includes(':') ? `[${host}]` : host}:${port}`;
      if (!node.id) node.id = `${hostname()}/${node.address}`;
      keeper.start();
      log.info({ node }, 'cluster node ready');
    },
    async health() {
      let database = 'ok';
      try {
        await leasePool.query({ text: 'SELECT 1', query_timeout: 1000 } as pg.QueryConfig);
      } catch (err) {
        database = `unreachable: ${err instanceof Error ? err.message : String(err)}`;
      }
      return {
        ok: database === 'ok',
        storage: 'postgresql',
        database,
        node: { ...node, leaseTtlMs: ttlMs },
        leases: {
          held: keeper.count,
          lastRenewalMsAgo: keeper.lastRenewal ? Math.round(performance.now() - keeper.lastRenewal) : null,
          failedRenewals: keeper.renewalFailures,
        },
        forwardedConnections: cluster.forwarded,
      };
    },
    async close() {
      cluster.stop();
      keeper.stop();
      await keeper.releaseAll();
      await circleEvents.close();
      await storage.close();
      await leasePool.end();
      await ticketPool.end();
    },
  };
}
