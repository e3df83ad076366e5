// A throwaway PostgreSQL cluster for tests and benchmarks: Debian's binaries
// (`initdb`, `pg_ctl`) on a temp folder, listening on a free loopback port.
// PostgreSQL refuses to run as root: as root the cluster belongs to the
// `postgres` user the Debian package creates, and runs through `runuser`.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export interface ThrowawayPostgres {
  /** `postgres://consent@127.0.0.1:PORT/postgres` (trust authentication on loopback). */
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** A URL of a new, empty database of this cluster. */
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl stop -m immediate`: a crash, no checkpoint (the WAL replays at the next start). */
  crash(): void;
  /** Starts the cluster again (after `crash` or `stop`), on the same port. */
  start(): void;
  /** Stops the cluster and deletes its folder. */
  destroy(): void;
}

/** The folder of Debian's PostgreSQL binaries (the newest version installed), or null. */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return onPath.status === 0 ? join(onPath.stdout.trim(), '..') : null;
}

export const POSTGRES_MISSING =
  'PostgreSQL is not installed: run `npm test` (its set-up installs Debian\'s "postgresql" package), or `apt-get install -y postgresql`.';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]): string {
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const dir = mkdtempSync(join(tmpdir(), 'consent-pg-'));
  if (asRoot) {
    const id = (field: 'u' | 'g') => Number(execFileSync('id', [`-${field}`, 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, id('u'), id('g'));
  }
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-U', 'consent', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on`;
  const start = () => void run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  const stop = (mode: 'fast' | 'immediate') => void run(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop']);
  start();
  const url = `postgres://consent@127.0.0.1:${port}/postgres`;
  let created = 0;
  return {
    url,
    port,
    dir,
    createDatabase: (name: string) => createDatabase(url, `${name}_${++created}`),
    crash: () => stop('immediate'),
    start,
    destroy() {
      try {
        stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let databases = 0;

/** Creates an empty database on the server of `adminUrl`; answers its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  const safe = `${name.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${process.pid}_${++databases}`;
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${safe}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${safe}`;
  return url.toString();
}
