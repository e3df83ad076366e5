import { describe, expect, it } from 'vitest';
import { giniOf, meetingTrend } from './circleTrends.ts';
import { csvField } from './registerExport.ts';
import { reviewDue } from './circleRecords.ts';
import type { MinutesJson } from './minutes/types.ts';

const person = (id: string) => ({ participantId: id, name: id.toUpperCase() });
const attend = (id: string, present = true, role: 'member' | 'guest' = 'member') => ({
  ...person(id),
  role,
  present,
  joinedAt: '',
  removedAt: null,
});

describe('trends', () => {
  it('[CI28] the Gini figure: 0 when all spoke alike, higher as one person speaks more', () => {
    expect(giniOf([])).toBe(0);
    expect(giniOf([0, 0])).toBe(0);
    expect(giniOf([5, 5, 5])).toBe(0);
    expect(giniOf([0, 0, 0, 10])).toBe(0.75);
    expect(giniOf([1, 3])).toBe(0.25);
  });

  it('[CI28] a meeting’s point: present members who never spoke count; guests do not; integrated objections are counted', () => {
    const m = {
      meeting: { id: 'm1', title: 'June', createdAt: '2026-06-01T10:00:00.000Z' },
      attendance: [attend('ana'), attend('ben'), attend('cy'), attend('gus', true, 'guest'), attend('away', false)],
      speakingTime: [
        { ...person('ana'), ms: 3000, turns: 2 },
        { ...person('ben'), ms: 1000, turns: 1 },
        { ...person('gus'), ms: 9000, turns: 1 },
      ],
      evaluation: { averages: { timekeeping: 4.5, clarity: null } },
      items: [{ objections: [{ status: 'integrated' }, { status: 'withdrawn' }] }, { objections: [{ status: 'integrated' }] }],
    } as unknown as MinutesJson;
    expect(meetingTrend(m)).toEqual({
      meetingId: 'm1',
      title: 'June',
      createdAt: Date.parse('2026-06-01T10:00:00.000Z'),
      ratings: { timekeeping: 4.5, equivalence: null, clarity: null, effectiveness: null },
      speaking: { gini: giniOf([3000, 1000, 0]), most: { ...person('ana'), share: 0.75 }, least: { ...person('cy'), share: 0 } },
      objectionsIntegrated: 2,
    });
  });
});

describe('register', () => {
  it('[CI18] a review is due on its date and after it', () => {
    expect(reviewDue('2026-06-01', '2026-06-01')).toBe(true);
    expect(reviewDue('2026-06-02', '2026-06-01')).toBe(false);
    expect(reviewDue(null, '2026-06-01')).toBe(false);
  });

  it('[CI26] a CSV field is quoted when needed and a formula start is defused', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, "b"')).toBe('"a, ""b"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
