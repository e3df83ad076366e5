// Finds PostgreSQL's server binaries (initdb, pg_ctl), which the server tests
// start a throwaway cluster with: the same lookup as postgresBinDir() in
// server/src/testing/postgres.ts — Debian's /usr/lib/postgresql/<version>/bin, else PATH.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder holding initdb (the newest Debian version first), or null. */
export function findPostgres() {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(root, versions[0], 'bin');
  }
  try {
    return dirname(
      execSync('command -v initdb', { stdio: ['ignore', 'pipe', 'ignore'], shell: '/bin/sh' })
        .toString()
        .trim(),
    );
  } catch {
    return null;
  }
}

export const POSTGRES_HELP =
  "Install PostgreSQL's server (on Debian or Ubuntu: `sudo apt-get install -y postgresql`; elsewhere a package that provides initdb and pg_ctl on PATH), then run `npm test` again.";
