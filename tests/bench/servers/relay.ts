// The machine's ceiling: a `ws` relay with no Yjs that forwards each frame, as
// it arrives, to every other socket in the same room (path = room).
import http from 'node:http';
import { listenOnLoopback } from './listen.ts';
import { WebSocketServer, type WebSocket } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
const server = http.createServer((_req, res) => {
  res.writeHead(200);
  res.end('okay');
});
const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
server.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => {
    const name = (req.url ?? '/').split('?')[0]!;
    let room = rooms.get(name);
    if (room === undefined) rooms.set(name, (room = new Set()));
    room.add(ws);
    const peers = room;
    ws.on('message', (data, isBinary) => {
      for (const other of peers) if (other !== ws) other.send(data, { binary: isBinary });
    });
    ws.on('close', () => {
      peers.delete(ws);
      if (peers.size === 0) rooms.delete(name);
    });
  });
});
listenOnLoopback(server, wss);
