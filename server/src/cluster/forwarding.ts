// A client on a node that does not own its meeting (N13): the node opens an
// internal websocket to the owner, carrying the client's identity, and passes
// frames both ways (sync, awareness, acks, refusals) without holding a Y.Doc.
// When the owner goes away the client is closed with 4010 and reconnects; the
// next connection finds the new owner (or takes the meeting here).
import type { Logger } from 'pino';
import { WebSocket } from 'ws';
import { CLOSE } from '@consent/shared';
import { MAX_BUFFERED_BYTES } from '../room/Connection.ts';
import type { Identity } from '../room/Connection.ts';
import { FORWARDED_HEADER, type InternalAuth } from './internalAuth.ts';
import type { LeaseKeeper } from './LeaseKeeper.ts';

export const INTERNAL_SYNC_PATH = /^\/internal\/sync\/([A-Za-z0-9_-]{1,128})\/?$/;

/** An owner that has not accepted the internal websocket by then is taken for gone. */
const CONNECT_TIMEOUT_MS = 1000;

export interface ClusterNodeOptions {
  keeper: LeaseKeeper;
  auth: InternalAuth;
  ttlMs: number;
  maxFrameBytes: number;
  log: Logger;
  now(): number;
}

/** An open internal websocket to the owner, with the frames it sent before the client's side was ready. */
export interface Upstream {
  ws: WebSocket;
  early: Buffer[];
  /** Stops keeping frames in `early`: `pipe` passes them on from then. */
  release(): void;
}

/** Codes a server may send in a close frame (1005 and 1006 only report what happened). */
const sendable = (code: number): boolean =>
  (code >= 1000 && code <= 1014 && code !== 1005 && code !== 1006) || (code >= 3000 && code <= 4999);

export class ClusterNode {
  private readonly upstreams = new Set<WebSocket>();
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly pinger: NodeJS.Timeout;

  constructor(readonly opts: ClusterNodeOptions) {
    // a stopped or cut-off owner answers no ping: its clients are closed and come back to the new owner
    this.pinger = setInterval(() => this.ping(), Math.max(100, Math.floor(opts.ttlMs / 3)));
    this.pinger.unref();
  }

  get forwarded(): number {
    return this.upstreams.size;
  }

  /**
   * Where a new connection goes: `local` once this node holds the lease, else an open
   * websocket to the owner. An owner that does not answer keeps its lease until it
   * expires by the database's clock; then this node takes the meeting.
   */
  async route(identity: Identity, ack: boolean): Promise<'local' | Upstream> {
    const deadline = performance.now() + 2 * this.opts.ttlMs + 2000;
    for (;;) {
      const answer = await this.opts.keeper.take(identity.meetingId);
      if (answer.held) return 'local';
      try {
        return await this.open(answer.address, identity, ack);
      } catch (err) {
        if (performance.now() > deadline) throw err;
        this.opts.log.info(
          { meetingId: identity.meetingId, owner: answer.owner, err: err instanceof Error ? err.message : String(err) },
          'the owner did not take the connection; waiting for its lease',
        );
        await new Promise((r) => setTimeout(r, Math.min(500, Math.max(50, answer.expiresInMs))));
      }
    }
  }

  private open(address: string, identity: Identity, ack: boolean): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(`ws://${address}/internal/sync/${identity.meetingId}`, {
        headers: { [FORWARDED_HEADER]: this.opts.auth.forwarded(identity, ack, this.opts.now()) },
        handshakeTimeout: CONNECT_TIMEOUT_MS,
        perMessageDeflate: false,
        maxPayload: this.opts.maxFrameBytes * 2,
      });
      const early: Buffer[] = [];
      const hold = (data: Buffer) => early.push(data);
      ws.on('message', hold);
      // frames that came with the 101 arrive on a tick before the caller resumes: held until pipe() takes over
      ws.once('open', () => resolve({ ws, early, release: () => ws.off('message', hold) }));
      ws.once('unexpected-response', (_req, res) => {
        ws.terminate();
        reject(new Error(`the owner answered ${res.statusCode}`));
      });
      ws.once('error', (err) => reject(err));
      ws.once('close', () => reject(new Error('closed before opening')));
    });
  }

  /** Passes frames between the client and the owner until either side closes. */
  pipe(client: WebSocket, up: Upstream, meetingId: string, accept: (data: Buffer) => boolean): void {
    const { ws } = up;
    this.upstreams.add(ws);
    this.alive.set(ws, true);
    const toClient = (data: Buffer) => {
      if (client.readyState !== WebSocket.OPEN) return;
      if (client.bufferedAmount > MAX_BUFFERED_BYTES) return client.terminate();
      client.send(data);
    };
    up.release();
    for (const data of up.early.splice(0)) toClient(data);
    ws.on('message', (data: Buffer) => toClient(data));
    ws.on('pong', () => this.alive.set(ws, true));
    ws.on('error', (err) => this.opts.log.info({ meetingId, err: err.message }, 'internal socket error'));
    ws.on('close', (code, reason) => {
      this.upstreams.delete(ws);
      if (client.readyState === WebSocket.OPEN) {
        if (sendable(code)) client.close(code, reason.toString());
        else client.close(CLOSE.moved, 'meeting moved');
      }
    });
    client.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) return client.close(CLOSE.malformed, 'binary frames only');
      if (!accept(data)) return;
      if (ws.readyState === WebSocket.OPEN) ws.send(data);
    });
    client.on('close', () => {
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(CLOSE.normal);
    });
  }

  private ping(): void {
    for (const ws of this.upstreams) {
      if (this.alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }

  stop(): void {
    clearInterval(this.pinger);
    for (const ws of this.upstreams) ws.close(CLOSE.goingAway);
  }
}
