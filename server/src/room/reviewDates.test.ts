// [CI19] A review date in the past is refused by the server, with its own clock
// (the UTC day), over the wire from a stock y-websocket client; a later date lands,
// and a date already stored may stay when the rest of the term changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { addAgendaItem, movePhase, moveStage, pastReviewDate, setTerm, terms, touchedPaths } from '@consent/shared';
import { createMeeting, join, removeDir, startTestServer, writeOnce, type Meeting, type TestServer } from '../testing/harness.ts';

let s: TestServer;
let m: Meeting;
let ann = '';
const DAY = 86_400_000;
/** The server's clock runs ahead of the real one by `ahead` ms (tokens and tickets stay valid going forward). */
let ahead = 0;
const day = (offsetDays: number) => new Date(Date.now() + ahead + offsetDays * DAY).toISOString().slice(0, 10);
/** The server's clock set to the start of its current UTC day plus `ms`. */
const setDayTime = (ms: number) => {
  const now = Date.now() + ahead;
  ahead += now - (now % DAY) + ms - now;
};
const as = (token: string, write: (doc: Y.Doc) => void) => writeOnce(s.wsBase, m.meetingId, token, write);
const stored = () => terms(s.manager.room(m.meetingId)!.doc).get('i1') as { reviewDate: string | null; measure: string } | undefined;

beforeAll(async () => {
  s = await startTestServer({}, { now: () => Date.now() + ahead });
  m = await createMeeting(s.url, 'Garden circle', 'Fran');
  const a = await join(s.url, m, 'Ann', 'member');
  ann = a.token;
  for (const to of ['opening', 'agenda', 'items'] as const) expect(await as(m.token, (d) => movePhase(d, to))).toBeNull();
  expect(
    await as(m.token, (d) => addAgendaItem(d, { id: 'i1', title: 'Buy seeds', kind: 'consent', ownerId: a.participantId, timeboxMin: 20 })),
  ).toBeNull();
  for (const stage of ['present', 'clarify', 'react'] as const) expect(await as(m.token, (d) => moveStage(d, 'i1', stage))).toBeNull();
});
afterAll(async () => {
  await s?.close();
  if (s) removeDir(s.dataDir);
});

describe('[CI19] review dates on the server', () => {
  it('[CI19] a term with a review date before the server’s day is refused with the rule and a sentence; today lands', async () => {
    const yesterday = day(-1);
    const refused = await as(ann, (d) => setTerm(d, 'i1', { reviewDate: yesterday, measure: 'Seeds in by June' }));
    expect(refused).toMatchObject({ rule: 'CI19', reason: `The review date (${yesterday}) is in the past: choose today or a later day.` });
    expect(stored()).toBeUndefined();
    expect(await as(ann, (d) => setTerm(d, 'i1', { reviewDate: day(0), measure: 'Seeds in by June' }))).toBeNull();
    expect(stored()?.reviewDate).toBe(day(0));
  });

  it('[CI19] once the stored date has passed it may stay while the measure changes; a new past date is refused, a later one lands', async () => {
    const first = stored()!.reviewDate!;
    ahead += 19 * DAY;
    expect(await as(ann, (d) => setTerm(d, 'i1', { reviewDate: first, measure: 'Seeds in by July' }))).toBeNull();
    expect(stored()).toEqual({ reviewDate: first, measure: 'Seeds in by July' });
    const refused = await as(m.token, (d) => setTerm(d, 'i1', { reviewDate: day(-1), measure: 'Seeds in by July' }));
    expect(refused?.rule).toBe('CI19');
    expect(stored()?.reviewDate).toBe(first);
    expect(await as(m.token, (d) => setTerm(d, 'i1', { reviewDate: day(365), measure: 'Seeds in by July' }))).toBeNull();
    expect(stored()?.reviewDate).toBe(day(365));
  });

  it('[CI19] the day is the server’s UTC day: a minute before midnight UTC it is still today, a minute after it is past', async () => {
    ahead += DAY;
    setDayTime(DAY - 60_000);
    const late = day(0);
    expect(await as(m.token, (d) => setTerm(d, 'i1', { reviewDate: late, measure: '' }))).toBeNull();
    ahead += 2 * 60_000;
    expect(day(0) > late).toBe(true);
    expect(await as(m.token, (d) => setTerm(d, 'i1', { reviewDate: late, measure: 'changed' }))).toBeNull();
    expect(await as(m.token, (d) => setTerm(d, 'i1', { reviewDate: late, measure: '' }))).toBeNull();
    expect((await as(m.token, (d) => setTerm(d, 'i1', { reviewDate: day(-2), measure: '' })))?.rule).toBe('CI19');
  });
});

describe('[CI19] pastReviewDate (shared, pure)', () => {
  it('[CI19] a term without a review date, or a write elsewhere, is no refusal', async () => {
    const Yjs = await import('yjs');
    const doc = new Yjs.Doc();
    const probe = (write: (d: Y.Doc) => void) => {
      const other = new Yjs.Doc();
      other.on('update', (u: Uint8Array) => (last = u));
      let last: Uint8Array = new Uint8Array();
      write(other);
      return pastReviewDate(touchedPaths(doc, last), '2026-06-01');
    };
    expect(probe((d) => d.getMap('terms').set('i1', { reviewDate: null, measure: '' }))).toBeNull();
    expect(probe((d) => d.getMap('meta').set('title', '2020-01-01'))).toBeNull();
    expect(probe((d) => d.getMap('terms').set('i1', { reviewDate: '2026-05-01', measure: '' }))?.rule).toBe('CI19');
  });
});
