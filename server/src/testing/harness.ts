// Test helpers: a server on port 0 over a temp data dir, API calls, standard
// y-websocket providers under Node, a raw protocol client, and condition waits.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { afterEach } from 'vitest';
import * as Y from 'yjs';
import { waitFor as wait } from './wait.ts';
import { AUTH, MESSAGE, SYNC, readAck, readRefusal, syncFrame, type CreatedMeeting, type JoinedMeeting } from '@consent/shared';
import { testConfig, type Config } from '../config.ts';
import { startServer, type RunningServer, type StartOptions } from '../server.ts';
import { SqliteStorage } from '../storage/SqliteStorage.ts';

export function tempDir(prefix = 'consent-test-'): string {
  return mkdtempSync(joinPath(tmpdir(), prefix));
}

/** The shared waitFor, as the server tests call it: what, then an optional timeout. */
export const waitFor = (cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> =>
  wait(cond, { what, timeoutMs });

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

/** A stand-in for the built board in a temp folder: `index.html` and one asset, `assets/app-1234.js`. */
export function boardDist(): string {
  const dist = tempDir('consent-dist-');
  mkdirSync(joinPath(dist, 'assets'));
  writeFileSync(joinPath(dist, 'index.html'), '<!doctype html><title>Consent Board</title>');
  writeFileSync(joinPath(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  return dist;
}

/** A start function for a test file: the servers it starts are closed, and their data removed, after each test. */
export function serversPerTest(): (...args: Parameters<typeof startTestServer>) => Promise<TestServer> {
  const started: TestServer[] = [];
  afterEach(async () => {
    for (const s of started.splice(0)) {
      await s.close();
      removeDir(s.dataDir);
    }
  });
  return async (...args) => {
    const s = await startTestServer(...args);
    started.push(s);
    return s;
  };
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
  let json: unknown;
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

/** Joins with the code of the role (member by default): the code alone decides the role. */
export async function join(base: string, meeting: Meeting, name: string, role: 'member' | 'guest' | 'observer' = 'member') {
  const res = await api(base, 'POST', `/api/meetings/${meeting.meetingId}/join`, { name, code: meeting.codes[role] });
  if (res.status !== 201) throw new Error(`join failed: ${res.status} ${res.text}`);
  return res.json as unknown as JoinedMeeting;
}

export interface Peer {
  doc: Y.Doc;
  provider: WebsocketProvider;
  acks: number[];
  refusals: Array<{ rule: string; reason: string }>;
  /** Reasons of y-protocols' auth "permission denied" messages (a refused write, without ack=1). */
  denied: string[];
  closes: number[];
  /** Connections opened so far (each one an upgrade). */
  connections: number;
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
    denied: [],
    closes: [],
    connections: 0,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.messageHandlers[MESSAGE.ack] = (_e, d) => peer.acks.push(readAck(d));
  provider.messageHandlers[MESSAGE.refused] = (_e, d) => peer.refusals.push(readRefusal(d));
  provider.messageHandlers[MESSAGE.auth] = (_e, d) => {
    if (decoding.readVarUint(d) === AUTH.permissionDenied) peer.denied.push(decoding.readVarString(d));
  };
  provider.on('status', ({ status }) => {
    if (status === 'connected') peer.connections += 1;
  });
  provider.on('connection-close', (event) => {
    if (event) peer.closes.push(event.code);
  });
  return peer;
}

/** A single-use sync ticket for one connection (POST /api/meetings/:id/tickets). */
export async function ticket(base: string, meetingId: string, token: string): Promise<{ status: number; ticket?: string; error?: string }> {
  const r = await api(base, 'POST', `/api/meetings/${meetingId}/tickets`, undefined, token);
  return { status: r.status, ticket: r.json?.ticket as string | undefined, error: r.json?.error };
}

/**
 * A standard provider that keeps its token out of the URL (docs/protocol.md's recipe):
 * it never reconnects on its own, since its params would hold a used ticket; after
 * every close that is not final it asks for a new ticket, then connects.
 */
export function connectTicketPeer(
  base: string,
  wsBase: string,
  meetingId: string,
  token: string,
): Peer & { tickets: number; refusedWith: number[] } {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsBase, meetingId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: false,
  });
  let stopped = false;
  const peer = {
    doc,
    provider,
    acks: [],
    refusals: [],
    denied: [],
    closes: [] as number[],
    connections: 0,
    tickets: 0,
    refusedWith: [] as number[],
    destroy() {
      stopped = true;
      provider.destroy();
      doc.destroy();
    },
  };
  const open = async () => {
    const t = await ticket(base, meetingId, token);
    if (stopped) return;
    if (!t.ticket) return void peer.refusedWith.push(t.status);
    peer.tickets += 1;
    provider.params = { ticket: t.ticket };
    provider.connect();
  };
  provider.on('connection-close', (event) => {
    if (event) peer.closes.push(event.code);
    // A local close (provider.disconnect) has already cleared shouldConnect; a final code ends it too.
    const again = event ? !(event.code >= 4400 && event.code < 4500) : provider.shouldConnect;
    provider.shouldConnect = false;
    if (again && !stopped) void open();
  });
  void open();
  return peer;
}

export const synced = (peer: Peer) => waitFor(() => peer.provider.synced, 'provider sync');

/** The meeting's document as the database holds it (open it only while no server uses the data directory). */
export async function storedDoc(dataDir: string, meetingId: string): Promise<Y.Doc> {
  const storage = new SqliteStorage(joinPath(dataDir, 'consent.db'));
  try {
    const doc = new Y.Doc();
    for (const u of (await storage.loadDoc(meetingId)).updates) Y.applyUpdate(doc, u);
    return doc;
  } finally {
    await storage.close();
  }
}

/** Appends a paragraph to an item's proposal, as the editor does ([C17] a consent round needs one). */
export { writeParagraph } from '@consent/shared/testing';

/** One write from a fresh copy of the meeting, over an `ack=1` connection; resolves with its refusal, if any. */
export async function writeOnce(
  wsBase: string,
  meetingId: string,
  token: string,
  write: (doc: Y.Doc) => void,
): Promise<{ rule: string; reason: string } | null> {
  const p = connectPeer(wsBase, meetingId, token, { ack: true });
  try {
    await synced(p);
    write(p.doc);
    // Acks count the reply to the server's step 1 and then the one update.
    await waitFor(() => p.acks.at(-1) === 2, 'the write to be handled');
    return p.refusals[0] ?? null;
  } finally {
    p.destroy();
  }
}

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
