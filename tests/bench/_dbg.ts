import { startServer, PEERS } from './servers/index.ts';
import { openRoom } from './load/room.ts';
import { LatencyTracker } from './load/tracker.ts';
import { measureTyping } from './load/drive.ts';
const kind = process.argv[2] ?? 'relay';
const s = await startServer(PEERS.find(p => p.kind === kind)!);
const tracker = new LatencyTracker();
const room = await openRoom({ kind: kind as any, http: s.http, ws: s.ws }, { clients: 50, typists: 50, tracker });
for (const rate of [200, 200, 400, 800, 1600, 3200]) {
  const w = await measureTyping(room, tracker, s.pid, { rate, ms: 1000, drainMs: 3000, warmupMs: 150 });
  console.log(rate, w.latency, w.drops, Math.round(w.achievedRate), Math.round(w.loadCpu), Math.round(w.serverCpu));
}
await room.close(); await s.stop();
