// A circle's trends, calendar feed and register export over HTTP, and who may
// read them (CI20, CI26, CI28, CI29).
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addAgendaItem,
  addEvaluation,
  movePhase,
  REGISTER_CSV_COLUMNS,
  type EnteredMeeting,
  type MeetingTrend,
  type RegisterJson,
} from '@consent/shared';
import { api, removeDir, startTestServer, writeOnce, waitFor, type TestServer } from '../testing/harness.ts';
import { decideItem, type Seat } from './registerFlow.ts';
import { circleWith, type TestCircle } from './testing.ts';

let s: TestServer;
let c: TestCircle;
let m: EnteredMeeting;
const as = (name: string) => c.who[name]!.credential;
const pid = (name: string) => c.who[name]!.personId;
const path = (rest = '') => `/api/circles/${c.circleId}${rest}`;
const REVIEW = '2031-03-01';

beforeAll(async () => {
  s = await startTestServer();
  c = await circleWith(s.url, [['Sam', 'member']]);
  m = (await api(s.url, 'POST', path('/meetings'), { title: 'March' }, as('fay'))).json as unknown as EnteredMeeting;
  const sam = String((await api(s.url, 'POST', path(`/meetings/${m.meetingId}/enter`), undefined, as('sam'))).json.token);
  const seats: Seat[] = [
    { personId: pid('fay'), token: m.token },
    { personId: pid('sam'), token: sam },
  ];
  const w = async (token: string, f: Parameters<typeof writeOnce>[3]) =>
    expect(await writeOnce(s.wsBase, m.meetingId, token, f)).toBeNull();
  for (const to of ['opening', 'agenda', 'items'] as const) await w(m.token, (d) => movePhase(d, to));
  await w(m.token, (d) =>
    addAgendaItem(d, { id: 'p', title: 'Lending, "fair" = first come', kind: 'consent', ownerId: pid('fay'), timeboxMin: 10 }),
  );
  await decideItem(s.wsBase, m.meetingId, seats, 'p', { text: 'First come, first served.', term: { reviewDate: REVIEW, measure: '' } });
  await w(m.token, (d) => movePhase(d, 'closing'));
  await w(sam, (d) => addEvaluation(d, pid('sam'), { ratings: { timekeeping: 4, clarity: 5 }, comment: '' }));
  await w(m.token, (d) => addEvaluation(d, pid('fay'), { ratings: { timekeeping: 2 }, comment: '' }));
  await waitFor(async () => (await s.storage.circles.records.allDecisions(c.circleId)).length === 1, 'the register entry');
});
afterAll(async () => {
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('trends, calendar and export', () => {
  it('[CI28] the trends give each meeting its mean rating per criterion and its integrated objections', async () => {
    const t = (await api(s.url, 'GET', path('/trends'), undefined, as('sam'))).json as { meetings: MeetingTrend[] };
    expect(t.meetings).toEqual([
      expect.objectContaining({
        meetingId: m.meetingId,
        title: 'March',
        ratings: { timekeeping: 3, equivalence: null, clarity: 5, effectiveness: null },
        objectionsIntegrated: 0,
      }),
    ]);
  });

  it('[CI29] the feed parses as iCalendar and lists the meeting and the review date; rotating the address revokes the old one', async () => {
    const { url } = (await api(s.url, 'GET', path('/calendar'), undefined, as('sam'))).json as { url: string };
    const feed = await fetch(url);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(await feed.text()));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const review = events.find((e) => e.summary === 'Review: Lending, "fair" = first come');
    expect(review?.startDate.toString()).toBe(REVIEW);
    expect(review?.startDate.isDate).toBe(true);
    expect(events.some((e) => e.summary === 'March')).toBe(true);
    expect((await api(s.url, 'POST', path('/calendar/rotate'), undefined, as('sam'))).status).toBe(403);
    const rotated = (await api(s.url, 'POST', path('/calendar/rotate'), undefined, as('fay'))).json as { url: string };
    expect(rotated.url).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(rotated.url)).status).toBe(200);
    expect((await fetch(url.replace(/[^/]+\.ics$/, 'x.ics'))).status).toBe(404);
  });

  it('[CI26] the register downloads as Markdown, CSV and JSON', async () => {
    const json = await api(s.url, 'GET', path('/register/export?format=json'), undefined, as('sam'));
    expect(json.headers.get('content-disposition')).toMatch(/attachment; filename=".*-register\.json"/);
    const body = json.json as unknown as RegisterJson;
    expect(body).toMatchObject({ format: 'consent-board-register/1', circle: { id: c.circleId, name: 'Garden circle' } });
    expect(body.entries.map((e) => [e.title, e.reviewDate, e.text])).toEqual([
      ['Lending, "fair" = first come', REVIEW, 'First come, first served.'],
    ]);
    const csv = (await api(s.url, 'GET', path('/register/export?format=csv'), undefined, as('sam'))).text;
    expect(csv.split('\r\n')[0]).toBe(REGISTER_CSV_COLUMNS.join(','));
    expect(csv).toContain('"Lending, ""fair"" = first come"');
    const md = (await api(s.url, 'GET', path('/register/export?format=md'), undefined, as('sam'))).text;
    expect(md).toContain('## Lending, "fair" = first come');
    expect(md).toContain(`- Review date: ${REVIEW}`);
    expect((await api(s.url, 'GET', path('/register/export?format=pdf'), undefined, as('sam'))).status).toBe(400);
  });

  it('[CI20] only the circle’s members read its memory: no credential, another circle’s credential and a meeting token are refused', async () => {
    const other = await circleWith(s.url, []);
    for (const rest of ['/register', '/register/export', '/backlog', '/actions', '/trends', '/calendar']) {
      expect((await api(s.url, 'GET', path(rest))).status).toBe(401);
      expect((await api(s.url, 'GET', path(rest), undefined, other.who.fay!.credential)).status).toBe(403);
      expect((await api(s.url, 'GET', path(rest), undefined, m.token)).status).toBe(401);
    }
  });
});
