// Half-open connections per client address. A TCP connection counts from its
// accept until its first request head arrived (a partial head keeps it counted
// until Node's headersTimeout drops it); over the cap a new connection is closed
// at once, before any byte of it is read, so no address can hold the server's
// descriptors with requests that never finish.
import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import { addressKey } from './clientAddress.ts';

/** A count per address that forgets an address at zero. */
export class AddressCounter {
  private readonly counts = new Map<string, number>();

  get(address: string): number {
    return this.counts.get(address) ?? 0;
  }

  add(address: string): void {
    this.counts.set(address, this.get(address) + 1);
  }

  remove(address: string): void {
    const n = this.get(address) - 1;
    if (n > 0) this.counts.set(address, n);
    else this.counts.delete(address);
  }

  /** Addresses with a non-zero count. */
  get size(): number {
    return this.counts.size;
  }
}

export class PendingConnections {
  private readonly pending = new AddressCounter();
  private readonly addressOf = new WeakMap<Socket, string>();
  /** Connections closed at accept for being over the cap (for logs and tests). */
  refused = 0;

  constructor(private readonly max: number) {}

  attach(server: Server): void {
    server.on('connection', (socket: Socket) => this.admit(socket));
    const settle = (req: IncomingMessage) => this.settle(req.socket as Socket);
    server.on('request', settle);
    server.on('upgrade', settle);
  }

  count(address: string): number {
    return this.pending.get(addressKey(address));
  }

  private admit(socket: Socket): void {
    const address = addressKey(socket.remoteAddress);
    if (this.pending.get(address) >= this.max) {
      this.refused += 1;
      socket.destroy();
      return;
    }
    this.pending.add(address);
    this.addressOf.set(socket, address);
    socket.once('close', () => this.settle(socket));
  }

  /** The connection sent a whole request head, or closed: it no longer counts. */
  private settle(socket: Socket): void {
    const address = this.addressOf.get(socket);
    if (address === undefined) return;
    this.addressOf.delete(socket);
    this.pending.remove(address);
  }
}
