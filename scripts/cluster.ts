// `npm run cluster`: three nodes of Consent Board on one PostgreSQL, to try
// several nodes on this machine (docs/deploy.md). Uses DATABASE_URL when set;
// otherwise a throwaway PostgreSQL in a temp folder, deleted when this stops.
// Ports: PORT (default 8787) and the two after it. Ctrl-C stops everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startPostgres, type ThrowawayPostgres } from '../server/src/testing/postgres.ts';

const NODES = 3;
const main = fileURLToPath(new URL('../server/dist/main.js', import.meta.url));
const base = Number(process.env.PORT ?? 8787);
const secret = process.env.TOKEN_SECRET ?? randomBytes(24).toString('base64url');

let pg: ThrowawayPostgres | null = null;
let url = process.env.DATABASE_URL;
if (!url) {
  console.log('Starting a throwaway PostgreSQL…');
  pg = await startPostgres();
  url = pg.url;
  console.log(`PostgreSQL: ${url} (deleted when the cluster stops)`);
}

const children: ChildProcess[] = [];
let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  for (const c of children) c.kill('SIGTERM');
  void Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => {
    pg?.destroy();
    process.exit(code);
  });
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

for (let i = 0; i < NODES; i++) {
  const port = base + i;
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: url, TOKEN_SECRET: secret, NODE_ID: `node-${i + 1}` },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  child.stdout!.on('data', (d: Buffer) => process.stdout.write(`[node-${i + 1}] ${d}`));
  child.once('exit', (code) => {
    if (!stopping) {
      console.error(`node-${i + 1} stopped (exit ${code}); stopping the cluster`);
      stop(1);
    }
  });
}
console.log(`Three nodes on ports ${base}, ${base + 1} and ${base + 2}: open any of them; /api/health tells each one's state.`);
