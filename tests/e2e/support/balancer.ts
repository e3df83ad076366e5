// A load balancer in front of several nodes, as an operator would put one: each
// TCP connection (HTTP or websocket) goes to the next node in turn; a node that
// refuses the connection is skipped. No stickiness, as docs/deploy.md allows.
import { connect, createServer, type Server, type Socket } from 'node:net';

export interface Balancer {
  url: string;
  /** Connections each backend (by port) took so far. */
  taken: Map<number, number>;
  close(): Promise<void>;
}

export async function startBalancer(ports: number[]): Promise<Balancer> {
  let next = 0;
  const taken = new Map<number, number>(ports.map((p) => [p, 0]));
  const open = new Set<Socket>();
  const pipeTo = (client: Socket, tries: number) => {
    const port = ports[next++ % ports.length]!;
    const upstream = connect(port, '127.0.0.1');
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      taken.set(port, (taken.get(port) ?? 0) + 1);
      open.add(upstream);
      upstream.on('close', () => open.delete(upstream));
      client.pipe(upstream).pipe(client);
      client.resume();
    });
    upstream.once('error', () => {
      // a node that refuses the connection is skipped; one that fails later drops the client's too
      if (!connected && tries > 1) pipeTo(client, tries - 1);
      else client.destroy();
    });
    client.once('error', () => upstream.destroy());
    client.once('close', () => upstream.destroy());
  };
  const server: Server = createServer({ pauseOnConnect: true }, (client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    pipeTo(client, ports.length);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    taken,
    close: () =>
      new Promise((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
