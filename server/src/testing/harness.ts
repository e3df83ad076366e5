// Test helpers: a server on port 0 over a temp data dir, API calls, standard
// y-websocket providers under Node, a raw protocol client, and condition waits.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MESSAGE, SYNC, syncFrame, type CreatedMeeting, type JoinedMeeting } from '@consent/shared';
import { testConfig, type Config } from '../config.ts';
import { startServer, type RunningServer, type StartOptions } from '../server.ts';

export function tempDir(prefix = 'consent-test-'): string {
  return mkdtempSync(joinPath(tmpdir(), prefix));
}

export async function waitFor(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/**
 * Every test client comes from 127.0.0.1, so the per-address limits would count a whole
 * suite as one person: tests raise them, and the tests of the limits set their own.
 */
export const LOOPBACK_LIMITS = {
  meetingsPerMinute: 1_000_000,
  joinsPerMinute: 1_000_000,
  ticketsPerMinute: 1_000_000,
  maxPendingConnections: 1_000_000,
  maxPendingUpgrades: 1_000_000,
} satisfies Partial<Config>;

export interface TestServer extends RunningServer {
  dataDir: string;
  wsBase: string;
  config: Config;
}

export async function startTestServer(
  overrides: Partial<Config> & { dataDir?: string } = {},
  options: StartOptions = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDir();
  const config = testConfig({ tokenSecret: 'test-secret-0123456789', roomGraceMs: 50, ...LOOPBACK_LIMITS, ...overrides, dataDir });
  const server = await startServer(config, options);
  return { ...server, dataDir, config, wsBase: `${server.url.replace('http', 'ws')}/sync` };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export async function api(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (minutes in Markdown or HTML)
  }
  return { status: res.status, json: json as Record<string, unknown> & { error?: string; field?: string }, text, headers: res.headers };
}

export type Meeting = CreatedMeeting;

export async function createMeeting(base: string, title = 'Circle meeting', facilitatorName = 'Fran'): Promise<Meeting> {
  const res = await api(base, 'POST', '/api/meetings', { title, facilitatorName, circle: 'Garden', aim: 'Grow food' });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.json as unknown as Meeting;
}

export async function join(base: string, meeting: Meeting, name: string, role?: 'member' | 'guest' | 'observer') {
  const code = role === 'observer' ? meeting.observerCode : meeting.inviteCode;
  const res = await api(base, 'POST', `/api/meetings/${meeting.meetingId}/join`, { name, code, ...(role ? { role } : {}) });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${res.text}`);
  return res.json as unknown as JoinedMeeting;
}

export interface Peer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  acks: number[];
  refusals: Array<{ rule: string; reason: string }>;
  closes: number[];
  destroy(): void;
}

/** A standard y-websocket provider; with `ack` it opts in and records our extension messages. */
export function connectPeer(wsBase: string, meetingId: string, token: string, opts: { ack?: boolean; doc?: Y.Doc } = {}): Peer {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsBase, meetingId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token, ...(opts.ack ? { ack: '1' } : {}) },
  });
  const peer: Peer = {
    doc,
    provider,
    acks: [],
    refusals: [],
    closes: [],
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.messageHandlers[MESSAGE.ack] = (_e, d) => peer.acks.push(decoding.readVarUint(d));
  provider.messageHandlers[MESSAGE.refused] = (_e, d) => peer.refusals.push(JSON.parse(decoding.readVarString(d)));
  provider.on('connection-close', (event) => {
    if (event) peer.closes.push(event.code);
  });
  return peer;
}

export const synced = (peer: Peer) => waitFor(() => peer.provider.synced, 'provider sync');

/** A bare websocket speaking the protocol by hand, for what a standard provider never sends. */
export class RawClient {
  readonly frames: Uint8Array[] = [];
  closeCode: number | null = null;
  readonly ws: WebSocket;
  readonly opened: Promise<void>;

  constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('message', (d: Buffer) => this.frames.push(new Uint8Array(d)));
    this.ws.on('close', (code) => (this.closeCode = code));
    this.ws.on('error', () => undefined);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  send(frame: Uint8Array): void {
    this.ws.send(frame);
  }

  sendUpdate(update: Uint8Array, sub: number = SYNC.update): void {
    this.send(syncFrame(sub, update));
  }

  /** Message types of the frames received so far. */
  types(): number[] {
    return this.frames.map((f) => decoding.readVarUint(decoding.createDecoder(f)));
  }

  close(): void {
    this.ws.close();
  }
}

export function connectRaw(wsBase: string, meetingId: string, token: string, ack = false): RawClient {
  return new RawClient(`${wsBase}/${meetingId}?token=${encodeURIComponent(token)}${ack ? '&ack=1' : ''}`);
}
