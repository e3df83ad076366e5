// After a load generator had to be killed (a scenario stuck past its time), the
// processes it started would outlive it: the cluster's nodes and its PostgreSQL.
// They all carry the load generator's temporary folder (TMPDIR) in their
// environment or command line; this stops them, PostgreSQL first, cleanly.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postgresBinDir } from '@consent/server/testing/postgres';

export function reapLeftovers(folder: string): void {
  const bin = postgresBinDir();
  for (const name of existsSync(folder) ? readdirSync(folder) : []) {
    const data = join(folder, name, 'data');
    if (!name.startsWith('consent-pg-') || !existsSync(join(data, 'postmaster.pid')) || bin === null) continue;
    const argv = [join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'];
    try {
      if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', ...argv], { stdio: 'ignore' });
      else execFileSync(argv[0]!, argv.slice(1), { stdio: 'ignore' });
    } catch {
      /* already stopped */
    }
  }
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(folder)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      /* ended meanwhile, or not ours to read */
    }
  }
}
