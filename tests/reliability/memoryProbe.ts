// Where a long-running server's memory goes: runs soak meetings against a real
// server process and prints, at each checkpoint, RSS and V8's parts after a
// full GC, and the size of the SQLite file and its WAL.
//   pnpm --filter @consent/tests exec tsx reliability/memoryProbe.ts [meetings] [every] [SQLITE_CACHE_MB]
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { mib } from './harness/mode.ts';
import { ServerProcess } from './harness/serverProcess.ts';
import { meetingLives } from './harness/soakLife.ts';
import { waitFor } from './harness/wait.ts';

const [meetings = 10_000, every = 2_000, cacheMb] = process.argv.slice(2).map(Number);
const server = new ServerProcess({ inspect: true, env: { ROOM_GRACE_MS: '50', ...(cacheMb ? { SQLITE_CACHE_MB: String(cacheMb) } : {}) } });
const size = (file: string): number => {
  try {
    return statSync(join(server.dataDir, file)).size;
  } catch {
    return 0;
  }
};

async function checkpoint(done: number): Promise<Record<string, number>> {
  const inspector = server.inspector!;
  await waitFor(
    async () => (await inspector.evaluate<number>('process.getActiveResourcesInfo().filter((r) => r === "TCPSocketWrap").length')) <= 1,
    {
      timeoutMs: 30_000,
      intervalMs: 100,
      what: 'sockets to close',
    },
  );
  const m = await inspector.memoryAfterGc();
  return {
    meetings: done,
    rssMiB: mib(server.rss()),
    heapUsedMiB: mib(m.heapUsed),
    externalMiB: mib(m.external),
    arrayBuffersMiB: mib(m.arrayBuffers),
    dbMiB: mib(size('consent.db')),
    walMiB: mib(size('consent.db-wal')),
  };
}

await server.start();
try {
  const rows = [await checkpoint(0)];
  for (let done = 0; done < meetings; done += every) {
    await meetingLives(server, every, { first: done });
    rows.push(await checkpoint(done + every));
  }
  console.log(`SQLITE_CACHE_MB=${cacheMb || 'default'}`);
  console.table(rows);
} finally {
  await server.dispose();
}
