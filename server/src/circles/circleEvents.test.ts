// [CI31] The circle page's live stream: a member's page is told what changed as
// the server writes it; non-members are refused; a removed member's stream ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAgendaItem, movePhase, type EnteredMeeting } from '@consent/shared';
import { api, removeDir, startTestServer, waitFor, writeOnce, type TestServer } from '../testing/harness.ts';
import { CircleEvents } from './CircleEvents.ts';
import { openCircleEvents, sawChange, type OpenStream } from './eventStream.ts';
import { decideItem, type Seat } from './registerFlow.ts';
import { circleWith, type TestCircle } from './testing.ts';

let s: TestServer;
let c: TestCircle;
const as = (name: string) => c.who[name]!.credential;
const pid = (name: string) => c.who[name]!.personId;
const path = (rest = '') => `/api/circles/${c.circleId}${rest}`;
const streams: OpenStream[] = [];
const open = async (name?: string, circleId = c.circleId) => {
  const st = await openCircleEvents(s.url, circleId, name ? as(name) : undefined);
  streams.push(st);
  if (st.status === 200) await waitFor(() => st.events.some((e) => e.event === 'ready'), 'the stream is ready', 5000);
  return st;
};

beforeAll(async () => {
  s = await startTestServer();
  c = await circleWith(s.url, [
    ['Sam', 'member'],
    ['Ria', 'member'],
  ]);
});
afterAll(async () => {
  for (const st of streams) st.hangUp();
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('[CI31] the circle page live', () => {
  it('[CI31] a decision in a meeting of the circle pushes `changed` with `register` to an open stream', async () => {
    const live = await open('sam');
    const m = (await api(s.url, 'POST', path('/meetings'), { title: 'June' }, as('fay'))).json as unknown as EnteredMeeting;
    await waitFor(() => sawChange(live, 'meetings'), 'the new meeting pushed', 5000);
    const seats: Seat[] = [{ personId: pid('fay'), token: m.token }];
    for (const name of ['sam', 'ria']) {
      const entered = await api(s.url, 'POST', path(`/meetings/${m.meetingId}/enter`), undefined, as(name));
      seats.push({ personId: pid(name), token: String(entered.json.token) });
    }
    for (const to of ['opening', 'agenda', 'items'] as const)
      expect(await writeOnce(s.wsBase, m.meetingId, m.token, (d) => movePhase(d, to))).toBeNull();
    expect(
      await writeOnce(s.wsBase, m.meetingId, m.token, (d) =>
        addAgendaItem(d, { id: 'rule', title: 'Shed rule', kind: 'consent', ownerId: pid('fay'), timeboxMin: 10 }),
      ),
    ).toBeNull();
    expect(sawChange(live, 'register')).toBe(false);
    await decideItem(s.wsBase, m.meetingId, seats, 'rule', {
      text: 'Tools back by sunset.',
      term: { reviewDate: '2099-01-01', measure: 'none missing' },
    });
    await waitFor(() => sawChange(live, 'register'), 'a `changed` event with `register`', 5000);
    await waitFor(() => sawChange(live, 'actions'), 'a `changed` event with `actions`', 5000);
    expect(live.closed).toBe(false);
  });

  it('[CI31] role, backlog and member changes made through the API are pushed too', async () => {
    const live = await open('ria');
    expect((await api(s.url, 'PUT', path('/roles/secretary'), { holderId: pid('sam'), termEnd: null }, as('fay'))).status).toBe(200);
    await waitFor(() => sawChange(live, 'roles'), 'roles pushed', 5000);
    expect((await api(s.url, 'POST', path('/backlog'), { title: 'Compost bins', text: '' }, as('sam'))).status).toBe(201);
    await waitFor(() => sawChange(live, 'backlog'), 'backlog pushed', 5000);
    expect((await api(s.url, 'POST', path('/members'), { memberName: 'Nia', role: 'member' }, as('fay'))).status).toBe(201);
    await waitFor(() => sawChange(live, 'members'), 'members pushed', 5000);
  });

  it('[CI31][CI2] a stream opens for members only: no credential is 401, another circle’s is 403, an unknown circle 404', async () => {
    const other = await circleWith(s.url, []);
    const none = await open(undefined);
    expect(none.status).toBe(401);
    const stranger = await openCircleEvents(s.url, c.circleId, other.who.fay!.credential);
    expect(stranger.status).toBe(403);
    expect(stranger.error).toMatch(/another circle/);
    expect((await open('sam', 'no-such-circle')).status).toBe(404);
  });

  it('[CI31][CI3] a removed member’s stream ends with the reason, and a new one is refused with it', async () => {
    const gone = await open('ria');
    const stays = await open('sam');
    expect((await api(s.url, 'DELETE', path(`/members/${pid('ria')}`), undefined, as('fay'))).status).toBe(200);
    await waitFor(() => gone.closed, 'the removed member’s stream closed', 5000);
    const last = gone.events.at(-1)!;
    expect(last.event).toBe('ended');
    expect((last.data as { reason: string }).reason).toMatch(/removed you from this circle/);
    await waitFor(() => sawChange(stays, 'members'), 'the others see the member list change', 5000);
    expect(stays.closed).toBe(false);
    const again = await openCircleEvents(s.url, c.circleId, as('ria'));
    expect(again.status).toBe(401);
    expect(again.error).toMatch(/removed you from this circle/);
  });

  it('[CI31] a stream that hangs up stops being watched', async () => {
    const before = s.circleEvents.size;
    const live = await open('sam');
    expect(s.circleEvents.size).toBe(before + 1);
    live.hangUp();
    await waitFor(() => s.circleEvents.size === before, 'the listener cleaned up', 5000);
  });
});

describe('[CI31] limits on live streams', () => {
  it('[CI31] a circle and an address take a bounded number of streams', () => {
    const hub = new CircleEvents({ perCircle: 2, perAddress: 3 });
    const quiet = { changed() {}, end() {} };
    expect('stop' in hub.watch('a', 'p', '1.1.1.1', quiet)).toBe(true);
    const second = hub.watch('a', 'q', '2.2.2.2', quiet);
    expect('refused' in hub.watch('a', 'r', '3.3.3.3', quiet)).toBe(true);
    if ('stop' in second) second.stop();
    expect('stop' in hub.watch('a', 'r', '3.3.3.3', quiet)).toBe(true);
    expect('stop' in hub.watch('b', 'p', '1.1.1.1', quiet)).toBe(true);
    expect('stop' in hub.watch('c', 'p', '1.1.1.1', quiet)).toBe(true);
    const over = hub.watch('d', 'p', '1.1.1.1', quiet);
    expect('refused' in over && over.refused).toMatch(/address/);
  });
});
