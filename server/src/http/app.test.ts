// The public HTTP contract (docs/api.md): every route with good and bad input,
// tokens of another meeting, observer tokens, and the served board.
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../server.ts';
import { api, boardDist, createMeeting, removeDir, startTestServer, type Meeting, type TestServer } from '../testing/harness.ts';
import { MISSING_CLIENT } from './staticFiles.ts';

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

describe('GET /api/health', () => {
  it('answers ok with the version', async () => {
    const r = await api(s.url, 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ok: true, version: VERSION, storage: 'sqlite', rooms: 0 });
  });
});

describe('POST /api/meetings', () => {
  it('creates a meeting and answers 201 with the facilitator token and a code for each role', async () => {
    const r = await api(s.url, 'POST', '/api/meetings', { title: 'Garden circle', facilitatorName: 'Fran' });
    expect(r.status).toBe(201);
    expect(Object.keys(r.json).sort()).toEqual(['codes', 'meetingId', 'participantId', 'role', 'token']);
    expect(r.json.role).toBe('facilitator');
    const codes = r.json.codes as Record<string, string>;
    expect(Object.keys(codes).sort()).toEqual(['guest', 'member', 'observer']);
    expect(new Set(Object.values(codes)).size).toBe(3);
    expect(String(r.json.token).startsWith(`${r.json.meetingId}.${r.json.participantId}.`)).toBe(true);
  });

  it.each([
    [{ facilitatorName: 'Fran' }, 'title'],
    [{ title: '', facilitatorName: 'Fran' }, 'title'],
    [{ title: 'T' }, 'facilitatorName'],
    [{ title: 'T', facilitatorName: '   ' }, 'facilitatorName'],
    [{ title: 'T', facilitatorName: 'F', circle: 7 }, 'circle'],
    [{ title: 'T', facilitatorName: 'F', aim: 'x'.repeat(2001) }, 'aim'],
    [{ title: 'x'.repeat(301), facilitatorName: 'F' }, 'title'],
    [{ title: 'T', facilitatorName: 'F', admin: true }, 'admin'],
  ])('answers 400 naming the field for %j', async (body, field) => {
    const r = await api(s.url, 'POST', '/api/meetings', body);
    expect(r.status).toBe(400);
    expect(r.json.field).toBe(field);
    expect(r.json.error).toMatch(/\S/);
  });

  it('answers 413 for a body over 16 KiB without reading it', async () => {
    const r = await api(s.url, 'POST', '/api/meetings', { title: 'T', facilitatorName: 'F', aim: 'x'.repeat(20_000) });
    expect(r.status).toBe(413);
    expect(r.json.error).toMatch(/larger/);
  });

  it('answers 400 for a body that is not JSON, without a stack trace', async () => {
    const r = await api(s.url, 'POST', '/api/meetings', '{"title": ');
    expect(r.status).toBe(400);
    expect(r.text).not.toMatch(/at .*\.ts/);
    const plain = await fetch(`${s.url}/api/meetings`, { method: 'POST', body: 'title=x' });
    expect(plain.status).toBe(400);
  });
});

describe('POST /api/meetings/:id/join', () => {
  let m: Meeting;
  beforeAll(async () => {
    m = await createMeeting(s.url);
  });

  it('[DESIGN §5] each code joins as its own role, and only that role', async () => {
    for (const role of ['member', 'guest', 'observer'] as const) {
      const r = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: `A ${role}`, code: m.codes[role] });
      expect(r.status).toBe(201);
      expect(r.json.role).toBe(role);
      expect(Object.keys(r.json).sort()).toEqual(['participantId', 'role', 'token']);
    }
  });

  it('[DESIGN §5] a guest link never makes a member: the body names no role', async () => {
    const asMember = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: 'Gil', code: m.codes.guest, role: 'member' });
    expect(asMember.status).toBe(400);
    expect(asMember.json.field).toBe('role');
    expect(asMember.json.error).toMatch(/role/);
  });

  it('answers 403 for a wrong code, 404 for an unknown meeting, 400 for a bad body', async () => {
    const wrong = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: 'Eve', code: 'guessed' });
    expect(wrong.status).toBe(403);
    expect(wrong.json.field).toBe('code');
    const other = await createMeeting(s.url);
    const crossed = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: 'Eve', code: other.codes.member });
    expect(crossed.status).toBe(403);
    const missing = await api(s.url, 'POST', '/api/meetings/nope/join', { name: 'Eve', code: m.codes.member });
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatch(/meeting/);
    for (const [body, field] of [
      [{ code: m.codes.member }, 'name'],
      [{ name: 'Eve' }, 'code'],
      [{ name: 'Eve', code: m.codes.member, role: 'facilitator' }, 'role'],
    ] as const) {
      const r = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, body);
      expect(r.status).toBe(400);
      expect(r.json.field).toBe(field);
    }
  });
});

describe('GET /api/meetings/:id/minutes.*', () => {
  let m: Meeting;
  let other: Meeting;
  beforeAll(async () => {
    m = await createMeeting(s.url, 'Minutes meeting');
    other = await createMeeting(s.url);
  });

  it.each([
    ['no token', undefined, 401],
    ['a malformed token', 'nonsense', 401],
    ['a forged token', 'x.y.member.zzzz', 401],
  ])('answers 401 for %s', async (_what, token, status) => {
    const r = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.md`, undefined, token);
    expect(r.status).toBe(status);
    expect(r.json.error).toMatch(/token/);
  });

  it('answers 403 for a token of another meeting and 404 for an unknown meeting or format', async () => {
    expect((await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.json`, undefined, other.token)).status).toBe(403);
    expect((await api(s.url, 'GET', '/api/meetings/nope/minutes.json', undefined, m.token)).status).toBe(404);
    expect((await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.pdf`, undefined, m.token)).status).toBe(404);
  });

  it('speak the language asked for with ?lang=, English by default, and refuse an unknown one', async () => {
    const english = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.md`, undefined, m.token);
    expect(english.text).toContain('## Attendance');
    const dutch = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.md?lang=nl`, undefined, m.token);
    expect(dutch.status).toBe(200);
    expect(dutch.text).toContain('## Aanwezigheid');
    expect(dutch.text).not.toContain('## Attendance');
    const html = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.html?lang=nl`, undefined, m.token);
    expect(html.text).toContain('<html lang="nl">');
    const unknown = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.md?lang=xx`, undefined, m.token);
    expect(unknown.status).toBe(400);
    expect(unknown.json).toMatchObject({ field: 'lang', error: expect.stringMatching(/lang must be one of: en, nl/) });
  });
});

describe('everything else', () => {
  it('answers unknown API routes with 404 JSON and a plain GET of the sync endpoint with 426', async () => {
    const r = await api(s.url, 'GET', '/api/nothing');
    expect(r.status).toBe(404);
    expect(r.json.error).toBe('not found');
    expect((await api(s.url, 'GET', '/sync/abc')).status).toBe(426);
  });

  it('serves the built board with history fallback, and its assets', async () => {
    for (const path of ['/', '/m/abc', '/m/abc/join?code=x']) {
      const r = await fetch(s.url + path);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/text\/html/);
      expect(await r.text()).toContain('<title>Consent Board</title>');
    }
    const asset = await fetch(`${s.url}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${s.url}/assets/missing-1.js`)).status).toBe(404);
    expect((await fetch(`${s.url}/%2e%2e/%2e%2e/package.json`)).status).not.toBe(500);
    expect(await (await fetch(`${s.url}/%2e%2e/%2e%2e/package.json`)).text()).not.toContain('"name"');
  });

  it('says how to build the board when it is missing', async () => {
    const bare = await startTestServer({ clientDist: joinPath(dist, 'nope') });
    const r = await fetch(`${bare.url}/m/abc`);
    expect(r.status).toBe(503);
    expect(await r.text()).toBe(MISSING_CLIENT);
    expect(MISSING_CLIENT).toContain('pnpm --filter @consent/client build');
    await bare.close();
    removeDir(bare.dataDir);
  });
});

describe('minutes file names', () => {
  it('name the meeting and its date, in ASCII', async () => {
    const { minutesFileName } = await import('./minutes.ts');
    const at = Date.UTC(2026, 10, 26, 9);
    expect(minutesFileName('Garden circle: Übersicht / Q4!', at, 'md')).toBe('garden-circle-ubersicht-q4-2026-11-26-minutes.md');
    expect(minutesFileName('???', at, 'json')).toBe('meeting-2026-11-26-minutes.json');
  });
});
