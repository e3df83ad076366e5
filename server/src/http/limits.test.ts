// [L1–L6] Abuse limits: per-address rates of creating and joining (429 with
// Retry-After, refilled on a fixed clock), the participant cap (409), and the
// caps on half-open connections and on upgrades still being authorized.
import { connect, type Socket } from 'node:net';
import { join as joinPath } from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { api, createMeeting, join, serversPerTest, tempDir, waitFor } from '../testing/harness.ts';
import { addressKey } from './clientAddress.ts';
import { AddressRateLimiter } from './rateLimit.ts';

const server = serversPerTest();

const body = (title: string) => ({ title, facilitatorName: 'Fran' });

describe('per-address rate limits', () => {
  it('[L1] the meetings an address creates: a burst, then 429 with Retry-After, refilled as the clock moves', async () => {
    let t = 1_700_000_000_000;
    const s = await server({ meetingsPerMinute: 2 }, { now: () => t });
    expect((await api(s.url, 'POST', '/api/meetings', body('a'))).status).toBe(201);
    expect((await api(s.url, 'POST', '/api/meetings', body('b'))).status).toBe(201);
    const refused = await api(s.url, 'POST', '/api/meetings', body('c'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(refused.json.error).toBe('Too many new meetings from your address (at most 2 a minute). Try again in 30 s.');
    t += 29_000;
    expect((await api(s.url, 'POST', '/api/meetings', body('c'))).headers.get('retry-after')).toBe('1');
    t += 1_000;
    expect((await api(s.url, 'POST', '/api/meetings', body('c'))).status).toBe(201);
    expect((await api(s.url, 'POST', '/api/meetings', body('d'))).status).toBe(429);
  });

  it('[L2] joins are limited before the meeting or the code is looked at (a join is also a guess of a code)', async () => {
    const s = await server({ joinsPerMinute: 3 });
    const m = await createMeeting(s.url);
    await join(s.url, m, 'Ana');
    expect((await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: 'Eve', code: 'wrongcode1' })).status).toBe(403);
    expect((await api(s.url, 'POST', '/api/meetings/unknown/join', { name: 'Eve', code: 'x' })).status).toBe(404);
    const refused = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: 'Ben', code: m.codes.member });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(20);
    expect(refused.json.error).toMatch(/^Too many joins from your address/);
    // other routes are not limited
    expect((await api(s.url, 'GET', '/api/health')).status).toBe(200);
  });

  it('[L3] addresses have buckets of their own, and refilled buckets are forgotten', () => {
    let t = 0;
    const limiter = new AddressRateLimiter(1, () => t);
    expect(limiter.take('10.0.0.1')).toBe(0);
    expect(limiter.take('10.0.0.1')).toBe(60);
    expect(limiter.take('10.0.0.2')).toBe(0);
    for (let i = 0; i < 5000; i++) limiter.take(`10.1.${i >> 8}.${i & 255}`);
    expect(limiter.size).toBeGreaterThan(5000);
    t += 60_000;
    for (let i = 0; i < 1024; i++) limiter.take('10.0.0.3');
    expect(limiter.size).toBeLessThan(10);
  });

  it('[L3] IPv6 addresses count by their /64, IPv4-mapped ones as IPv4', () => {
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(addressKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
  });
});

describe('the participant cap', () => {
  it('[L4] a full meeting answers 409 with a sentence, also when the last seats are raced for', async () => {
    const s = await server({ maxParticipants: 3 });
    const m = await createMeeting(s.url);
    const tries = await Promise.all(
      ['Ana', 'Ben', 'Cy', 'Dee'].map((name) => api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name, code: m.codes.member })),
    );
    expect(tries.map((r) => r.status).sort()).toEqual([201, 201, 409, 409]);
    const full = tries.find((r) => r.status === 409)!;
    expect(full.json.error).toBe('This meeting is full: it takes at most 3 participants.');
    expect((await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: 'Eve', code: m.codes.observer })).status).toBe(409);
  });
});

/** A TCP connection that sends part of a request head and then nothing. */
function partialHead(url: string): Promise<Socket & { closedByServer: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write('GET /api/health HTTP/1.1\r\nHost: x\r\n');
      resolve(socket);
    }) as Socket & { closedByServer: boolean };
    socket.closedByServer = false;
    socket.resume();
    socket.on('close', () => (socket.closedByServer = true));
    socket.on('error', () => undefined);
    socket.once('error', reject);
  });
}

describe('half-open connections', () => {
  it('[L5] an address holds at most MAX_PENDING_CONNECTIONS connections without a whole request head; more are closed at once', async () => {
    const s = await server({ maxPendingConnections: 3 });
    const sockets: Array<Socket & { closedByServer: boolean }> = [];
    for (let i = 0; i < 5; i++) sockets.push(await partialHead(s.url));
    await waitFor(() => s.pending.refused === 2, 'two connections refused');
    await waitFor(() => sockets.filter((x) => x.closedByServer).length === 2, 'two sockets closed by the server');
    expect(s.pending.count('127.0.0.1')).toBe(3);
    expect((await api(s.url, 'GET', '/api/health').catch(() => ({ status: 0 }))).status).toBe(0);
    // one finishes its request: it is answered and frees a place
    const held = sockets.find((x) => !x.closedByServer)!;
    const answer = new Promise<string>((resolve) => held.once('data', (d: Buffer) => resolve(d.toString())));
    held.write('\r\n');
    expect(await answer).toMatch(/^HTTP\/1.1 200/);
    expect((await api(s.url, 'GET', '/api/health')).status).toBe(200);
    for (const x of sockets) x.destroy();
    await waitFor(() => s.pending.count('127.0.0.1') === 0, 'every pending connection released');
  });

  it('[L5] a request head that never completes is dropped after HEADERS_TIMEOUT_MS', async () => {
    const s = await server({ headersTimeoutMs: 1000 });
    const socket = await partialHead(s.url);
    const t0 = performance.now();
    await waitFor(() => socket.closedByServer, 'the server to drop the slow head', 10_000);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(900);
    expect(s.pending.count('127.0.0.1')).toBe(0);
  });
});

/** SQLite storage whose meeting look-ups wait while the gate is shut: upgrades stay "being authorized". */
class GatedStorage extends SqliteStorage {
  private release: (() => void) | null = null;
  private gate: Promise<void> | null = null;
  waiting = 0;
  shut(): void {
    this.gate = new Promise((r) => (this.release = r));
  }
  open(): void {
    this.gate = null;
    this.release?.();
  }
  override async getMeeting(id: string) {
    if (this.gate !== null) {
      this.waiting += 1;
      await this.gate;
      this.waiting -= 1;
    }
    return super.getMeeting(id);
  }
}

function upgrade(url: string): Promise<{ status: number; retryAfter?: string | undefined; ws?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve({ status: 101, ws }));
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined });
    });
    ws.once('error', reject);
  });
}

describe('upgrades being authorized', () => {
  it('[L6] over MAX_PENDING_UPGRADES per address the upgrade is answered 429 with Retry-After, before any websocket exists', async () => {
    const dataDir = tempDir();
    const storage = new GatedStorage(joinPath(dataDir, 'consent.db'));
    const s = await server({ dataDir, maxPendingUpgrades: 2 }, { storage });
    const m = await createMeeting(s.url);
    const url = `${s.wsBase}/${m.meetingId}?token=${encodeURIComponent(m.token)}`;
    storage.shut();
    const first = [upgrade(url), upgrade(url)];
    await waitFor(() => storage.waiting === 2, 'two upgrades being authorized');
    const third = await upgrade(url);
    expect(third.status).toBe(429);
    expect(third.retryAfter).toBe('1');
    storage.open();
    const opened = await Promise.all(first);
    expect(opened.map((o) => o.status)).toEqual([101, 101]);
    for (const o of opened) o.ws!.close();
    // the count went back to zero: a new upgrade opens
    const again = await upgrade(url);
    expect(again.status).toBe(101);
    again.ws!.close();
  });
});
