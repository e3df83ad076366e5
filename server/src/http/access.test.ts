// Who may open a meeting (docs/api.md, docs/protocol.md): sync tickets, token
// expiry, removal by the facilitator, join codes per role and their rotation,
// and a closed meeting that takes no one new. Real server, sockets and SQLite file.
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE, PHASES, meta, movePhase, participants, syncStep1, type Phase } from '@consent/shared';
import {
  api,
  connectPeer,
  connectTicketPeer,
  createMeeting,
  join,
  removeDir,
  RawClient,
  startTestServer,
  synced,
  ticket,
  waitFor,
  type Meeting,
  type Peer,
  type TestServer,
} from '../testing/harness.ts';

const DAY = 24 * 3600 * 1000;
// Starts at the real time: the per-connection rate limit reads the same clock.
let clock = Date.now();
let servers: TestServer[] = [];
let peers: Peer[] = [];
const start = async (dataDir?: string) => {
  const s = await startTestServer(dataDir ? { dataDir } : {}, { now: () => clock });
  servers.push(s);
  return s;
};
afterEach(async () => {
  for (const p of peers) p.destroy();
  peers = [];
  for (const s of servers) await s.close();
  for (const d of new Set(servers.map((s) => s.dataDir))) removeDir(d);
  servers = [];
});

/** Opens a raw socket; resolves to 'open' or the HTTP status of the refused upgrade. */
async function upgrade(s: TestServer, meetingId: string, query: string): Promise<string> {
  const c = new RawClient(`${s.wsBase}/${meetingId}?${query}`);
  try {
    await c.opened;
    c.close();
    return 'open';
  } catch (e) {
    return (e as Error).message;
  }
}

async function closeMeeting(s: TestServer, m: Meeting): Promise<void> {
  const fac = connectPeer(s.wsBase, m.meetingId, m.token, { ack: true });
  peers.push(fac);
  await synced(fac);
  for (const to of PHASES.slice(1)) movePhase(fac.doc, to as Phase);
  await waitFor(() => meta(s.manager.room(m.meetingId)!.doc).get('phase') === 'closed', 'the meeting closed on the server');
}

describe('sync tickets', () => {
  it('a ticket opens the sync endpoint once; a second use, another meeting or an expired one is 401', async () => {
    const s = await start();
    const m = await createMeeting(s.url);
    const other = await createMeeting(s.url);
    const t = await ticket(s.url, m.meetingId, m.token);
    expect(t.status).toBe(201);
    expect(await upgrade(s, m.meetingId, `ticket=${t.ticket}`)).toBe('open');
    expect(await upgrade(s, m.meetingId, `ticket=${t.ticket}`)).toBe('HTTP 401');
    const crossed = await ticket(s.url, other.meetingId, other.token);
    expect(await upgrade(s, m.meetingId, `ticket=${crossed.ticket}`)).toBe('HTTP 401');
    const late = await ticket(s.url, m.meetingId, m.token);
    clock += 61_000;
    expect(await upgrade(s, m.meetingId, `ticket=${late.ticket}`)).toBe('HTTP 401');
    expect(await upgrade(s, 'nope', `ticket=${late.ticket}`)).toBe('HTTP 404');
  });

  it('a ticket needs a valid Bearer token of the meeting', async () => {
    const s = await start();
    const m = await createMeeting(s.url);
    const other = await createMeeting(s.url);
    expect((await ticket(s.url, m.meetingId, '')).status).toBe(401);
    expect((await ticket(s.url, m.meetingId, 'x.y.member.zz.zz')).status).toBe(401);
    expect((await ticket(s.url, m.meetingId, other.token)).status).toBe(403);
    expect((await ticket(s.url, 'nope', m.token)).status).toBe(404);
  });

  it('a stock provider with a fresh ticket before each connect reconnects after the server closed it', async () => {
    const s = await start();
    const m = await createMeeting(s.url);
    const peer = connectTicketPeer(s.url, s.wsBase, m.meetingId, m.token);
    peers.push(peer);
    await synced(peer);
    for (const conn of s.manager.room(m.meetingId)!.conns) conn.close(CLOSE.goingAway, 'test');
    await waitFor(() => peer.tickets === 2 && peer.provider.synced, 'a reconnect with a second ticket');
    expect(peer.closes).toContain(CLOSE.goingAway);
  });
});

describe('token expiry', () => {
  it('a token opens nothing once its time is up (TOKEN_TTL_DAYS, 30 by default)', async () => {
    const s = await start();
    const m = await createMeeting(s.url);
    clock += 30 * DAY - 1000;
    expect((await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.json`, undefined, m.token)).status).toBe(200);
    clock += 2000; // expiry is kept in whole seconds, rounded up
    const r = await ticket(s.url, m.meetingId, m.token);
    expect(r.status).toBe(401);
    expect(r.error).toMatch(/expired/);
    expect(await upgrade(s, m.meetingId, `token=${m.token}`)).toBe('HTTP 401');
  });

  it('a socket opened before its token expired is closed with the final 4401 at its next frame after the expiry', async () => {
    const s = await start();
    const m = await createMeeting(s.url);
    const raw = new RawClient(`${s.wsBase}/${m.meetingId}?token=${encodeURIComponent(m.token)}`);
    await raw.opened;
    raw.send(syncStep1(new Uint8Array([0])));
    await waitFor(() => raw.frames.length > 0, 'the server to answer while the token is valid');
    expect(raw.closeCode).toBeNull();
    clock += 30 * DAY + 1000;
    raw.send(syncStep1(new Uint8Array([0])));
    await waitFor(() => raw.closeCode !== null, 'the socket to close');
    expect(raw.closeCode).toBe(CLOSE.unauthorized);
  });

  it('a token of the first release (no expiry part) expires 30 days after its meeting was created', async () => {
    const s = await start();
    const m = await createMeeting(s.url);
    const body = `${m.meetingId}.${m.participantId}.facilitator`;
    const legacy = `${body}.${createHmac('sha256', s.config.tokenSecret!).update(body).digest('base64url')}`;
    expect((await ticket(s.url, m.meetingId, legacy)).status).toBe(201);
    clock += 30 * DAY;
    expect((await ticket(s.url, m.meetingId, legacy)).status).toBe(401);
  });
});

describe('removing a participant', () => {
  it('closes their sockets with the final 4403, marks their entry, keeps it, and refuses their token after a restart', async () => {
    const s = await start();
    const m = await createMeeting(s.url);
    const ann = await join(s.url, m, 'Ann');
    const annPeer = connectPeer(s.wsBase, m.meetingId, ann.token);
    peers.push(annPeer);
    await synced(annPeer);
    const r = await api(s.url, 'DELETE', `/api/meetings/${m.meetingId}/participants/${ann.participantId}`, undefined, m.token);
    expect(r.status).toBe(200);
    expect(r.json.removedAt).toBe(clock);
    await waitFor(() => annPeer.closes.includes(CLOSE.forbidden), 'the close with 4403');
    expect(annPeer.provider.shouldConnect).toBe(false);
    const entry = participants(s.manager.room(m.meetingId)!.doc).get(ann.participantId) as { name: string; removedAt?: number };
    expect(entry).toMatchObject({ name: 'Ann', removedAt: clock });
    const refused = await ticket(s.url, m.meetingId, ann.token);
    expect(refused.status).toBe(403);
    expect(refused.error).toMatch(/removed/);
    expect(await upgrade(s, m.meetingId, `token=${ann.token}`)).toBe('HTTP 403');

    const dataDir = s.dataDir;
    await s.close();
    servers = [];
    const again = await start(dataDir);
    expect((await ticket(again.url, m.meetingId, ann.token)).status).toBe(403);
    expect((await ticket(again.url, m.meetingId, m.token)).status).toBe(201);
  });

  it('is for the facilitator only, never of themselves, and of someone who exists', async () => {
    const s = await start();
    const m = await createMeeting(s.url);
    const ann = await join(s.url, m, 'Ann');
    const path = (id: string) => `/api/meetings/${m.meetingId}/participants/${id}`;
    expect((await api(s.url, 'DELETE', path(m.participantId), undefined, ann.token)).status).toBe(403);
    expect((await api(s.url, 'DELETE', path(m.participantId), undefined, m.token)).status).toBe(400);
    expect((await api(s.url, 'DELETE', path('nobody'), undefined, m.token)).status).toBe(404);
    expect((await api(s.url, 'DELETE', path(ann.participantId))).status).toBe(401);
  });
});

describe('join codes', () => {
  it('only the facilitator reads them; a rotation stops the old link at once and keeps the other roles', async () => {
    const s = await start();
    const m = await createMeeting(s.url);
    const ann = await join(s.url, m, 'Ann');
    expect((await api(s.url, 'GET', `/api/meetings/${m.meetingId}/codes`, undefined, ann.token)).status).toBe(403);
    expect((await api(s.url, 'GET', `/api/meetings/${m.meetingId}/codes`, undefined, m.token)).json.codes).toEqual(m.codes);
    const r = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/codes`, { role: 'guest' }, m.token);
    expect(r.status).toBe(200);
    const codes = r.json.codes as Meeting['codes'];
    expect(codes.guest).not.toBe(m.codes.guest);
    expect({ ...codes, guest: m.codes.guest }).toEqual(m.codes);
    const old = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: 'Gil', code: m.codes.guest });
    expect(old.status).toBe(403);
    expect(old.json.field).toBe('code');
    expect((await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: 'Gil', code: codes.guest })).json.role).toBe('guest');
    const all = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/codes`, {}, m.token);
    for (const role of ['member', 'guest', 'observer'] as const) expect((all.json.codes as Meeting['codes'])[role]).not.toBe(codes[role]);
    expect((await api(s.url, 'POST', `/api/meetings/${m.meetingId}/codes`, { role: 'facilitator' }, m.token)).status).toBe(400);
  });
});

describe('a closed meeting', () => {
  it('[M3][DESIGN §5] takes no one new (409 with the reason) and no removal; its minutes stay as they were', async () => {
    const s = await start();
    const m = await createMeeting(s.url);
    const ann = await join(s.url, m, 'Ann');
    await closeMeeting(s, m);
    const before = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.json`, undefined, m.token);
    const late = await api(s.url, 'POST', `/api/meetings/${m.meetingId}/join`, { name: 'Late', code: m.codes.member });
    expect(late.status).toBe(409);
    expect(late.json.error).toMatch(/closed/);
    const removal = await api(s.url, 'DELETE', `/api/meetings/${m.meetingId}/participants/${ann.participantId}`, undefined, m.token);
    expect(removal.status).toBe(409);
    const after = await api(s.url, 'GET', `/api/meetings/${m.meetingId}/minutes.json`, undefined, m.token);
    expect(after.text).toBe(before.text);
    expect(after.text).not.toContain('Late');
  });
});
