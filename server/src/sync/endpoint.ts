// The websocket sync endpoint, GET /sync/:meetingId?ticket=…[&ack=1] (or ?token=…):
// checks the meeting and the ticket or token on the HTTP upgrade request
// (answering 401/403/404 as JSON before any websocket byte), then hands the
// socket to the room manager.
// Uses `ws` directly on the server's 'upgrade' event: maxPayload gives close
// code 1009 for oversized frames, and bufferedAmount gives backpressure.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { CLOSE, SYNC_PARAM } from '@consent/shared';
import { authorize, MEETING_NOT_FOUND, stillValid, tokenExpiry, type AccessDeps, type AuthResult } from '../auth.ts';
import { Connection, RateLimit, type Identity } from '../room/Connection.ts';
import type { RoomManager } from '../room/RoomManager.ts';
import type { TicketStore } from '../tickets.ts';
import { addressKey } from '../http/clientAddress.ts';
import { AddressCounter } from '../http/pendingConnections.ts';
import { type ClusterNode, INTERNAL_SYNC_PATH, type Upstream } from '../cluster/forwarding.ts';
import { FORWARDED_HEADER } from '../cluster/internalAuth.ts';

export interface SyncEndpointOptions extends AccessDeps {
  tickets: TicketStore;
  manager: RoomManager;
  maxFrameBytes: number;
  maxMessagesPerSecond: number;
  /** Per client address, upgrades still being authorized; more are answered 429. */
  maxPendingUpgrades: number;
  log: Logger;
  /** Interval of websocket pings that find dead peers (half-open TCP). */
  pingIntervalMs?: number;
  /** Several nodes: connections for a meeting another node owns are forwarded there (docs/deploy.md). */
  cluster?: ClusterNode;
}

const SYNC_PATH = /^\/sync\/([A-Za-z0-9_-]{1,128})\/?$/;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

/** Seconds a client over the pending-upgrade cap is asked to wait. */
const UPGRADE_RETRY_AFTER_S = 1;

function refuse(socket: Duplex, status: number, error: string, retryAfter?: number): void {
  const body = JSON.stringify({ error });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      (retryAfter ? `Retry-After: ${retryAfter}\r\n` : '') +
      'Content-Type: application/json; charset=utf-8\r\n' +
      'X-Content-Type-Options: nosniff\r\n' +
      'Referrer-Policy: no-referrer\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

/** A socket's error listener; a plain function, so that it keeps nothing of the upgrade alive. */
function destroySocket(this: Duplex): void {
  this.destroy();
}

export function attachSyncEndpoint(server: Server, opts: SyncEndpointOptions) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: opts.maxFrameBytes, perMessageDeflate: false });
  let nextId = 0;
  let accepting = true;
  const alive = new WeakMap<WebSocket, boolean>();
  /** When each socket's token stops opening the meeting: the socket closes then (4401), at its next frame or ping. */
  const expiry = new WeakMap<WebSocket, number>();
  const expired = (ws: WebSocket): boolean => opts.now() >= (expiry.get(ws) ?? Infinity);
  const authorizing = new AddressCounter();

  /** A ticket is used up here whatever the answer; a token is checked as on HTTP (kept for scripts, see protocol.md). */
  const admit = async (meetingId: string, params: URLSearchParams): Promise<AuthResult> => {
    const ticket = params.get(SYNC_PARAM.ticket);
    if (ticket === null) return authorize(opts, meetingId, params.get(SYNC_PARAM.token));
    const claims = await opts.tickets.redeem(ticket, meetingId, opts.now());
    const meeting = await opts.storage.getMeeting(meetingId);
    if (!meeting) return { ok: false, status: 404, error: MEETING_NOT_FOUND };
    if (!claims) return { ok: false, status: 401, error: 'The ticket is unknown, used or expired: ask for a new one.' };
    return stillValid(opts, meeting, claims);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', destroySocket);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const internal = opts.cluster && INTERNAL_SYNC_PATH.exec(url.pathname);
    if (internal) return upgradeInternal(req, socket, head, internal[1]!);
    const match = SYNC_PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404, 'not found');
    if (!accepting) return refuse(socket, 503, 'server shutting down');
    const address = addressKey(req.socket.remoteAddress);
    if (authorizing.get(address) >= opts.maxPendingUpgrades) {
      return refuse(socket, 429, 'too many connections from your address are still opening; try again in a moment', UPGRADE_RETRY_AFTER_S);
    }
    authorizing.add(address);
    const meetingId = match[1]!;
    const wantsAck = url.searchParams.get(SYNC_PARAM.ack) === '1';
    // [N13] several nodes: this node serves the meeting, or the connection goes to its owner
    const routed = async () => {
      const auth = await admit(meetingId, url.searchParams);
      if (!auth.ok || !opts.cluster) return { auth, target: 'local' as const };
      const identity: Identity = { meetingId, participantId: auth.claims.participantId, role: auth.claims.role };
      return { auth, target: await opts.cluster.route(identity, wantsAck) };
    };
    routed().then(
      ({ auth, target }) => {
        // the 101 (or the refusal) is written synchronously below: the upgrade is no longer pending
        authorizing.remove(address);
        if (!auth.ok) return refuse(socket, auth.status, auth.error);
        if (socket.destroyed) {
          if (target !== 'local') target.ws.close(CLOSE.normal);
          return;
        }
        const identity: Identity = { meetingId, participantId: auth.claims.participantId, role: auth.claims.role };
        const expiresAt = tokenExpiry(opts, auth.meeting, auth.claims);
        wss.handleUpgrade(req, socket, head, (ws) => {
          expiry.set(ws, expiresAt);
          if (target === 'local') accept(ws, identity, wantsAck);
          else acceptForwarded(ws, target, identity);
        });
      },
      (err) => {
        authorizing.remove(address);
        opts.log.error({ err }, 'upgrade failed');
        refuse(socket, 503, 'unavailable');
      },
    );
  };

  // Kept apart from onUpgrade: the socket's listeners live as long as the connection,
  // and closures made inside onUpgrade would keep its request, head and URL alive with them.
  const accept = (ws: WebSocket, identity: Identity, wantsAck: boolean): void => {
    const conn = new Connection(`c${++nextId}`, ws, identity, wantsAck, new RateLimit(opts.maxMessagesPerSecond, Date.now()));
    // Log bindings per call, not a child logger per connection: one fewer object per socket.
    opts.log.debug(
      { meetingId: identity.meetingId, conn: conn.id, participantId: identity.participantId, role: identity.role },
      'connected',
    );
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return conn.close(CLOSE.malformed, 'binary frames only');
      if (expired(ws)) return conn.close(CLOSE.unauthorized, 'token expired');
      opts.manager.receive(conn, toBytes(data));
    });
    ws.on('error', (err) => opts.log.info({ meetingId: identity.meetingId, conn: conn.id, err: err.message }, 'socket error'));
    ws.on('close', (code) => {
      opts.log.debug({ meetingId: identity.meetingId, conn: conn.id, code }, 'disconnected');
      opts.manager.disconnect(conn);
    });
    opts.manager.connect(conn);
  };
  /** [N13] Another node forwards a client of a meeting this node owns. */
  const upgradeInternal = (req: IncomingMessage, socket: Duplex, head: Buffer, meetingId: string): void => {
    const cluster = opts.cluster!;
    const forwarded = cluster.opts.auth.readForwarded(req.headers[FORWARDED_HEADER] as string | undefined, meetingId, opts.now());
    if (!forwarded) return refuse(socket, 401, 'not signed by a node of this cluster');
    if (!accepting) return refuse(socket, 503, 'server shutting down');
    if (!cluster.opts.keeper.serving(meetingId)) return refuse(socket, 409, 'this node does not own the meeting');
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, forwarded.identity, forwarded.ack));
  };

  /** A client whose meeting another node owns: frames pass through, checked here for type and token expiry. */
  const acceptForwarded = (ws: WebSocket, upstream: Upstream, identity: Identity): void => {
    opts.log.debug({ meetingId: identity.meetingId, participantId: identity.participantId }, 'connected, forwarded to the owner');
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    ws.on('error', (err) => opts.log.info({ meetingId: identity.meetingId, err: err.message }, 'socket error'));
    opts.cluster!.pipe(ws, upstream, identity.meetingId, () => {
      if (!expired(ws)) return true;
      ws.close(CLOSE.unauthorized, 'token expired');
      return false;
    });
  };
  server.on('upgrade', onUpgrade);

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      if (expired(ws)) {
        ws.close(CLOSE.unauthorized, 'token expired');
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, opts.pingIntervalMs ?? 30_000);
  pinger.unref();

  return {
    /** New sockets get 503 from now on; the room manager closes the open ones. */
    stop(): void {
      accepting = false;
      clearInterval(pinger);
    },
    /** Frees what remains once the rooms are closed. */
    close(): Promise<void> {
      for (const ws of wss.clients) ws.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
    get clientCount(): number {
      return wss.clients.size;
    },
    /** Addresses with upgrades being authorized right now. */
    get authorizingAddresses(): number {
      return authorizing.size;
    },
  };
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
