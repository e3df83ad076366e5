// Assembles the server from a Config: storage, rooms, the HTTP app and the
// sync endpoint on one Node HTTP server. `close()` is the graceful shutdown.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';
import { createApp } from './http/app.ts';
import { PendingConnections } from './http/pendingConnections.ts';
import { AddressRateLimiter } from './http/rateLimit.ts';
import { domainPolicy } from './room/domainPolicy.ts';
import { RoomManager } from './room/RoomManager.ts';
import { Retention } from './room/Retention.ts';
import { withReviewDates } from './room/reviewDates.ts';
import type { WritePolicy } from './room/writeCheck.ts';
import { SqliteStorage } from './storage/SqliteStorage.ts';
import { openCluster } from './cluster/assemble.ts';
import type { Storage } from './storage/Storage.ts';
import { attachSyncEndpoint } from './sync/endpoint.ts';
import { MemoryTickets, type Tickets } from './tickets.ts';
import { watchFacilitator } from './facilitation/watchFacilitator.ts';
import { CircleSigner } from './circles/credentials.ts';
import { withCircleSelections } from './circles/meetings.ts';
import { CircleEvents } from './circles/CircleEvents.ts';
import { withCircleEvents } from './circles/notifyingStorage.ts';
import { withCircleRecords } from './circles/records.ts';
import { resolveTokenSecret, TokenSigner } from './tokens.ts';

export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

export interface RunningServer {
  url: string;
  port: number;
  manager: RoomManager;
  storage: Storage;
  /** Connections from one address whose first request has not arrived, and those closed for it. */
  pending: PendingConnections;
  /** The purge of closed meetings, when RETENTION_DAYS is set. */
  retention: Retention | null;
  /** [CI31] The circles' live pages. */
  circleEvents: CircleEvents;
  close(): Promise<void>;
}

export interface StartOptions {
  log?: Logger;
  storage?: Storage;
  policy?: WritePolicy;
  now?: () => number;
  /** Sync tickets shared with other nodes (PgTickets); one process keeps them in memory. */
  tickets?: Tickets;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true });
  // Logs go to stderr: stdout carries the one line that says where the board runs.
  const log =
    options.log ??
    (config.logLevel === 'silent' ? pino({ level: 'silent' }) : pino({ level: config.logLevel, base: undefined }, pino.destination(2)));
  const now = options.now ?? Date.now;
  const secret = resolveTokenSecret(config.tokenSecret, config.dataDir);
  const signer = new TokenSigner(secret);
  const circleEvents = new CircleEvents();
  // several nodes on PostgreSQL (docs/deploy.md); a lost lease lets the meeting go here
  let letGo = (_meetingId: string): void => undefined;
  const { databaseUrl, node } = config;
  const parts = databaseUrl && node ? await openCluster({ ...config, databaseUrl, node }, secret, log, now, (m) => letGo(m)) : null;
  // [CI31] every write of circle data reaches the circle's live pages
  const storage = withCircleEvents(
    options.storage ??
      parts?.storage ??
      new SqliteStorage(join(config.dataDir, 'consent.db'), { synchronous: config.sqliteSynchronous, cacheMb: config.sqliteCacheMb }),
    circleEvents,
  );
  const manager = new RoomManager({
    storage,
    // [CI9] a decided selection reaches the meeting's circle; [CI16][CI25] so do decisions and the backlog;
    // [CI19] a review date in the past is refused with the server's clock
    policy: withCircleRecords(withCircleSelections(withReviewDates(options.policy ?? domainPolicy, { now }), { storage, log }), {
      storage,
      log,
      now,
      events: circleEvents,
    }),
    graceMs: config.roomGraceMs,
    sleepMs: config.roomSleepMs,
    compactEvery: config.compactEvery,
    maxFrameBytes: config.maxFrameBytes,
    log,
    now,
    onPresence: (room) => watchFacilitator({ now, awayMs: config.facilitatorAwayMs, log }, room),
    ownership: parts?.keeper,
  });
  letGo = (m) => manager.letGo(m);
  const limits = {
    create: new AddressRateLimiter(config.meetingsPerMinute, now),
    join: new AddressRateLimiter(config.joinsPerMinute, now),
    tickets: new AddressRateLimiter(config.ticketsPerMinute, now),
  };
  const access = { storage, signer, tokenTtlMs: config.tokenTtlDays * 24 * 3600 * 1000, now };
  const tickets = options.tickets ?? new MemoryTickets();
  const app = createApp({
    ...access,
    manager,
    tickets,
    clientDist: config.clientDist,
    version: VERSION,
    log,
    limits,
    maxParticipants: config.maxParticipants,
    circleSigner: new CircleSigner(secret),
    circleEvents,
    cluster: parts?.cluster,
    health: async () => (parts ? { ...(await parts.health()), rooms: manager.roomCount } : { storage: 'sqlite', rooms: manager.roomCount }),
  });

  let server!: Server;
  const port = await new Promise<number>((resolve, reject) => {
    server = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        // A request head must arrive within HEADERS_TIMEOUT_MS; the check runs every second.
        serverOptions: {
          headersTimeout: config.headersTimeoutMs,
          requestTimeout: config.headersTimeoutMs + 20_000,
          connectionsCheckingInterval: 1000,
        },
      },
      (info: AddressInfo) => resolve(info.port),
    ) as Server;
    server.once('error', reject);
  });
  const pending = new PendingConnections(config.maxPendingConnections);
  pending.attach(server);
  const sync = attachSyncEndpoint(server, {
    ...access,
    tickets,
    manager,
    maxFrameBytes: config.maxFrameBytes,
    maxMessagesPerSecond: config.maxMessagesPerSecond,
    maxPendingUpgrades: config.maxPendingUpgrades,
    log,
    cluster: parts?.cluster,
  });
  const retention = config.retentionDays > 0 ? new Retention({ days: config.retentionDays, storage, manager, log, now }) : null;
  retention?.start();
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${host}:${port}`;
  parts?.listening(config.host, port);
  log.info({ url, dataDir: config.dataDir }, 'listening');

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      sync.stop();
      // open event streams would keep the HTTP server from closing
      circleEvents.endAll('The server is restarting: the page reconnects by itself.');
      await retention?.stop();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await manager.close();
      await sync.close();
      server.closeIdleConnections();
      await stopped;
      if (parts) await parts.close();
      else await storage.close();
      log.info('stopped');
    })());

  return { url, port, manager, storage, pending, retention, circleEvents, close };
}
