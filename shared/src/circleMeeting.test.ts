import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { arriveFromCircle, createCircleMeeting, hasArrived } from './circleMeeting.ts';
import { log, meta, participants } from './schema.ts';
import { AddMemberBody, CreateCircleBody, SetRoleBody, fieldSentence, roleKey } from './api.ts';

const NOW = 1_700_000_000_000;
const plan = (secretaryId: string | null) => ({
  title: 'July meeting',
  circle: 'Garden circle',
  aim: 'Grow food together',
  facilitator: { personId: 'fay', name: 'Fay' },
  secretaryId,
  seats: [
    { personId: 'fay', name: 'Fay', role: 'member' as const },
    { personId: 'sam', name: 'Sam', role: 'member' as const },
    { personId: 'gil', name: 'Gil', role: 'guest' as const },
  ],
  now: NOW,
});

describe('meetings of a circle', () => {
  it('[CI11] seats the circle: the facilitator present, the others not yet, each with their circle role; the secretary from the circle', () => {
    const doc = new Y.Doc();
    createCircleMeeting(doc, plan('sam'));
    expect(meta(doc).get('facilitatorId')).toBe('fay');
    expect(meta(doc).get('secretaryId')).toBe('sam');
    expect(meta(doc).get('circle')).toBe('Garden circle');
    expect(participants(doc).get('fay')).toMatchObject({ name: 'Fay', role: 'member', present: true });
    expect(participants(doc).get('sam')).toMatchObject({ name: 'Sam', role: 'member', present: false });
    expect(participants(doc).get('gil')).toMatchObject({ name: 'Gil', role: 'guest', present: false });
    expect(hasArrived(doc, 'fay')).toBe(true);
    expect(hasArrived(doc, 'sam')).toBe(false);
  });

  it('[CI11] a secretary who is not seated leaves the meeting without one', () => {
    const doc = new Y.Doc();
    createCircleMeeting(doc, plan('nobody'));
    expect(meta(doc).get('secretaryId')).toBeNull();
  });

  it('[CI12] the first entry of a seated member is their arrival; a later one changes nothing', () => {
    const doc = new Y.Doc();
    createCircleMeeting(doc, plan(null));
    arriveFromCircle(doc, { personId: 'gil', name: 'Gil', role: 'guest' }, NOW + 5);
    expect(participants(doc).get('gil')).toMatchObject({ role: 'guest', present: true, joinedAt: NOW });
    const joins = () =>
      log(doc)
        .toArray()
        .filter((e) => (e as { type: string }).type === 'join').length;
    expect(joins()).toBe(2);
    participants(doc).set('gil', { ...(participants(doc).get('gil') as object), present: false });
    arriveFromCircle(doc, { personId: 'gil', name: 'Gil', role: 'guest' }, NOW + 9);
    expect(participants(doc).get('gil')).toMatchObject({ present: false });
    expect(joins()).toBe(2);
  });

  it('[CI12] a member who joined the circle after the meeting was created is seated on entry', () => {
    const doc = new Y.Doc();
    createCircleMeeting(doc, plan(null));
    arriveFromCircle(doc, { personId: 'new', name: 'Nia', role: 'member' }, NOW + 7);
    expect(participants(doc).get('new')).toEqual({ name: 'Nia', role: 'member', present: true, joinedAt: NOW + 7 });
  });
});

describe('circle bodies', () => {
  it('[CI1] a circle needs a name and a facilitator name; a member a name and a role', () => {
    expect(CreateCircleBody.safeParse({ circleName: ' ', facilitatorName: 'Fay' }).success).toBe(false);
    expect(CreateCircleBody.safeParse({ circleName: 'Garden', facilitatorName: 'Fay', domain: 'the beds' }).success).toBe(true);
    expect(AddMemberBody.safeParse({ memberName: 'Sam', role: 'observer' }).success).toBe(false);
    expect(SetRoleBody.safeParse({ holderId: null, termEnd: '2026-13' }).success).toBe(false);
    expect(fieldSentence('circleName', { code: 'too_small' })).toBe("The circle's name is missing: please fill it in.");
    expect(roleKey(' Delegate ')).toBe('delegate');
    expect(fieldSentence('termEnd', { code: 'invalid_format', message: 'an ISO date YYYY-MM-DD' })).toBe(
      'The end of the term is not in the expected form (an ISO date YYYY-MM-DD).',
    );
  });
});
