// y-websocket-server 0.1.5 (`@y/websocket-server`, running on yjs 13.6.33 through
// the workspace overrides), no persistence: its own `setupWSConnection` per socket.
import http from 'node:http';
import { listenOnLoopback } from './listen.ts';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const server = http.createServer((_req, res) => {
  res.writeHead(200);
  res.end('okay');
});
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
wss.on('connection', setupWSConnection);
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
listenOnLoopback(server, wss);
