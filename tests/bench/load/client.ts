// One simulated participant: a `ws` socket speaking y-protocols sync and
// awareness (with Hocuspocus's document-name prefix where needed), written
// with lib0 directly so that the load generator stays cheap.
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import { MESSAGE, SYNC } from '@consent/shared';
import { awarenessFrame, framePrefix, hocuspocusAuthFrame, readUpdateSections, skipString, syncFrame, updateFrame } from './wire.ts';
import type { LatencyTracker } from './tracker.ts';

export type ServerKind = 'ours' | 'yws' | 'hocuspocus' | 'relay';

export interface ClientOptions {
  kind: ServerKind;
  base: string; // ws://127.0.0.1:port
  room: string;
  token?: string;
  ack?: boolean;
  tracker?: LatencyTracker;
  /** When false, updates in sync step 2 are not parsed (joins of large documents). */
  trackStep2?: boolean;
  /** Awareness state (JSON) sent on connect and every 15 s, as the y-websocket provider does; ours checks its `user`. */
  awareness?: string;
}

/** The provider renews its awareness every 15 s (half of the 30 s timeout); Hocuspocus closes silent sockets after 30 s. */
const AWARENESS_RENEW_MS = 15_000;

/** Hocuspocus SyncReply: a sync frame that does not ask the server for another step 1. */
const SYNC_REPLY = 4;
const EMPTY_UPDATE = new Uint8Array([0, 0]);
const EMPTY_STATE_VECTOR = new Uint8Array([0]);

export const counters = { framesIn: 0, bytesIn: 0, awarenessIn: 0, awarenessBytesIn: 0, updatesIn: 0, refused: 0, closedUnexpectedly: 0 };

/**
 * Caret latency: while `on`, every awareness state sent is stamped by
 * (clientID, clock), and every receiver that gets it records the delay, so
 * whatever batching a server does shows as delay. All clients share this
 * process, so one clock serves both ends.
 */
export const awarenessProbe = { on: false, sent: new Map<string, number>(), latencies: [] as number[] };

export class BenchClient {
  readonly ws: WebSocket;
  private readonly prefix: Uint8Array;
  private readonly seen = new Map<number, number>();
  readonly opened: Promise<void>;
  readonly synced: Promise<void>;
  private resolveSynced!: () => void;
  private awarenessClock = 0;
  clientID: number;
  /** Send times of this connection's writes, in order, waiting for a durable ack (ours with ?ack=1); NaN = not measured. */
  readonly ackQueue: number[] = [];
  ackLatencies: number[] = [];
  private acked = 0;
  private closing = false;
  private renew: NodeJS.Timeout | null = null;
  /** Bytes of the last sync step 2 received (the document as the server sent it). */
  step2Bytes = 0;

  constructor(
    private readonly opts: ClientOptions,
    clientID: number,
  ) {
    this.clientID = clientID;
    const url =
      opts.kind === 'ours'
        ? `${opts.base}/sync/${opts.room}?token=${encodeURIComponent(opts.token ?? '')}${opts.ack ? '&ack=1' : ''}`
        : opts.kind === 'hocuspocus'
          ? `${opts.base}/`
          : `${opts.base}/${opts.room}`;
    this.prefix = framePrefix(opts.kind === 'hocuspocus' ? opts.room : null);
    this.synced = new Promise((resolve) => {
      this.resolveSynced = resolve;
    });
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.binaryType = 'nodebuffer';
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => {
        this.onOpen();
        resolve();
      });
      this.ws.once('error', reject);
    });
    this.ws.on('message', (data: Buffer) => this.onMessage(data));
    this.ws.on('close', () => {
      if (!this.closing) counters.closedUnexpectedly++;
    });
    this.ws.on('error', () => {});
  }

  private onOpen(): void {
    if (this.opts.awareness !== undefined) {
      const state = this.opts.awareness;
      this.renew = setInterval(() => this.sendAwareness(state), AWARENESS_RENEW_MS);
    }
    if (this.opts.kind === 'relay') {
      // a relay keeps no document: there is nothing to sync with
      this.resolveSynced();
      return;
    }
    if (this.opts.kind === 'hocuspocus') this.ws.send(hocuspocusAuthFrame(this.prefix, this.opts.token ?? 'bench'));
    this.ws.send(syncFrame(this.prefix, SYNC.step1, EMPTY_STATE_VECTOR));
    if (this.opts.awareness !== undefined) this.sendAwareness(this.opts.awareness);
  }

  private onMessage(data: Buffer): void {
    counters.framesIn++;
    counters.bytesIn += data.byteLength;
    const d = decoding.createDecoder(data);
    if (this.opts.kind === 'hocuspocus') skipString(d);
    const type = decoding.readVarUint(d);
    if (type === MESSAGE.sync || type === SYNC_REPLY) {
      const sub = decoding.readVarUint(d);
      if (sub === SYNC.step1) {
        // this client keeps no document; its own writes reach the server as updates
        this.ws.send(syncFrame(this.prefix, SYNC.step2, EMPTY_UPDATE, this.opts.kind === 'hocuspocus' ? SYNC_REPLY : MESSAGE.sync));
        // ours counts a step 2 among the connection's writes; it is acked but not measured
        if (this.opts.ack) this.ackQueue.push(NaN);
        return;
      }
      if (sub === SYNC.step2) {
        this.step2Bytes = data.byteLength;
        if (this.opts.trackStep2 !== false) this.readUpdate(d);
        this.resolveSynced();
        return;
      }
      counters.updatesIn++;
      this.readUpdate(d);
    } else if (type === MESSAGE.awareness) {
      counters.awarenessIn++;
      counters.awarenessBytesIn += data.byteLength;
      if (awarenessProbe.on) this.readAwareness(d);
    } else if (type === MESSAGE.ack) {
      this.onAck(decoding.readVarUint(d));
    } else if (type === MESSAGE.refused) {
      counters.refused++;
      if (counters.refused <= 3) console.error(`refused: ${decoding.readVarString(d)}`);
    }
  }

  private readUpdate(d: decoding.Decoder): void {
    const tracker = this.opts.tracker;
    const now = performance.now();
    // skip the payload's length prefix and read the update in place
    decoding.readVarUint(d);
    readUpdateSections(d, (client, clock, length) => {
      if (client === this.clientID) return;
      const next = this.seen.get(client) ?? 0;
      const end = clock + length;
      if (end <= next) return;
      this.seen.set(client, end);
      tracker?.onReceive(client, Math.max(clock, next), end, now);
    });
  }

  private readAwareness(d: decoding.Decoder): void {
    const now = performance.now();
    const inner = decoding.createDecoder(decoding.readVarUint8Array(d));
    const n = decoding.readVarUint(inner);
    for (let i = 0; i < n; i++) {
      const client = decoding.readVarUint(inner);
      const clock = decoding.readVarUint(inner);
      decoding.readVarString(inner);
      if (client === this.clientID) continue;
      const sentAt = awarenessProbe.sent.get(`${client}:${clock}`);
      if (sentAt !== undefined) awarenessProbe.latencies.push(now - sentAt);
    }
  }

  hasSeen(client: number): boolean {
    return this.seen.has(client);
  }

  /** Our ack carries the running count of this connection's writes now durable (updates and step 2 alike). */
  private onAck(count: number): void {
    const now = performance.now();
    for (; this.acked < count && this.ackQueue.length > 0; this.acked++) {
      const sentAt = this.ackQueue.shift()!;
      if (!Number.isNaN(sentAt)) this.ackLatencies.push(now - sentAt);
    }
    this.acked = Math.max(this.acked, count);
  }

  sendUpdate(update: Uint8Array): void {
    if (this.opts.ack) this.ackQueue.push(performance.now());
    this.ws.send(updateFrame(this.prefix, update));
  }

  sendAwareness(stateJson: string): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const clock = ++this.awarenessClock;
    if (awarenessProbe.on) awarenessProbe.sent.set(`${this.clientID}:${clock}`, performance.now());
    this.ws.send(awarenessFrame(this.prefix, this.clientID, clock, stateJson));
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  close(): Promise<void> {
    this.closing = true;
    if (this.renew !== null) clearInterval(this.renew);
    if (this.ws.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
      setTimeout(() => {
        this.ws.terminate();
        resolve();
      }, 2000).unref();
    });
  }
}
