// The circle routes: creation, reading, membership, links and roles, each refusal a sentence (CI1–CI8, CI13).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CircleView, PersonalLink, TransferLink } from '@consent/shared';
import { api, createMeeting, removeDir, startTestServer, type TestServer } from '../testing/harness.ts';
import { TRANSFER_TTL_MS } from './credentials.ts';
import { circleWith, type TestCircle } from './testing.ts';

const DAY = 24 * 3600 * 1000;
let clock = Date.parse('2026-06-01T10:00:00Z');
let s: TestServer;
let c: TestCircle;
const path = (rest = '') => `/api/circles/${c.circleId}${rest}`;
const as = (name: string) => c.who[name]!.credential;
const view = async (name: string) => (await api(s.url, 'GET', path(), undefined, as(name))).json as unknown as CircleView;

async function otherCircles(): Promise<string> {
  const other: TestCircle = await circleWith(s.url, []);
  return other.who.fay!.credential;
}
async function meetingToken(): Promise<string> {
  const m = await createMeeting(s.url);
  return m.token;
}
const noCredential = async (): Promise<string | undefined> => undefined;

beforeAll(async () => {
  s = await startTestServer({ tokenTtlDays: 30 }, { now: () => clock });
});
afterAll(async () => {
  await s?.close();
  if (s) removeDir(s.dataDir);
});
beforeEach(async () => {
  clock = Date.parse('2026-06-01T10:00:00Z');
  c = await circleWith(s.url, [
    ['Sam', 'member'],
    ['Gil', 'guest'],
  ]);
});

describe('creating and reading a circle', () => {
  it('[CI1] the founder is the first member and holds the facilitator role from today; the standard roles exist', async () => {
    const v = await view('fay');
    expect(v).toMatchObject({
      name: 'Garden circle',
      aim: 'Grow food together',
      domain: 'The beds',
      you: { name: 'Fay', role: 'member', facilitator: true },
    });
    expect(v.members.map((m) => [m.name, m.role, m.joinedAt !== null])).toEqual([
      ['Fay', 'member', true],
      ['Sam', 'member', true],
      ['Gil', 'guest', true],
    ]);
    expect(v.roles).toEqual([
      { name: 'facilitator', holderId: c.who.fay!.personId, termStart: '2026-06-01', termEnd: null },
      { name: 'secretary', holderId: null, termStart: null, termEnd: null },
      { name: 'leader', holderId: null, termStart: null, termEnd: null },
      { name: 'delegate', holderId: null, termStart: null, termEnd: null },
    ]);
    expect((await view('sam')).you).toMatchObject({ name: 'Sam', facilitator: false });
  });

  it.each([
    [{ circleName: '', facilitatorName: 'Fay' }, 'circleName', "The circle's name is missing: please fill it in."],
    [
      { circleName: 'G', facilitatorName: 'Fay', domain: 'x'.repeat(2001) },
      'domain',
      "The circle's domain is too long: at most 2000 characters.",
    ],
    [
      { circleName: 'G', facilitatorName: 'Fay', colour: 'red' },
      'colour',
      'This request has a field the server does not know ("colour"); reload the page and try again.',
    ],
  ])('[CI1] a bad circle is refused with a sentence naming the field (%#)', async (b, field, error) => {
    expect(await api(s.url, 'POST', '/api/circles', b)).toMatchObject({ status: 400, json: { field, error } });
  });

  it.each([
    ['an unknown circle', async () => as('fay'), '/api/circles/nope', 404, 'This circle does not exist'],
    ['no credential', noCredential, '', 401, 'This device has no access to the circle'],
    ['a forged credential', async () => `${as('fay').slice(0, -3)}abc`, '', 401, 'is not valid'],
    ['a meeting token (an observer’s, say)', meetingToken, '', 401, 'is not valid'],
    ['a credential of another circle', otherCircles, '', 403, 'for another circle'],
  ] as Array<[string, () => Promise<string | undefined>, string, number, string]>)(
    '[CI2][CI14] reading with %s is refused',
    async (_, credential, at, status, error) => {
      const res = await api(s.url, 'GET', at || path(), undefined, await credential());
      expect(res.status).toBe(status);
      expect(res.json.error).toContain(error);
    },
  );

  it('[CI2] a credential expires after TOKEN_TTL_DAYS', async () => {
    clock += 30 * DAY - 1000;
    expect((await api(s.url, 'GET', path(), undefined, as('sam'))).status).toBe(200);
    clock += 2000;
    expect(await api(s.url, 'GET', path(), undefined, as('sam'))).toMatchObject({
      status: 401,
      json: { error: expect.stringContaining('has expired') },
    });
  });
});

describe('membership', () => {
  const add = (by: string, b: unknown) => api(s.url, 'POST', path('/members'), b, as(by));
  const redeem = (code: string) => api(s.url, 'POST', path('/redeem'), { code });

  it.each([
    ['add members', (by: string) => add(by, { memberName: 'Ann', role: 'member' })],
    ['remove members', (by: string) => api(s.url, 'DELETE', path(`/members/${c.who.gil!.personId}`), undefined, as(by))],
    ['give personal links', (by: string) => api(s.url, 'POST', path(`/members/${c.who.gil!.personId}/link`), undefined, as(by))],
    ['change the circle’s roles', (by: string) => api(s.url, 'PUT', path('/roles/leader'), { holderId: null, termEnd: null }, as(by))],
    ['create the circle’s meetings', (by: string) => api(s.url, 'POST', path('/meetings'), {}, as(by))],
  ])('[CI4] only the circle’s facilitator may %s', async (what, call) => {
    for (const by of ['sam', 'gil'])
      expect(await call(by)).toMatchObject({ status: 403, json: { error: `Only the circle’s facilitator may ${what}.` } });
    expect((await call('fay')).status).toBeLessThan(300);
  });

  it('[CI5] a personal link opens once and joins the person; a new link replaces the old one', async () => {
    const first = (await add('fay', { memberName: 'Ann', role: 'member' })).json as unknown as PersonalLink;
    expect((await view('fay')).members.find((m) => m.name === 'Ann')).toMatchObject({ joinedAt: null, removedAt: null });
    const second = (await api(s.url, 'POST', path(`/members/${first.personId}/link`), undefined, as('fay')))
      .json as unknown as PersonalLink;
    expect(await redeem(first.code)).toMatchObject({
      status: 403,
      json: { field: 'code', error: expect.stringContaining('used already, replaced') },
    });
    const ann = await redeem(second.code);
    expect(ann).toMatchObject({ status: 200, json: { personId: first.personId, name: 'Ann' } });
    expect(await redeem(second.code)).toMatchObject({ status: 403 });
    expect((await api(s.url, 'GET', path(), undefined, String(ann.json.credential))).json).toMatchObject({
      you: { name: 'Ann', role: 'member' },
    });
    expect(await api(s.url, 'POST', '/api/circles/nope/redeem', { code: second.code })).toMatchObject({ status: 404 });
  });

  it('[CI3][CI6] a removed member’s credential is refused at once with 401 and a reason; their link no longer opens', async () => {
    const link = (await api(s.url, 'POST', path(`/members/${c.who.sam!.personId}/link`), undefined, as('fay')))
      .json as unknown as PersonalLink;
    clock = Date.parse('2026-06-03T08:00:00Z');
    expect(await api(s.url, 'DELETE', path(`/members/${c.who.sam!.personId}`), undefined, as('fay'))).toMatchObject({
      status: 200,
      json: { removedAt: clock },
    });
    const refused = await api(s.url, 'GET', path(), undefined, as('sam'));
    expect(refused).toMatchObject({
      status: 401,
      json: {
        error: 'The circle’s facilitator removed you from this circle on 2026-06-03: this device no longer opens it or its meetings.',
      },
    });
    expect((await redeem(link.code)).status).toBe(403);
    expect((await view('fay')).members.map((m) => [m.name, m.removedAt])).toEqual([
      ['Fay', null],
      ['Gil', null],
      ['Sam', clock],
    ]);
    expect(await api(s.url, 'DELETE', path(`/members/${c.who.fay!.personId}`), undefined, as('fay'))).toMatchObject({
      status: 409,
      json: { error: expect.stringContaining('cannot remove themselves') },
    });
    expect(await api(s.url, 'DELETE', path('/members/nobody'), undefined, as('fay'))).toMatchObject({ status: 404 });
  });

  it('[CI7] a transfer code gives another device the same member, once, for ten minutes', async () => {
    const t1 = (await api(s.url, 'POST', path('/transfer'), undefined, as('gil'))).json as unknown as TransferLink;
    expect(t1.expiresAt).toBe(clock + TRANSFER_TTL_MS);
    const phone = await redeem(t1.code);
    expect(phone).toMatchObject({ status: 200, json: { personId: c.who.gil!.personId, name: 'Gil' } });
    expect((await redeem(t1.code)).status).toBe(403);
    const t2 = (await api(s.url, 'POST', path('/transfer'), undefined, as('gil'))).json as unknown as TransferLink;
    clock += TRANSFER_TTL_MS;
    expect(await redeem(t2.code)).toMatchObject({ status: 403, json: { error: expect.stringContaining('expired') } });
    expect((await api(s.url, 'POST', path('/transfer'))).status).toBe(401);
  });
});

describe('roles', () => {
  const put = (role: string, b: unknown) => api(s.url, 'PUT', path(`/roles/${encodeURIComponent(role)}`), b, as('fay'));

  it('[CI8] the facilitator names a holder and a term; the circle may define roles of its own', async () => {
    expect(await put('Secretary', { holderId: c.who.sam!.personId, termEnd: '2027-05-31' })).toMatchObject({
      status: 200,
      json: { name: 'secretary', holderId: c.who.sam!.personId, termStart: '2026-06-01', termEnd: '2027-05-31' },
    });
    expect((await put('Treasurer', { holderId: c.who.gil!.personId, termStart: '2026-07-01', termEnd: null })).status).toBe(200);
    expect((await view('sam')).roles.map((r) => [r.name, r.holderId])).toEqual([
      ['facilitator', c.who.fay!.personId],
      ['secretary', c.who.sam!.personId],
      ['leader', null],
      ['delegate', null],
      ['Treasurer', c.who.gil!.personId],
    ]);
  });

  it.each([
    [{ holderId: null, termEnd: '2026-05-31' }, 400, 'The end of the term (2026-05-31) is in the past: choose today or a later day.'],
    [{ holderId: null, termStart: '2026-09-01', termEnd: '2026-08-01' }, 400, 'The end of the term comes before its start.'],
    [{ holderId: 'nobody', termEnd: null }, 400, 'The role holder must be a current member of the circle.'],
    [{ holderId: null, termEnd: '2026-5-1' }, 400, 'The end of the term is not in the expected form (an ISO date YYYY-MM-DD).'],
  ])('[CI8] a role change is refused with a sentence (%#)', async (b, status, error) => {
    expect(await put('leader', b)).toMatchObject({ status, json: { error } });
  });

  it('[CI8] the circle always has a facilitator; a removed member’s roles fall vacant', async () => {
    expect(await put('facilitator', { holderId: null, termEnd: null })).toMatchObject({ status: 409 });
    expect((await put('delegate', { holderId: c.who.gil!.personId, termEnd: null })).status).toBe(200);
    await api(s.url, 'DELETE', path(`/members/${c.who.gil!.personId}`), undefined, as('fay'));
    expect((await view('fay')).roles.find((r) => r.name === 'delegate')).toEqual({
      name: 'delegate',
      holderId: null,
      termStart: null,
      termEnd: null,
    });
  });

  it('[CI8] handing the facilitator role over moves the facilitator’s rights', async () => {
    expect((await put('facilitator', { holderId: c.who.sam!.personId, termEnd: '2027-01-01' })).status).toBe(200);
    expect((await view('sam')).you.facilitator).toBe(true);
    expect((await api(s.url, 'POST', path('/members'), { memberName: 'Ann', role: 'member' }, as('fay'))).status).toBe(403);
  });
});
