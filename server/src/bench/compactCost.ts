// Times one compaction as a room runs it on its hot path (prints, never asserts):
// a meeting whose log holds COMPACT_EVERY keystroke batches is encoded whole and
// written as its snapshot, its log deleted, in one transaction.
// Run: cd server && npx tsx src/bench/compactCost.ts [batches=1000] [paragraph chars=20000]
import { join } from 'node:path';
import * as Y from 'yjs';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { removeDir, tempDir } from '../testing/harness.ts';

const BATCHES = Number(process.argv[2] ?? 1000);
const CHARS = Number(process.argv[3] ?? 20_000);
const dir = tempDir('consent-compact-');
const storage = new SqliteStorage(join(dir, 'consent.db'));
const doc = new Y.Doc();
const text = doc.getXmlFragment('proposal/x');
const p = new Y.XmlText();
text.insert(0, [p]);
p.insert(0, 'x'.repeat(CHARS));
await storage.createMeeting({ id: 'm', createdAt: 0, codes: { member: 'a', guest: 'g', observer: 'b' } }, Y.encodeStateAsUpdate(doc));
let last = 0;
for (let i = 0; i < BATCHES; i++) {
  const sv = Y.encodeStateVector(doc);
  p.insert(p.length, 'k');
  const seqs = await storage.appendUpdates([{ meetingId: 'm', update: Y.encodeStateAsUpdate(doc, sv) }]);
  last = seqs.get('m')!;
}
const times: number[] = [];
for (let round = 0; round < 5; round++) {
  const t0 = performance.now();
  const snapshot = Y.encodeStateAsUpdate(doc);
  await storage.compact('m', snapshot, last);
  times.push(performance.now() - t0);
  // refill the log for the next round
  for (let i = 0; i < BATCHES; i++) {
    const sv = Y.encodeStateVector(doc);
    p.insert(p.length, 'k');
    last = (await storage.appendUpdates([{ meetingId: 'm', update: Y.encodeStateAsUpdate(doc, sv) }])).get('m')!;
  }
}
console.log(
  `compaction of ${BATCHES} batches, document ${(Y.encodeStateAsUpdate(doc).length / 1024).toFixed(0)} KB: ${times.map((t) => t.toFixed(1)).join(', ')} ms`,
);
await storage.close();
removeDir(dir);
