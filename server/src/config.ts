// The server's configuration: read once from the environment, validated with
// zod into one typed object that is passed in everywhere (no other env reads).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const EnvSchema = z.object({
  PORT: int(0, 65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default(resolve(repoRoot, 'data')),
  /** HMAC key for tokens; when absent one is generated and kept in DATA_DIR/secret. */
  TOKEN_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  /** How long a participant's token opens the meeting after it was issued. */
  TOKEN_TTL_DAYS: int(1, 3650).default(30),
  MAX_FRAME_BYTES: int(1024, 64 * 1024 * 1024).default(1024 * 1024),
  /** How long an empty room stays in memory before it is compacted and unloaded. */
  ROOM_GRACE_MS: int(0, 24 * 3600 * 1000).default(10_000),
  /** A meeting's document unused this long (and up to twice as long) is kept encoded until its next use; 0 keeps it awake. */
  ROOM_SLEEP_MS: int(0, 24 * 3600 * 1000).default(10_000),
  /** Compact a room's update log into a snapshot after this many stored updates. */
  COMPACT_EVERY: int(1, 10_000_000).default(1000),
  /** Per-connection message rate; bursts up to twice this are allowed. */
  MAX_MESSAGES_PER_SECOND: int(1, 1_000_000).default(1000),
  CLIENT_DIST: z
    .string()
    .min(1)
    .default(resolve(repoRoot, 'client', 'dist')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `full` also survives power loss (an fsync per write batch); `normal` survives a process crash. */
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  /** SQLite's page cache, in MiB: the largest part of a long-running server's native memory. */
  SQLITE_CACHE_MB: int(1, 4096).default(8),
  /** Per client address, each a minute, in bursts of as many: meetings created, joins, sync tickets minted. */
  MEETINGS_PER_MINUTE: int(1, 1_000_000).default(10),
  JOINS_PER_MINUTE: int(1, 1_000_000).default(60),
  TICKETS_PER_MINUTE: int(1, 1_000_000).default(300),
  /** Participants one meeting takes, the facilitator included. */
  MAX_PARTICIPANTS: int(1, 100_000).default(200),
  /** Per client address: TCP connections whose first request head has not arrived yet. */
  MAX_PENDING_CONNECTIONS: int(1, 1_000_000).default(32),
  /** Per client address: websocket upgrades still being authorized. */
  MAX_PENDING_UPGRADES: int(1, 1_000_000).default(16),
  /** A request head must arrive within this time, or the connection is dropped. */
  HEADERS_TIMEOUT_MS: int(1000, 600_000).default(10_000),
  /** Closed meetings are deleted this many days after they closed; 0 keeps them. */
  RETENTION_DAYS: int(0, 100_000).default(0),
  /** [F6] How long the facilitator has no awareness presence before someone may take over. */
  FACILITATOR_AWAY_MS: int(0, 24 * 3600 * 1000).default(60_000),
  /** Several nodes (docs/deploy.md): storage on this PostgreSQL instead of the SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
    .optional(),
  /** This node's name in the cluster (lease owner); defaults to the advertised address. */
  NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,100}$/, 'letters, digits, and . _ : - only')
    .optional(),
  /** host:port where the other nodes reach this one; defaults to HOST:PORT. */
  NODE_ADDRESS: z
    .string()
    .regex(/^[A-Za-z0-9.-]+:\d{1,5}$|^\[[0-9a-fA-F:]+\]:\d{1,5}$/, 'host:port')
    .optional(),
  /** A meeting's lease lasts this long without renewal; the owner renews every third of it. */
  LEASE_TTL_MS: int(300, 600_000).default(6000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  tokenSecret: string | undefined;
  tokenTtlDays: number;
  maxFrameBytes: number;
  roomGraceMs: number;
  roomSleepMs: number;
  compactEvery: number;
  maxMessagesPerSecond: number;
  clientDist: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  sqliteSynchronous: 'normal' | 'full';
  sqliteCacheMb: number;
  meetingsPerMinute: number;
  joinsPerMinute: number;
  ticketsPerMinute: number;
  maxParticipants: number;
  maxPendingConnections: number;
  maxPendingUpgrades: number;
  headersTimeoutMs: number;
  /** 0: off. */
  retentionDays: number;
  facilitatorAwayMs: number;
  /** Set: storage on PostgreSQL, and this process is one node of a cluster. */
  databaseUrl: string | undefined;
  /** Null unless several nodes share a database; the address defaults to HOST:PORT once the port is known. */
  node: { id: string | undefined; address: string | undefined; leaseTtlMs: number } | null;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`invalid configuration: ${variable}: ${detail}`);
  }
}

/** Reads the given environment (process.env at start-up); throws ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable means "not set", as shells make it easy to export one by accident.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0] ?? '?'), issue.message);
  }
  const e = parsed.data;
  // every node must sign and check the same tokens
  if (e.DATABASE_URL && !e.TOKEN_SECRET) throw new ConfigError('TOKEN_SECRET', 'required with DATABASE_URL (every node signs with it)');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    tokenSecret: e.TOKEN_SECRET,
    tokenTtlDays: e.TOKEN_TTL_DAYS,
    maxFrameBytes: e.MAX_FRAME_BYTES,
    roomGraceMs: e.ROOM_GRACE_MS,
    roomSleepMs: e.ROOM_SLEEP_MS,
    compactEvery: e.COMPACT_EVERY,
    maxMessagesPerSecond: e.MAX_MESSAGES_PER_SECOND,
    clientDist: resolve(e.CLIENT_DIST),
    logLevel: e.LOG_LEVEL,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    sqliteCacheMb: e.SQLITE_CACHE_MB,
    meetingsPerMinute: e.MEETINGS_PER_MINUTE,
    joinsPerMinute: e.JOINS_PER_MINUTE,
    ticketsPerMinute: e.TICKETS_PER_MINUTE,
    maxParticipants: e.MAX_PARTICIPANTS,
    maxPendingConnections: e.MAX_PENDING_CONNECTIONS,
    maxPendingUpgrades: e.MAX_PENDING_UPGRADES,
    headersTimeoutMs: e.HEADERS_TIMEOUT_MS,
    retentionDays: e.RETENTION_DAYS,
    facilitatorAwayMs: e.FACILITATOR_AWAY_MS,
    databaseUrl: e.DATABASE_URL,
    node: e.DATABASE_URL ? { id: e.NODE_ID, address: e.NODE_ADDRESS, leaseTtlMs: e.LEASE_TTL_MS } : null,
  };
}

/** A configuration for tests and embedding: defaults, then the given overrides. */
export function testConfig(overrides: Partial<Config> & { dataDir: string }): Config {
  return { ...loadConfig({ PORT: '0', LOG_LEVEL: 'silent' }), ...overrides };
}
