// A raw sync client over `ws`: the y-websocket wire protocol by hand (sync,
// awareness, and our ack/refused extensions), so tests see every frame, every
// acknowledgement and every close code, and can send anything at all.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { AUTH, MESSAGE, SYNC, SYNC_PARAM } from '@consent/shared';
import type { ClientOptions, Closed, SentUpdate } from './syncClientTypes.ts';
import { waitFor } from './wait.ts';

export type { ClientEvent, ClientOptions, Closed, SentUpdate } from './syncClientTypes.ts';

export class SyncClient {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  socket: WebSocket | null = null;
  /** Every close seen, in order. */
  readonly closes: Closed[] = [];
  /** HTTP status when the upgrade was refused. */
  rejectedStatus: number | null = null;
  readonly refusals: { rule: string; reason: string }[] = [];
  /** Reasons of y-protocols' auth "permission denied" messages: a refused write without ack=1. */
  readonly denied: string[] = [];
  /** Frames that carried own writes, per connection, in send order. */
  readonly sent: SentUpdate[] = [];
  /** Highest acknowledged count on the current connection. */
  acked = 0;
  /** Own clock known durable on the server (from acks on any connection). */
  durableClock = 0;
  synced = false;
  step2Received = 0;
  framesReceived = 0;
  /** Remote updates applied, with the time they arrived. */
  updatesReceived = 0;
  connection = 0;
  private base = '';
  /** Set by destroy/close/disconnect: no more automatic reconnects. */
  private stopped = false;
  private reconnecting = false;
  /** Whether this connection's answer to the server's step 1 went out. */
  answered = false;

  constructor(
    readonly meetingId: string,
    readonly token: string | null,
    private readonly options: ClientOptions = {},
  ) {
    this.doc = options.doc ?? new Y.Doc();
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this || !this.isOpen || (this.options.answerFirst && !this.answered)) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.sync);
      syncProtocol.writeUpdate(encoder, update);
      this.recordSent();
      this.send(encoding.toUint8Array(encoder));
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      if (origin === this || !this.isOpen) return;
      const changed = [...added, ...updated, ...removed];
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MESSAGE.awareness);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      this.send(encoding.toUint8Array(encoder));
    });
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  get ownClock(): number {
    return Y.getState(this.doc.store, this.doc.clientID);
  }

  url(base: string): string {
    const params = new URLSearchParams();
    if (this.token !== null) params.set(SYNC_PARAM.token, this.token);
    if (this.options.ack) params.set(SYNC_PARAM.ack, '1');
    const query = params.toString();
    return `${base}/sync/${encodeURIComponent(this.meetingId)}${query ? `?${query}` : ''}`;
  }

  /**
   * Open a connection to `base` (ws://host:port) and start the sync handshake.
   * Resolves when the socket is open; rejects when the upgrade is refused.
   */
  connect(base: string, handshakeTimeout?: number): Promise<void> {
    if (!this.reconnecting) this.stopped = false;
    this.base = base;
    this.connection += 1;
    this.acked = 0;
    this.synced = false;
    this.answered = false;
    const connection = this.connection;
    const socket = new WebSocket(this.url(base), { perMessageDeflate: false, handshakeTimeout });
    socket.binaryType = 'arraybuffer';
    this.socket = socket;
    return new Promise((resolve, reject) => {
      socket.once('unexpected-response', (_req, res) => {
        this.rejectedStatus = res.statusCode ?? 0;
        res.resume();
        socket.terminate();
        reject(new Error(`upgrade refused with HTTP ${res.statusCode}`));
      });
      socket.once('error', (error) => reject(error));
      socket.once('open', () => {
        this.options.onEvent?.({ kind: 'open', connection, base, at: Date.now() });
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE.sync);
        syncProtocol.writeSyncStep1(encoder, this.doc);
        this.send(encoding.toUint8Array(encoder));
        if (this.awareness.getLocalState() !== null) this.publishAwareness();
        resolve();
      });
      socket.on('message', (data: ArrayBuffer) => this.onMessage(new Uint8Array(data)));
      socket.on('close', (code, reason) => {
        this.closes.push({ code, reason: reason.toString(), at: Date.now() });
        this.options.onEvent?.({ kind: 'close', connection, base, code, at: Date.now() });
        if (this.options.reconnect && !this.stopped && !this.reconnecting && socket === this.socket) void this.reconnectLoop();
        // A dead connection's peers are gone from our point of view.
        awarenessProtocol.removeAwarenessStates(
          this.awareness,
          [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID),
          this,
        );
      });
    });
  }

  /** Connect and wait for the server's sync step 2. */
  async connectAndSync(base: string, timeoutMs = 10_000): Promise<void> {
    await this.connect(base);
    await waitFor(() => this.synced, { timeoutMs, what: `sync of ${this.meetingId}` });
  }

  /** Reconnect to the same or a new server address (a restarted server has a new port). */
  async reconnect(base = this.base): Promise<void> {
    this.disconnect();
    this.stopped = false;
    await this.connectAndSync(base);
  }

  /** Tries `reconnect.next()` addresses until one connects and syncs (or the client is stopped). */
  private async reconnectLoop(): Promise<void> {
    const { next, timeoutMs = 5000 } = this.options.reconnect!;
    this.reconnecting = true;
    try {
      for (let attempt = 0; !this.stopped; attempt += 1) {
        // a short back-off between tries, as the provider does; not a synchronisation
        if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(500, 50 * attempt)));
        if (this.stopped) return;
        try {
          await this.connect(next(), timeoutMs);
          const socket = this.socket!;
          await waitFor(() => this.synced || socket.readyState === WebSocket.CLOSED, { timeoutMs, what: 'resync' });
          if (this.synced && socket.readyState === WebSocket.OPEN) return;
        } catch {
          // refused, unreachable or too slow: the next address
        }
      }
    } finally {
      this.reconnecting = false;
    }
  }

  /** Closes the socket without reconnecting (a later `connect` or `reconnect` opens again). */
  disconnect(): void {
    this.stopped = true;
    if (this.socket && this.socket.readyState !== WebSocket.CLOSED) this.socket.terminate();
  }

  /** Disconnect for good: the awareness check interval would otherwise keep the client alive. */
  destroy(): void {
    this.disconnect();
    this.awareness.destroy();
    if (!this.options.doc) this.doc.destroy();
  }

  /** Close politely and wait for the close to complete. */
  async close(): Promise<void> {
    this.stopped = true;
    const socket = this.socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    socket.close(1000);
    await waitFor(() => socket.readyState === WebSocket.CLOSED, { timeoutMs: 5_000, what: 'close handshake' }).catch(() =>
      socket.terminate(),
    );
  }

  send(frame: Uint8Array): void {
    if (this.isOpen) this.socket!.send(frame);
  }

  /** Set `user` awareness (DESIGN: `{ user: { id, name, color } }`). */
  setUser(user: { id: string; name: string; color?: string }, extra: Record<string, unknown> = {}): void {
    this.awareness.setLocalState({ user: { color: '#3366aa', ...user }, ...extra });
  }

  private publishAwareness(): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.awareness);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    this.send(encoding.toUint8Array(encoder));
  }

  /**
   * A round trip: send sync step 1 and wait for the server's step 2. Frames are
   * handled in order, so everything sent before has been handled when it returns.
   */
  async roundTrip(timeoutMs = 10_000, extraReplies = 0): Promise<void> {
    // `extraReplies`: step 2 answers still due for step 1 frames sent just before (they arrive first).
    const before = this.step2Received + extraReplies;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.send(encoding.toUint8Array(encoder));
    const socket = this.socket;
    // A close counts once it completed (its code is known), not when it starts.
    await waitFor(() => this.step2Received > before || socket?.readyState === WebSocket.CLOSED, { timeoutMs, what: 'round trip' });
    if (this.step2Received <= before) throw new Error(`connection closed during round trip: ${JSON.stringify(this.closes.at(-1))}`);
  }

  private recordSent(): void {
    this.sent.push({ connection: this.connection, clock: this.ownClock, at: Date.now() });
    this.options.onEvent?.({ kind: 'send', connection: this.connection, base: this.base, clock: this.ownClock, at: Date.now() });
  }

  private onMessage(frame: Uint8Array): void {
    this.framesReceived += 1;
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MESSAGE.sync: {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE.sync);
        const before = this.updatesReceived;
        const subtype = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
        if (subtype === SYNC.step2) {
          this.step2Received += 1;
          this.synced = true;
        } else if (subtype === SYNC.update) {
          this.updatesReceived = before + 1;
        }
        if (encoding.length(encoder) > 1) {
          // Our step 2 answer carries whatever we wrote while away: count it as sent.
          if (subtype === SYNC.step1) this.recordSent();
          this.send(encoding.toUint8Array(encoder));
          if (subtype === SYNC.step1) this.answered = true;
        }
        break;
      }
      case MESSAGE.awareness:
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
        break;
      case MESSAGE.ack: {
        this.acked = decoding.readVarUint(decoder);
        const onThis = this.sent.filter((s) => s.connection === this.connection);
        const last = onThis[Math.min(this.acked, onThis.length) - 1];
        if (last) this.durableClock = Math.max(this.durableClock, last.clock);
        this.options.onEvent?.({ kind: 'ack', connection: this.connection, base: this.base, clock: this.durableClock, at: Date.now() });
        break;
      }
      case MESSAGE.refused: {
        const refusal = JSON.parse(decoding.readVarString(decoder)) as { rule: string; reason: string };
        this.refusals.push(refusal);
        this.options.onEvent?.({ kind: 'refused', connection: this.connection, base: this.base, rule: refusal.rule, at: Date.now() });
        break;
      }
      case MESSAGE.auth:
        if (decoding.readVarUint(decoder) === AUTH.permissionDenied) this.denied.push(decoding.readVarString(decoder));
        break;
      default:
        break;
    }
  }
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
