// How the ws-based peers listen: loopback on a free port, the ready line the
// runner waits for, and a SIGTERM that closes every socket before exiting.
import type { Server } from 'node:http';
import type { WebSocketServer } from 'ws';

export function listenOnLoopback(server: Server, wss: WebSocketServer): void {
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    console.log(`running at http://127.0.0.1:${address.port}`);
  });
  process.on('SIGTERM', () => {
    for (const ws of wss.clients) ws.terminate();
    server.close(() => process.exit(0));
  });
}
