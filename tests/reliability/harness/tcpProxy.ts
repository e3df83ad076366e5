// A TCP proxy in the test process between one node and PostgreSQL: `pause()` stops
// forwarding bytes both ways without closing anything (a network cut as the node sees
// it: queries hang, no error), `resume()` delivers what was held and carries on.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

interface Pair {
  a: Socket;
  b: Socket;
  /** Bytes that arrived while paused, per direction, delivered on resume. */
  held: { toB: Buffer[]; toA: Buffer[] };
}

export class TcpProxy {
  private server: Server | null = null;
  private readonly pairs = new Set<Pair>();
  private paused = false;
  port = 0;
  /** When the current pause began (Date.now()), or null. */
  pausedAt: number | null = null;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  get isPaused(): boolean {
    return this.paused;
  }

  async listen(): Promise<number> {
    const server = createServer((a) => this.accept(a));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  /** The local ports of the proxy's connections to the target (PostgreSQL's client_port of each session). */
  upstreamPorts(): number[] {
    return [...this.pairs].flatMap((p) => (p.b.localPort ? [p.b.localPort] : []));
  }

  pause(): void {
    this.paused = true;
    this.pausedAt = Date.now();
    for (const p of this.pairs) {
      p.a.pause();
      p.b.pause();
    }
  }

  resume(): void {
    this.paused = false;
    this.pausedAt = null;
    for (const p of this.pairs) this.flush(p);
  }

  async close(): Promise<void> {
    for (const p of this.pairs) {
      p.a.destroy();
      p.b.destroy();
    }
    this.pairs.clear();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private accept(a: Socket): void {
    const b = createConnection({ host: this.targetHost, port: this.targetPort });
    const pair: Pair = { a, b, held: { toB: [], toA: [] } };
    this.pairs.add(pair);
    if (this.paused) {
      a.pause();
      b.pause();
    }
    const forward = (chunk: Buffer, to: Socket, held: Buffer[]) => {
      if (this.paused) held.push(chunk);
      else to.write(chunk);
    };
    a.on('data', (chunk: Buffer) => forward(chunk, b, pair.held.toB));
    b.on('data', (chunk: Buffer) => forward(chunk, a, pair.held.toA));
    const end = () => {
      this.pairs.delete(pair);
      a.destroy();
      b.destroy();
    };
    a.on('error', end);
    b.on('error', end);
    a.on('close', end);
    b.on('close', end);
  }

  private flush(p: Pair): void {
    for (const chunk of p.held.toB.splice(0)) p.b.write(chunk);
    for (const chunk of p.held.toA.splice(0)) p.a.write(chunk);
    p.a.resume();
    p.b.resume();
  }
}
