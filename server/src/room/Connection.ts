// One client's websocket inside a room: its identity from the token, the
// minimal socket it writes to, its message budget and its durable-ack counters.
import { CLOSE } from '@consent/shared';
import type { TokenRole } from '../tokens.ts';

/** What the room needs of a websocket; `ws` sockets and in-memory test sockets both fit. */
export interface SyncSocket {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
  /** 1 while open, as WebSocket.OPEN. */
  readonly readyState: number;
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
  /** Drops the connection at once, without the closing handshake. */
  terminate?(): void;
}

/** A peer that has not answered our close frame by then is cut off. */
const CLOSE_HANDSHAKE_MS = 5000;

export const OPEN = 1;
const CLOSED = 3;

/** Frames held for a room that is still loading, per connection. */
const MAX_HELD_BYTES = 8 * 1024 * 1024;

/** A client that lets this much pile up unread is too slow: it is closed with 1013 and resyncs later. */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export interface Identity {
  meetingId: string;
  participantId: string;
  role: TokenRole;
}

/** Token bucket: `rate` messages per second on average, bursts up to `2 × rate`. */
export class RateLimit {
  private tokens: number;
  private last: number;
  constructor(
    private readonly rate: number,
    now: number,
  ) {
    this.tokens = rate * 2;
    this.last = now;
  }
  take(now: number): boolean {
    this.tokens = Math.min(this.rate * 2, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export class Connection {
  /** Update frames (sync step 2 and update) received and handled so far. */
  handled = 0;
  /** The `handled` count last acknowledged as durable. */
  acked = 0;
  closed = false;
  /** The room has sent this connection its sync step 1. */
  started = false;
  /** Frames that arrived before the room finished loading, handled in order once it has. */
  private readonly inbox: Uint8Array[] = [];
  private inboxBytes = 0;

  constructor(
    readonly id: string,
    readonly socket: SyncSocket,
    readonly identity: Identity,
    /** Opted in to MESSAGE.ack / MESSAGE.refused with `?ack=1`. */
    readonly wantsAck: boolean,
    readonly rate: RateLimit,
  ) {}

  /** Keeps a frame for later; a client that sends too much meanwhile is closed with 1013. */
  hold(frame: Uint8Array): void {
    this.inboxBytes += frame.byteLength;
    if (this.inboxBytes > MAX_HELD_BYTES) return this.close(CLOSE.tryAgainLater, 'too much before the meeting loaded');
    this.inbox.push(frame);
  }

  /** The next held frame, oldest first. */
  nextHeld(): Uint8Array | undefined {
    const frame = this.inbox.shift();
    if (frame) this.inboxBytes -= frame.byteLength;
    return frame;
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== OPEN) return;
    // A close frame would wait behind the backlog of a client that does not read: cut it off.
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) return this.close(CLOSE.tryAgainLater, 'too slow', true);
    this.socket.send(frame);
  }

  close(code: number, reason: string, now = false): void {
    if (this.closed) return;
    this.closed = true;
    const socket = this.socket;
    try {
      socket.close(code, reason);
      if (now) socket.terminate?.();
      else if (socket.terminate) {
        setTimeout(() => {
          if (socket.readyState !== CLOSED) socket.terminate!();
        }, CLOSE_HANDSHAKE_MS).unref();
      }
    } catch {
      // the socket is already gone; the room forgets this connection either way
    }
  }
}
