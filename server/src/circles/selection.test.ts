// [CI9] What a decided selection does to the circle's roles, read straight from storage.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { SqliteStorage } from '../storage/SqliteStorage.ts';
import { circle, person } from '../storage/circleContract.ts';
import { applySelection } from './meetings.ts';

const AT = Date.parse('2026-07-04T09:00:00Z');
let dir = '';
let storage: SqliteStorage;
const deps = () => ({ storage, log: pino({ level: 'silent' }) });
const event = (holderId: string, roleName = 'Delegate') => ({ roleName, holderId, termEnd: '2027-07-03', at: AT });

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'consent-selection-'));
  storage = new SqliteStorage(join(dir, 'consent.db'));
  await storage.circles.createCircle(circle('c1'), person('fay'), [{ name: 'delegate', holderId: null, termStart: null, termEnd: null }]);
  await storage.circles.addMember('c1', person('ria'));
  await storage.circles.addMember('c1', person('gone', { removedAt: AT - 1 }));
  for (const id of ['m1', 'solo'])
    await storage.createMeeting(
      { id, createdAt: AT, codes: { member: `a${id}`, guest: `b${id}`, observer: `c${id}` } },
      new Uint8Array([0, 0]),
    );
  await storage.circles.addMeeting({ meetingId: 'm1', circleId: 'c1', title: 'July', createdAt: AT });
});
afterEach(async () => {
  await storage.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a decided selection and the circle', () => {
  it('[CI9] the role of that name (compared without case) gets the holder, the decision’s day as start and the term’s end', async () => {
    expect(await applySelection(deps(), 'm1', event('ria'))).toBe(true);
    expect(await storage.circles.roles('c1')).toEqual([
      { name: 'delegate', holderId: 'ria', termStart: '2026-07-04', termEnd: '2027-07-03' },
    ]);
  });

  it('[CI9] a role the circle did not have becomes one of its own', async () => {
    expect(await applySelection(deps(), 'm1', event('ria', 'Treasurer'))).toBe(true);
    expect((await storage.circles.roles('c1')).map((r) => [r.name, r.holderId])).toEqual([
      ['delegate', null],
      ['Treasurer', 'ria'],
    ]);
  });

  it.each([
    ['a one-off meeting', 'solo', 'ria'],
    ['a holder who is not a member of the circle (joined the meeting by its link)', 'm1', 'stranger'],
    ['a holder removed from the circle', 'm1', 'gone'],
  ])('[CI9] %s changes nothing', async (_, meetingId, holderId) => {
    expect(await applySelection(deps(), meetingId, event(holderId))).toBe(false);
    expect(await storage.circles.roles('c1')).toEqual([{ name: 'delegate', holderId: null, termStart: null, termEnd: null }]);
  });
});
