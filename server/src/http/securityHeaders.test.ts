// [W1–W3] Security headers on every answer: API, errors, the board, its assets,
// the minutes file (its own sandboxing policy) and refused websocket upgrades.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTES_STYLE } from '@consent/shared';
import { boardDist, createMeeting, removeDir, startTestServer, type TestServer } from '../testing/harness.ts';
import { BOARD_CSP } from './securityHeaders.ts';

let s: TestServer;
let dist: string;
beforeAll(async () => {
  dist = boardDist();
  s = await startTestServer({ clientDist: dist });
});
afterAll(async () => {
  await s.close();
  removeDir(s.dataDir);
  removeDir(dist);
});

const directives = (csp: string | null) =>
  new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );

/** Raw upgrade request, to read the headers of a refusal the websocket library never exposes. */
function upgradeAnswer(path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request(s.url + path, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      },
    });
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode!, headers: res.headers });
    });
    req.on('upgrade', () => reject(new Error('upgraded')));
    req.on('error', reject);
    req.end();
  });
}

describe('security headers', () => {
  it('[W1] every kind of answer carries the board policy, nosniff, no-referrer and no framing', async () => {
    const m = await createMeeting(s.url);
    const answers = await Promise.all([
      fetch(`${s.url}/`),
      fetch(`${s.url}/m/abc`),
      fetch(`${s.url}/assets/app-1234.js`),
      fetch(`${s.url}/assets/missing-1.js`),
      fetch(`${s.url}/api/health`),
      fetch(`${s.url}/api/nothing`),
      fetch(`${s.url}/api/meetings`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
      fetch(`${s.url}/api/meetings/${m.meetingId}/minutes.md`, { headers: { authorization: `Bearer ${m.token}` } }),
      fetch(`${s.url}/sync/abc`),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 404, 200, 404, 400, 200, 426]);
    for (const r of answers) {
      expect(r.headers.get('content-security-policy'), r.url).toBe(BOARD_CSP);
      expect(r.headers.get('x-content-type-options'), r.url).toBe('nosniff');
      expect(r.headers.get('referrer-policy'), r.url).toBe('no-referrer');
      expect(r.headers.get('x-frame-options'), r.url).toBe('DENY');
    }
  });

  it('[W2] the board policy allows no inline script, frames nowhere, and speaks only to its own host', () => {
    const d = directives(BOARD_CSP);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    // the only inline style: the minutes' stylesheet, by its hash
    const hash = `'sha256-${createHash('sha256').update(MINUTES_STYLE).digest('base64')}'`;
    expect(d.get('style-src')).toEqual(["'self'", hash]);
    expect(BOARD_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it('[W3] the minutes as HTML come with their own sandboxing policy', async () => {
    const m = await createMeeting(s.url);
    const r = await fetch(`${s.url}/api/meetings/${m.meetingId}/minutes.html`, { headers: { authorization: `Bearer ${m.token}` } });
    expect(r.status).toBe(200);
    const d = directives(r.headers.get('content-security-policy'));
    expect(d.has('sandbox')).toBe(true);
    expect(d.get('sandbox')).toEqual([]);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.has('script-src')).toBe(false);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('[W1] a refused websocket upgrade carries nosniff and no-referrer too', async () => {
    const r = await upgradeAnswer('/sync/unknown-meeting?token=x');
    expect(r.status).toBe(404);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(r.headers['referrer-policy']).toBe('no-referrer');
  });
});
