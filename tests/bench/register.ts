// The decision register of a circle with 10,000 entries: how long one listing
// (review due first, a page of 50 and of 200, and a text search) takes on the
// SQLite store, through the storage interface the route uses. It prints the
// figures (median and slowest of 30 runs); it never fails on a time.
//   tsx bench/register.ts [--entries=10000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RegisterEntry } from '@consent/shared';
import { SqliteStorage } from '@consent/server';

const count = Number(process.argv.find((a) => a.startsWith('--entries='))?.slice(10) ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'consent-register-bench-'));
const storage = new SqliteStorage(join(dir, 'consent.db'));
const T = Date.parse('2020-01-01T00:00:00Z');
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

try {
  await storage.circles.createCircle(
    { id: 'c1', name: 'Bench circle', aim: '', domain: '', createdAt: T },
    { personId: 'fay', name: 'Fay', role: 'member', addedAt: T, joinedAt: T, removedAt: null },
    [],
  );
  // a second circle of the same size: the listing must not read it
  await storage.circles.createCircle(
    { id: 'c2', name: 'Other circle', aim: '', domain: '', createdAt: T },
    { personId: 'fay', name: 'Fay', role: 'member', addedAt: T, joinedAt: T, removedAt: null },
    [],
  );
  const started = performance.now();
  for (const circleId of ['c1', 'c2']) {
    for (let i = 0; i < count; i++) {
      const at = T + i * 3_600_000;
      const entry: RegisterEntry = {
        id: `${circleId}-m${Math.floor(i / 10)}~i${i}`,
        circleId,
        meetingId: `${circleId}-m${Math.floor(i / 10)}`,
        meetingTitle: `Meeting ${Math.floor(i / 10)}`,
        itemId: `i${i}`,
        title: `Policy number ${i}`,
        markdown: `We agree on rule ${i}: tools return by sunset, keys hang on hook ${i % 40}.`,
        text: `We agree on rule ${i}.`,
        revision: i.toString(16).padStart(16, '0'),
        decidedAt: at,
        decidedBy: { participantId: 'fay', name: 'Fay' },
        reviewDate: i % 7 === 0 ? null : day(at + 365 * 86_400_000),
        measure: 'Nothing missing',
        consent: { consented: [{ participantId: 'fay', name: 'Fay' }], concerns: [], objections: [] },
        // every fifth entry revises the one before it
        supersedes: i % 5 === 4 ? `${circleId}-m${Math.floor((i - 1) / 10)}~i${i - 1}` : null,
        supersededBy: null,
      };
      await storage.circles.records.addDecision(entry);
    }
  }
  const filled = performance.now() - started;
  const today = day(T + count * 1_800_000);
  const time = async (what: string, run: () => Promise<unknown>) => {
    const ms: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await run();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    console.log(`${what.padEnd(44)} median ${ms[15]!.toFixed(2).padStart(7)} ms   slowest ${ms[29]!.toFixed(2).padStart(7)} ms`);
  };
  const total = (await storage.circles.records.register('c1', { today, limit: 1, offset: 0 })).total;
  console.log(`register of ${count} entries per circle (${total} in force in c1), two circles; filled in ${(filled / 1000).toFixed(1)} s`);
  await time('first page (50), review due first', () => storage.circles.records.register('c1', { today, limit: 50, offset: 0 }));
  await time('largest page (200), review due first', () => storage.circles.records.register('c1', { today, limit: 200, offset: 0 }));
  await time('last page (50)', () => storage.circles.records.register('c1', { today, limit: 50, offset: total - 50 }));
  await time('search "hook 17" (50)', () => storage.circles.records.register('c1', { today, q: 'hook 17', limit: 50, offset: 0 }));
  await time('every entry (export)', () => storage.circles.records.allDecisions('c1'));
} finally {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
}
