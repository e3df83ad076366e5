import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addActionItem,
  addAgendaItem,
  addBacklogEntry,
  movePhase,
  proposalPlainText,
  readMeeting,
  type CircleBacklogItem,
  type EnteredMeeting,
  type MeetingOffers,
  type RegisterPage,
} from '@consent/shared';
import { api, connectPeer, removeDir, startTestServer, synced, waitFor, writeOnce, type TestServer } from '../testing/harness.ts';
import { decideItem, type Seat } from './registerFlow.ts';
import { circleWith, type TestCircle } from './testing.ts';

let s: TestServer;
let c: TestCircle;
const as = (name: string) => c.who[name]!.credential;
const pid = (name: string) => c.who[name]!.personId;
const path = (rest = '') => `/api/circles/${c.circleId}${rest}`;
const today = () => new Date().toISOString().slice(0, 10);
const register = async (q = '') => (await api(s.url, 'GET', path(`/register${q}`), undefined, as('sam'))).json as unknown as RegisterPage;
let m1: EnteredMeeting;
let m2: EnteredMeeting;
let seats1: Seat[];
const POLICY = 'Tools go back to the shed by sunset.';

async function seatsOf(meeting: EnteredMeeting): Promise<Seat[]> {
  const out: Seat[] = [{ personId: pid('fay'), token: meeting.token }];
  for (const name of ['sam', 'ria']) {
    const entered = await api(s.url, 'POST', path(`/meetings/${meeting.meetingId}/enter`), undefined, as(name));
    out.push({ personId: pid(name), token: String(entered.json.token) });
  }
  return out;
}
const write = async (meeting: EnteredMeeting, token: string, change: (d: Y.Doc) => void) =>
  expect(await writeOnce(s.wsBase, meeting.meetingId, token, change)).toBeNull();
const toItems = async (meeting: EnteredMeeting) => {
  for (const to of ['opening', 'agenda', 'items'] as const) await write(meeting, meeting.token, (d) => movePhase(d, to));
};

beforeAll(async () => {
  s = await startTestServer();
  c = await circleWith(s.url, [
    ['Sam', 'member'],
    ['Ria', 'member'],
    ['Gil', 'guest'],
  ]);
  m1 = (await api(s.url, 'POST', path('/meetings'), { title: 'June' }, as('fay'))).json as unknown as EnteredMeeting;
  seats1 = await seatsOf(m1);
  await toItems(m1);
  await write(m1, m1.token, (d) =>
    addAgendaItem(d, { id: 'rule', title: 'Shed rule', kind: 'consent', ownerId: pid('fay'), timeboxMin: 10 }),
  );
  await decideItem(s.wsBase, m1.meetingId, seats1, 'rule', {
    text: POLICY,
    term: { reviewDate: today(), measure: 'No tool missing in the morning.' },
    concern: { by: 1, text: 'Sunset is early in winter.' },
  });
});
afterAll(async () => {
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('the decision register', () => {
  it('[CI16] a decided item of a circle’s meeting becomes a register entry with its text, revision, consent record, meeting and term', async () => {
    await waitFor(async () => (await register()).total === 1, 'the register entry');
    const [e] = (await register()).entries;
    expect(e).toMatchObject({
      id: `${m1.meetingId}~rule`,
      title: 'Shed rule',
      markdown: POLICY,
      text: POLICY,
      meetingId: m1.meetingId,
      meetingTitle: 'June',
      reviewDate: today(),
      measure: 'No tool missing in the morning.',
      reviewDue: true,
      supersedes: null,
      supersededBy: null,
      history: [],
      decidedBy: { participantId: pid('fay'), name: 'Fay' },
    });
    expect(e!.revision).toMatch(/^[0-9a-f]{16}$/);
    expect(e!.consent.consented.map((p) => p.name).sort()).toEqual(['Fay', 'Ria']);
    expect(e!.consent.concerns).toEqual([{ participantId: pid('sam'), name: 'Sam', text: 'Sunset is early in winter.' }]);
    expect(Math.abs(e!.decidedAt - Date.now())).toBeLessThan(60_000);
  });

  it('[CI17] closing the meeting writes every decision again, and a second write of an entry adds nothing', async () => {
    await write(m1, m1.token, (d) => movePhase(d, 'closing'));
    await write(m1, m1.token, (d) => movePhase(d, 'closed'));
    expect((await register()).total).toBe(1);
    const stored = await s.storage.circles.records.getDecision(`${m1.meetingId}~rule`);
    expect(await s.storage.circles.records.addDecision(stored!)).toBe(false);
  });

  it('[CI18] search by text, case-insensitive and literal; a stranger’s or an observer’s token reads nothing', async () => {
    expect((await register('?q=SUNSET')).total).toBe(1);
    expect((await register('?q=100%25')).total).toBe(0);
    expect((await register('?q=kettle')).entries).toEqual([]);
    expect((await api(s.url, 'GET', path('/register'), undefined, m1.token)).status).toBe(401);
    expect((await api(s.url, 'GET', path('/register'))).status).toBe(401);
  });
});

describe('offers, reviews and the backlog', () => {
  let backlogId = '';
  it('[CI24] a member proposes a backlog item between meetings; a guest is told to ask a member', async () => {
    const made = await api(s.url, 'POST', path('/backlog'), { title: 'Paint the shed', text: 'Before the rain.' }, as('ria'));
    expect(made.status).toBe(201);
    backlogId = String(made.json.id);
    const guest = await api(s.url, 'POST', path('/backlog'), { title: 'X' }, as('gil'));
    expect(guest).toMatchObject({ status: 403, json: { error: expect.stringContaining('members propose') } });
    expect((await api(s.url, 'POST', path('/backlog'), { title: '  ' }, as('ria'))).status).toBe(400);
  });

  it('[CI21][CI22] the facilitator is offered the due review, a role whose term ends soon and the backlog', async () => {
    const soon = new Date(Date.now() + 10 * 864e5).toISOString().slice(0, 10);
    expect((await api(s.url, 'PUT', path('/roles/secretary'), { holderId: pid('ria'), termEnd: soon }, as('fay'))).status).toBe(200);
    const offers = (await api(s.url, 'GET', path('/offers'), undefined, as('fay'))).json as unknown as MeetingOffers;
    expect(offers.reviews).toEqual([{ entryId: `${m1.meetingId}~rule`, title: 'Shed rule', reviewDate: today() }]);
    expect(offers.terms).toEqual([{ roleName: 'secretary', holderId: pid('ria'), holderName: 'Ria', termEnd: soon }]);
    expect(offers.backlog.map((b) => b.title)).toEqual(['Paint the shed']);
    expect((await api(s.url, 'GET', path('/offers'), undefined, as('sam'))).status).toBe(403);
  });

  it('[CI23][CI25] the chosen offers become agenda items: the review starts from the text in force, and the backlog item leaves the backlog', async () => {
    const bad = await api(s.url, 'POST', path('/meetings'), { reviews: ['nope'] }, as('fay'));
    expect(bad).toMatchObject({ status: 409, json: { error: expect.stringContaining('no longer offered') } });
    const made = await api(
      s.url,
      'POST',
      path('/meetings'),
      { title: 'July', reviews: [`${m1.meetingId}~rule`], terms: ['Secretary'], backlog: [backlogId] },
      as('fay'),
    );
    expect(made.status).toBe(201);
    m2 = made.json as unknown as EnteredMeeting;
    const peer = connectPeer(s.wsBase, m2.meetingId, m2.token);
    await synced(peer);
    const m = readMeeting(peer.doc).meeting;
    peer.destroy();
    expect(m.agenda.map((i) => [i.title, i.kind, i.roleName ?? null])).toEqual([
      ['Review: Shed rule', 'consent', null],
      ['Selection: secretary', 'selection', 'secretary'],
      ['Paint the shed', 'consent', null],
    ]);
    expect(proposalPlainText(m.proposals[m.agenda[0]!.id]!.nodes)).toBe(POLICY);
    expect(proposalPlainText(m.proposals[m.agenda[2]!.id]!.nodes)).toBe('Before the rain.');
    const backlog = (await api(s.url, 'GET', path('/backlog'), undefined, as('sam'))).json as { backlog: CircleBacklogItem[] };
    expect(backlog.backlog).toEqual([]);
  });

  it('[CI23] deciding the review supersedes the old entry: the register lists the new one with its history', async () => {
    const seats = await seatsOf(m2);
    await toItems(m2);
    const peer = connectPeer(s.wsBase, m2.meetingId, m2.token);
    await synced(peer);
    const reviewId = readMeeting(peer.doc).meeting.agenda[0]!.id;
    peer.destroy();
    const later = new Date(Date.now() + 365 * 864e5).toISOString().slice(0, 10);
    await decideItem(s.wsBase, m2.meetingId, seats, reviewId, {
      text: 'In winter, by 17:00.',
      term: { reviewDate: later, measure: 'No tool missing.' },
    });
    await waitFor(async () => (await register()).entries[0]?.id === `${m2.meetingId}~${reviewId}`, 'the revised entry');
    const page = await register();
    expect(page.total).toBe(1);
    expect(page.entries[0]).toMatchObject({
      title: 'Shed rule',
      supersedes: `${m1.meetingId}~rule`,
      reviewDue: false,
      text: `${POLICY}\nIn winter, by 17:00.`,
    });
    expect(page.entries[0]!.history.map((h) => [h.id, h.supersededBy])).toEqual([[`${m1.meetingId}~rule`, `${m2.meetingId}~${reviewId}`]]);
    const offers = (await api(s.url, 'GET', path('/offers'), undefined, as('fay'))).json as unknown as MeetingOffers;
    expect(offers.reviews).toEqual([]);
  });

  it('[CI25][CI27] a closing meeting hands its backlog on once; action items are listed until done', async () => {
    await write(m2, m2.token, (d) => addBacklogEntry(d, 'b1', { title: 'Buy oil', text: '', by: pid('fay'), now: Date.now() }));
    const itemId = await (async () => {
      const p = connectPeer(s.wsBase, m2.meetingId, m2.token);
      await synced(p);
      const id = readMeeting(p.doc).meeting.agenda[0]!.id;
      p.destroy();
      return id;
    })();
    await write(m2, m2.token, (d) =>
      addActionItem(d, 'a1', { itemId, text: 'Print the rule', assigneeId: pid('sam'), due: null, by: pid('fay'), now: Date.now() }),
    );
    const actions = (await api(s.url, 'GET', path('/actions'), undefined, as('ria'))).json as {
      actions: { text: string; assignee: { name: string } }[];
    };
    expect(actions.actions.map((a) => [a.text, a.assignee.name])).toEqual([['Print the rule', 'Sam']]);
    await write(m2, m2.token, (d) => movePhase(d, 'closing'));
    await write(m2, m2.token, (d) => movePhase(d, 'closed'));
    const titles = async () =>
      ((await api(s.url, 'GET', path('/backlog'), undefined, as('sam'))).json as { backlog: CircleBacklogItem[] }).backlog.map((b) => [
        b.title,
        b.source,
        b.meetingId,
      ]);
    await waitFor(async () => (await titles()).length > 0, 'the handed-on backlog');
    expect(await titles()).toEqual([['Buy oil', 'proposed', m2.meetingId]]);
  });
});
