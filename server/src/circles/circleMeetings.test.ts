// Meetings of a circle over HTTP and the wire: created from the circle's roles and
// members, entered with a circle credential, left on removal, and a decided
// selection updating the circle's role (CI9–CI14).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  addAgendaItem,
  givePosition,
  movePhase,
  moveStage,
  openRound,
  proposeCandidate,
  readMeeting,
  recordDecision,
  setSelectionTerms,
  type CircleView,
  type EnteredMeeting,
} from '@consent/shared';
import {
  api,
  connectPeer,
  createMeeting,
  join,
  removeDir,
  startTestServer,
  synced,
  waitFor,
  writeOnce,
  type Peer,
  type TestServer,
} from '../testing/harness.ts';
import { circleWith, type TestCircle } from './testing.ts';

let s: TestServer;
let c: TestCircle;
let first: EnteredMeeting;
const as = (name: string) => c.who[name]!.credential;
const id = (name: string) => c.who[name]!.personId;
const path = (rest = '') => `/api/circles/${c.circleId}${rest}`;
const enter = (name: string, meetingId = first.meetingId) => api(s.url, 'POST', path(`/meetings/${meetingId}/enter`), undefined, as(name));
const peers: Peer[] = [];
const watch = async (token: string, meetingId = first.meetingId) => {
  const p = connectPeer(s.wsBase, meetingId, token);
  peers.push(p);
  await synced(p);
  return p;
};

beforeAll(async () => {
  s = await startTestServer();
  c = await circleWith(s.url, [
    ['Sam', 'member'],
    ['Ria', 'member'],
    ['Gil', 'guest'],
  ]);
  await api(s.url, 'PUT', path('/roles/secretary'), { holderId: id('ria'), termEnd: null }, as('fay'));
  const created = await api(s.url, 'POST', path('/meetings'), { title: 'June meeting' }, as('fay'));
  expect(created.status).toBe(201);
  first = created.json as unknown as EnteredMeeting;
});
afterAll(async () => {
  for (const p of peers) p.destroy();
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('meetings of a circle', () => {
  it('[CI11] the meeting takes its facilitator, secretary, title, circle and aim from the circle, and seats its members not yet present', async () => {
    expect(first).toMatchObject({ participantId: id('fay'), role: 'facilitator', title: 'June meeting' });
    const m = readMeeting((await watch(first.token)).doc).meeting;
    expect(m.meta).toMatchObject({
      title: 'June meeting',
      circle: 'Garden circle',
      aim: 'Grow food together',
      facilitatorId: id('fay'),
      secretaryId: id('ria'),
    });
    expect(
      Object.entries(m.participants)
        .map(([pid, p]) => [pid, p.name, p.role, p.present])
        .sort(),
    ).toEqual(
      [
        [id('fay'), 'Fay', 'member', true],
        [id('sam'), 'Sam', 'member', false],
        [id('ria'), 'Ria', 'member', false],
        [id('gil'), 'Gil', 'guest', false],
      ].sort(),
    );
  });

  it('[CI10] members list the circle’s meetings, newest first; a one-off meeting stays outside', async () => {
    await createMeeting(s.url, 'One-off');
    const second = (await api(s.url, 'POST', path('/meetings'), {}, as('fay'))).json as unknown as EnteredMeeting;
    expect(second.title).toMatch(/^Garden circle · \d{4}-\d{2}-\d{2}$/);
    const list = await api(s.url, 'GET', path('/meetings'), undefined, as('gil'));
    expect((list.json as { meetings: { meetingId: string }[] }).meetings.map((m) => m.meetingId)).toEqual([
      second.meetingId,
      first.meetingId,
    ]);
    expect((await api(s.url, 'GET', path('/meetings'))).status).toBe(401);
  });

  it('[CI12] a member enters with their identity and role, without joining again, and arrives; entering again changes nothing', async () => {
    const sam = await enter('sam');
    expect(sam).toMatchObject({
      status: 200,
      json: { meetingId: first.meetingId, participantId: id('sam'), role: 'member', title: 'June meeting' },
    });
    const gil = await enter('gil');
    expect(gil.json).toMatchObject({ participantId: id('gil'), role: 'guest' });
    const peer = await watch(String(sam.json.token));
    await waitFor(() => readMeeting(peer.doc).meeting.participants[id('gil')]?.present === true, 'Gil arrives');
    expect(readMeeting(peer.doc).meeting.participants[id('sam')]).toMatchObject({ name: 'Sam', role: 'member', present: true });
    expect((await enter('sam')).status).toBe(200);
    const joins = readMeeting(peer.doc).meeting.log.filter((e) => e.type === 'join' && e.actorId === id('sam'));
    expect(joins).toHaveLength(1);
    expect((await enter('fay')).json).toMatchObject({ role: 'facilitator' });
  });

  it('[CI12] a meeting of another circle, or a one-off meeting, is not entered with this circle’s credential', async () => {
    const solo = await createMeeting(s.url, 'One-off');
    expect(await enter('sam', solo.meetingId)).toMatchObject({
      status: 404,
      json: { error: 'This meeting is not one of this circle’s meetings.' },
    });
    const other = await circleWith(s.url, []);
    const theirs = (await api(s.url, 'POST', `/api/circles/${other.circleId}/meetings`, {}, other.who.fay!.credential))
      .json as unknown as EnteredMeeting;
    expect((await enter('sam', theirs.meetingId)).status).toBe(404);
  });

  it('[CI14] an observer of a circle meeting sees nothing of the circle: no circle id in the document, and the circle routes refuse their token', async () => {
    const codes = await api(s.url, 'GET', `/api/meetings/${first.meetingId}/codes`, undefined, first.token);
    const otto = await join(s.url, { ...first, role: 'facilitator', codes: (codes.json as { codes: never }).codes }, 'Otto', 'observer');
    const peer = await watch(otto.token);
    expect(JSON.stringify(peer.doc.toJSON())).not.toContain(c.circleId);
    for (const [method, at] of [
      ['GET', path()],
      ['GET', path('/meetings')],
      ['POST', path(`/meetings/${first.meetingId}/enter`)],
    ] as const) {
      expect((await api(s.url, method, at, undefined, otto.token)).status).toBe(401);
    }
  });

  it('[CI9] a selection decided in a meeting of the circle gives the circle’s role its holder and term', async () => {
    const tokens: Record<string, string> = { fay: first.token };
    for (const name of ['sam', 'ria']) tokens[name] = String((await enter(name)).json.token);
    const w = (name: string, write: (d: Y.Doc) => void) => writeOnce(s.wsBase, first.meetingId, tokens[name]!, write);
    const now = Date.now();
    for (const to of ['opening', 'agenda', 'items'] as const) expect(await w('fay', (d) => movePhase(d, to))).toBeNull();
    expect(
      await w('fay', (d) => addAgendaItem(d, { id: 's1', title: 'Choose a delegate', kind: 'selection', ownerId: null, timeboxMin: 20 })),
    ).toBeNull();
    expect(await w('fay', (d) => moveStage(d, 's1', 'present'))).toBeNull();
    expect(await w('fay', (d) => setSelectionTerms(d, 's1', { roleName: 'Delegate', termEnd: '2030-06-30' }))).toBeNull();
    for (const stage of ['clarify', 'react'] as const) expect(await w('fay', (d) => moveStage(d, 's1', stage))).toBeNull();
    expect(await w('fay', (d) => proposeCandidate(d, 's1', id('ria'), 'Ria as delegate until 2030-06-30'))).toBeNull();
    expect(await w('fay', (d) => moveStage(d, 's1', 'consent'))).toBeNull();
    expect(await w('fay', (d) => openRound(d, 's1', { kind: 'consent', order: [id('fay')], now }))).toBeNull();
    for (const name of ['fay', 'sam', 'ria']) expect(await w(name, (d) => givePosition(d, 's1', id(name), 'consent', now))).toBeNull();
    expect(await w('fay', (d) => recordDecision(d, 's1'))).toBeNull();
    const delegate = async () =>
      ((await api(s.url, 'GET', path(), undefined, as('sam'))).json as unknown as CircleView).roles.find((r) => r.name === 'delegate');
    await waitFor(async () => (await delegate())?.holderId === id('ria'), 'the circle’s delegate');
    expect(await delegate()).toEqual({
      name: 'delegate',
      holderId: id('ria'),
      termStart: new Date().toISOString().slice(0, 10),
      termEnd: '2030-06-30',
    });
  });

  it('[CI6] removing a member from the circle removes them from its open meetings and refuses their entry', async () => {
    const gilToken = String((await enter('gil')).json.token);
    expect((await api(s.url, 'POST', `/api/meetings/${first.meetingId}/tickets`, undefined, gilToken)).status).toBe(201);
    expect((await api(s.url, 'DELETE', path(`/members/${id('gil')}`), undefined, as('fay'))).status).toBe(200);
    expect((await api(s.url, 'POST', `/api/meetings/${first.meetingId}/tickets`, undefined, gilToken)).status).toBe(403);
    expect(await enter('gil')).toMatchObject({ status: 401, json: { error: expect.stringContaining('removed you from this circle') } });
  });
});

describe('rate of new circles', () => {
  it('[CI13] creating circles shares the per-address rate of creating meetings', async () => {
    const limited = await startTestServer({ meetingsPerMinute: 2 });
    try {
      const b = { circleName: 'G', facilitatorName: 'F' };
      expect((await api(limited.url, 'POST', '/api/circles', b)).status).toBe(201);
      expect((await api(limited.url, 'POST', '/api/meetings', { title: 'T', facilitatorName: 'F' })).status).toBe(201);
      const third = await api(limited.url, 'POST', '/api/circles', b);
      expect(third.status).toBe(429);
      expect(third.json.error).toContain('Too many new circles and meetings');
    } finally {
      await limited.close();
      removeDir(limited.dataDir);
    }
  });
});
