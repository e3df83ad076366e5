// The behaviour every CircleStorage must show (docs/circles.md). An
// implementation's test calls `circleContract` with a factory that opens a
// fresh store (and reopens the same one, to prove what survives a restart).
import { afterEach, describe, expect, it } from 'vitest';
import type { CircleMember, CircleRole } from './CircleStorage.ts';
import type { Storage } from './Storage.ts';
import type { StorageHarness } from './contract.ts';

const T = 1_700_000_000_000;
export const circle = (id: string) => ({ id, name: `Circle ${id}`, aim: 'Grow food', domain: 'The beds', createdAt: T });
export const person = (personId: string, over: Partial<CircleMember> = {}): CircleMember => ({
  personId,
  name: personId.toUpperCase(),
  role: 'member',
  addedAt: T,
  joinedAt: null,
  removedAt: null,
  ...over,
});
const roles: CircleRole[] = [
  { name: 'facilitator', holderId: 'fay', termStart: '2026-01-01', termEnd: null },
  { name: 'secretary', holderId: null, termStart: null, termEnd: null },
];
const link = (code: string, personId: string, kind: 'invite' | 'transfer', expiresAt: number | null = null) => ({
  codeHash: code,
  circleId: 'c1',
  personId,
  kind,
  createdAt: T,
  expiresAt,
});

export function circleContract(name: string, harness: StorageHarness): void {
  describe(`Circle storage contract: ${name}`, () => {
    let open: Storage[] = [];
    const openStore = async () => {
      const s = await harness.open();
      open.push(s);
      return s;
    };
    afterEach(async () => {
      for (const s of open) await s.close();
      open = [];
    });
    const withCircle = async () => {
      const s = await openStore();
      await s.circles.createCircle(circle('c1'), person('fay', { joinedAt: T }), roles);
      return s;
    };

    it('[CI1] stores a circle with its founder and roles, across a restart', async () => {
      const s = await withCircle();
      await s.close();
      const again = await openStore();
      expect(await again.circles.getCircle('c1')).toEqual(circle('c1'));
      expect(await again.circles.members('c1')).toEqual([person('fay', { joinedAt: T })]);
      expect(await again.circles.roles('c1')).toEqual(roles);
      expect(await again.circles.getCircle('nope')).toBeNull();
      await expect(again.circles.createCircle(circle('c1'), person('x'), [])).rejects.toThrow();
    });

    it('[CI8] roles: standard ones first in their order, then the circle’s own by name; a name replaces its role without case', async () => {
      const s = await withCircle();
      await s.circles.setRole('c1', { name: 'Treasurer', holderId: 'fay', termStart: null, termEnd: '2027-01-01' });
      await s.circles.setRole('c1', { name: 'delegate', holderId: null, termStart: null, termEnd: null });
      await s.circles.setRole('c1', { name: 'Secretary', holderId: 'fay', termStart: '2026-02-01', termEnd: '2026-12-31' });
      expect((await s.circles.roles('c1')).map((r) => [r.name, r.holderId])).toEqual([
        ['facilitator', 'fay'],
        ['Secretary', 'fay'],
        ['delegate', null],
        ['Treasurer', 'fay'],
      ]);
    });

    it('[CI5] adds members once, records the first join, and lists them in the order added', async () => {
      const s = await withCircle();
      await s.circles.addMember('c1', person('sam', { addedAt: T + 1 }));
      await s.circles.addMember('c1', person('gil', { role: 'guest', addedAt: T + 2 }));
      await expect(s.circles.addMember('c1', person('sam'))).rejects.toThrow();
      await s.circles.markJoined('c1', 'sam', T + 5);
      await s.circles.markJoined('c1', 'sam', T + 9);
      expect((await s.circles.members('c1')).map((m) => [m.personId, m.role, m.joinedAt])).toEqual([
        ['fay', 'member', T],
        ['sam', 'member', T + 5],
        ['gil', 'guest', null],
      ]);
      expect(await s.circles.member('c1', 'gil')).toEqual(person('gil', { role: 'guest', addedAt: T + 2 }));
      expect(await s.circles.member('c1', 'nobody')).toBeNull();
    });

    it('[CI5] a link opens once, only in its circle; a new personal link replaces the old one', async () => {
      const s = await withCircle();
      await s.circles.addMember('c1', person('sam'));
      await s.circles.addLink(link('h1', 'sam', 'invite'));
      expect(await s.circles.redeemLink('c2', 'h1', T)).toBeNull();
      expect(await s.circles.redeemLink('c1', 'h1', T)).toEqual({ personId: 'sam', kind: 'invite' });
      expect(await s.circles.redeemLink('c1', 'h1', T)).toBeNull();
      await s.circles.addLink(link('h2', 'sam', 'invite'));
      await s.circles.addLink(link('h3', 'sam', 'invite'));
      expect(await s.circles.redeemLink('c1', 'h2', T)).toBeNull();
      expect(await s.circles.redeemLink('c1', 'h3', T)).toEqual({ personId: 'sam', kind: 'invite' });
    });

    it('[CI7] a transfer link expires; two transfer links of one member live side by side', async () => {
      const s = await withCircle();
      await s.circles.addLink(link('t1', 'fay', 'transfer', T + 600_000));
      await s.circles.addLink(link('t2', 'fay', 'transfer', T + 600_000));
      expect(await s.circles.redeemLink('c1', 't1', T + 600_000)).toBeNull();
      expect(await s.circles.redeemLink('c1', 't2', T + 599_999)).toEqual({ personId: 'fay', kind: 'transfer' });
    });

    it('[CI3] removing a member keeps the first time, drops their links, and answers null for a stranger', async () => {
      const s = await withCircle();
      await s.circles.addMember('c1', person('sam'));
      await s.circles.addLink(link('h1', 'sam', 'invite'));
      expect(await s.circles.removeMember('c1', 'sam', T + 10)).toBe(T + 10);
      expect(await s.circles.removeMember('c1', 'sam', T + 20)).toBe(T + 10);
      expect(await s.circles.removeMember('c1', 'nobody', T)).toBeNull();
      expect((await s.circles.member('c1', 'sam'))?.removedAt).toBe(T + 10);
      expect(await s.circles.redeemLink('c1', 'h1', T)).toBeNull();
    });

    it('[CI10] lists a circle’s meetings newest first, names a meeting’s circle, and forgets a deleted meeting', async () => {
      const s = await withCircle();
      for (const [id, at] of [
        ['m1', T],
        ['m2', T + 1],
      ] as const) {
        await s.createMeeting(
          { id, createdAt: at, codes: { member: `a${id}`, guest: `b${id}`, observer: `c${id}` } },
          new Uint8Array([0, 0]),
        );
        await s.circles.addMeeting({ meetingId: id, circleId: 'c1', title: `Meeting ${id}`, createdAt: at });
      }
      await s.createMeeting({ id: 'solo', createdAt: T, codes: { member: 'x', guest: 'y', observer: 'z' } }, new Uint8Array([0, 0]));
      expect((await s.circles.meetings('c1')).map((m) => m.meetingId)).toEqual(['m2', 'm1']);
      expect(await s.circles.circleOfMeeting('m1')).toBe('c1');
      expect(await s.circles.circleOfMeeting('solo')).toBeNull();
      expect(await s.deleteMeeting('m2')).toBe(true);
      expect(await s.circles.meetings('c1')).toEqual([{ meetingId: 'm1', circleId: 'c1', title: 'Meeting m1', createdAt: T }]);
      expect(await s.circles.circleOfMeeting('m2')).toBeNull();
    });
  });
}
