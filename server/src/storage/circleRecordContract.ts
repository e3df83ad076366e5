// The behaviour every CircleRecordStorage must show (docs/circles.md, CI16–CI30):
// the register (idempotent, superseding, listed review-due first, searched), the
// circle's backlog and the calendar feed's version.
import { afterEach, describe, expect, it } from 'vitest';
import type { RegisterEntry } from '@consent/shared';
import { circle, person } from './circleContract.ts';
import type { Storage } from './Storage.ts';
import type { StorageHarness } from './contract.ts';

const T = 1_700_000_000_000;
export const entry = (meetingId: string, itemId: string, over: Partial<RegisterEntry> = {}): RegisterEntry => ({
  id: `${meetingId}~${itemId}`,
  circleId: 'c1',
  meetingId,
  meetingTitle: `Meeting ${meetingId}`,
  itemId,
  title: `Policy ${itemId}`,
  markdown: `Text of ${itemId}`,
  text: `Text of ${itemId}`,
  revision: '0123456789abcdef',
  decidedAt: T,
  decidedBy: { participantId: 'fay', name: 'FAY' },
  reviewDate: null,
  measure: null,
  consent: { consented: [{ participantId: 'fay', name: 'FAY' }], concerns: [], objections: [] },
  supersedes: null,
  supersededBy: null,
  ...over,
});
const backlogItem = (id: string, over: object = {}) => ({
  id,
  circleId: 'c1',
  title: id,
  text: '',
  source: 'circle' as const,
  authorId: 'fay',
  authorName: 'FAY',
  at: T,
  meetingId: null,
  sourceEntry: null,
  ...over,
});

export function circleRecordContract(name: string, harness: StorageHarness): void {
  describe(`Circle record storage contract: ${name}`, () => {
    let open: Storage[] = [];
    afterEach(async () => {
      for (const s of open) await s.close();
      open = [];
    });
    const withCircle = async () => {
      const s = await harness.open();
      open.push(s);
      await s.circles.createCircle(circle('c1'), person('fay'), []);
      return s;
    };
    const opts = { today: '2026-06-01', limit: 50, offset: 0 };

    it('[CI17] a decision is stored once, and survives a restart', async () => {
      const s = await withCircle();
      expect(await s.circles.records.addDecision(entry('m1', 'a'))).toBe(true);
      expect(await s.circles.records.addDecision(entry('m1', 'a', { title: 'changed' }))).toBe(false);
      await s.close();
      const again = await harness.open();
      open.push(again);
      expect(await again.circles.records.getDecision('m1~a')).toEqual(entry('m1', 'a'));
    });

    it('[CI18] lists entries in force, review due first (by date), then the rest, undated last; searches title and text literally', async () => {
      const s = await withCircle();
      const r = s.circles.records;
      await r.addDecision(entry('m1', 'later', { reviewDate: '2027-01-01' }));
      await r.addDecision(entry('m1', 'none', { markdown: 'Keys 100% returned' }));
      await r.addDecision(entry('m1', 'due', { reviewDate: '2026-06-01' }));
      await r.addDecision(entry('m1', 'past', { reviewDate: '2026-01-01' }));
      const page = await r.register('c1', opts);
      expect([page.total, page.entries.map((e) => e.itemId)]).toEqual([4, ['past', 'due', 'later', 'none']]);
      expect((await r.register('c1', { ...opts, q: '100%' })).entries.map((e) => e.itemId)).toEqual(['none']);
      expect((await r.register('c1', { ...opts, q: '10_%' })).total).toBe(0);
      expect((await r.register('c1', { ...opts, q: 'POLICY LATER' })).entries.map((e) => e.itemId)).toEqual(['later']);
      expect((await r.register('c1', { ...opts, limit: 2, offset: 2 })).entries.map((e) => e.itemId)).toEqual(['later', 'none']);
      expect((await r.dueReviews('c1', '2026-06-01')).map((e) => e.itemId)).toEqual(['past', 'due']);
    });

    it('[CI23] a revised entry supersedes the old one, which leaves the list and is its history', async () => {
      const s = await withCircle();
      const r = s.circles.records;
      await r.addDecision(entry('m1', 'a', { reviewDate: '2026-01-01' }));
      await s.createMeeting({ id: 'm1', createdAt: T, codes: { member: 'a', guest: 'b', observer: 'c' } }, new Uint8Array([0, 0]));
      await r.linkReview('m1', 'x', 'm1~a');
      expect(await r.reviewOf('m1', 'x')).toBe('m1~a');
      expect(await r.reviewOf('m1', 'y')).toBeNull();
      await r.addDecision(entry('m2', 'b', { supersedes: 'm1~a', decidedAt: T + 1 }));
      await r.addDecision(entry('m3', 'c', { supersedes: 'm2~b', decidedAt: T + 2 }));
      expect((await r.register('c1', opts)).entries.map((e) => e.id)).toEqual(['m3~c']);
      expect((await r.history('m3~c')).map((e) => [e.id, e.supersededBy])).toEqual([
        ['m2~b', 'm3~c'],
        ['m1~a', 'm2~b'],
      ]);
      expect(await r.dueReviews('c1', '2026-06-01')).toEqual([]);
      expect((await r.allDecisions('c1')).map((e) => e.id)).toEqual(['m3~c', 'm2~b', 'm1~a']);
    });

    it('[CI25] a meeting’s backlog entry is added once; taken items leave the backlog', async () => {
      const s = await withCircle();
      const r = s.circles.records;
      expect(await r.addBacklog(backlogItem('a'))).toBe(true);
      expect(await r.addBacklog(backlogItem('m1~e1', { meetingId: 'm1', sourceEntry: 'e1', at: T + 1 }))).toBe(true);
      expect(await r.addBacklog(backlogItem('again', { meetingId: 'm1', sourceEntry: 'e1' }))).toBe(false);
      expect((await r.backlog('c1')).map((b) => b.id)).toEqual(['a', 'm1~e1']);
      expect((await r.takeBacklog('c1', ['a', 'nope'], 'm9', T)).map((b) => b.id)).toEqual(['a']);
      expect(await r.takeBacklog('c1', ['a'], 'm9', T)).toEqual([]);
      expect((await r.backlog('c1')).map((b) => b.id)).toEqual(['m1~e1']);
    });

    it('[CI29] the feed version starts at 0 and each rotation moves it on', async () => {
      const s = await withCircle();
      expect(await s.circles.records.feedVersion('c1')).toBe(0);
      expect(await s.circles.records.rotateFeed('c1')).toBe(1);
      expect(await s.circles.records.rotateFeed('c1')).toBe(2);
      expect(await s.circles.records.feedVersion('c1')).toBe(2);
    });
  });
}
