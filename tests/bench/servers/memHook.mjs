// Preloaded into every server under test (`node --expose-gc --import`): on
// SIGUSR2 it runs a full collection and writes process.memoryUsage() as JSON
// to $BENCH_MEM_FILE, so the load generator can read any server's memory
// after GC the same way, whatever the server's own code.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MEM_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    globalThis.gc?.();
    globalThis.gc?.();
    writeFileSync(file, JSON.stringify({ at: Date.now(), ...process.memoryUsage() }));
  });
}
