// The server of `main.ts`, plus an IPC hook for memory probes: answers 'mem'
// with process.memoryUsage() (after a full collection for 'mem-gc', when run
// with --expose-gc), V8's heap spaces for 'spaces', and writes a heap snapshot for 'snapshot:<file>'.
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

process.on('message', (msg: unknown) => {
  if (typeof msg !== 'string') return;
  if (msg.startsWith('snapshot:')) {
    globalThis.gc?.();
    writeHeapSnapshot(msg.slice('snapshot:'.length));
    process.send!({ done: true });
    return;
  }
  if (msg === 'spaces') {
    process.send!(getHeapSpaceStatistics().map((s) => ({ name: s.space_name, size: s.space_size, used: s.space_used_size })));
    return;
  }
  if (msg === 'mem-gc') globalThis.gc?.();
  process.send!(process.memoryUsage());
});

await import('../main.ts');
