// [CI28] A circle's trends across its meetings, from each meeting's minutes:
// the evaluation's mean rating per criterion, how evenly the time to speak
// was shared, and how many objections the circle integrated.
import type { MinutesJson, MinutesPerson } from './minutes/types.ts';

/** The criteria of the evaluation cards, in the order the charts show them. */
export const TREND_CRITERIA = ['timekeeping', 'equivalence', 'clarity', 'effectiveness'] as const;
export type TrendCriterion = (typeof TREND_CRITERIA)[number];

export interface MeetingTrend {
  meetingId: string;
  title: string;
  createdAt: number;
  /** Mean rating (1–5) per criterion, null when nobody rated it. */
  ratings: Record<TrendCriterion, number | null>;
  /**
   * Speaking-time equivalence: the Gini coefficient of the time each present member
   * spoke (0 = all spoke alike, towards 1 = one person spoke), with the most and least
   * heard member's share of the time; null when nobody's speaking time was measured.
   */
  speaking: { gini: number; most: MinutesPerson & { share: number }; least: MinutesPerson & { share: number } } | null;
  objectionsIntegrated: number;
}

/** The Gini coefficient of non-negative values (0 for none, or all zero), two decimals. */
export function giniOf(values: readonly number[]): number {
  const xs = [...values].sort((a, b) => a - b);
  const n = xs.length;
  const total = xs.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  // G = Σ (2i − n − 1)·x_i / (n · Σx), i from 1, x ascending
  const weighted = xs.reduce((acc, x, i) => acc + (2 * (i + 1) - n - 1) * x, 0);
  return Math.round((weighted / (n * total)) * 100) / 100;
}

const share = (ms: number, total: number): number => Math.round((ms / total) * 100) / 100;

/** [CI28] One meeting's point on each trend. */
export function meetingTrend(m: MinutesJson): MeetingTrend {
  const ratings = Object.fromEntries(TREND_CRITERIA.map((c) => [c, m.evaluation.averages[c] ?? null])) as Record<
    TrendCriterion,
    number | null
  >;
  // everyone present who counts, also those who never spoke (they weigh in the equivalence)
  const present = m.attendance.filter((a) => a.present && a.role === 'member' && a.removedAt === null);
  const spoke = new Map(m.speakingTime.map((s) => [s.participantId, s.ms]));
  const people = present.map((a) => ({ participantId: a.participantId, name: a.name, ms: spoke.get(a.participantId) ?? 0 }));
  const total = people.reduce((a, p) => a + p.ms, 0);
  let speaking: MeetingTrend['speaking'] = null;
  if (total > 0) {
    const sorted = [...people].sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));
    const most = sorted[0]!;
    const least = sorted[sorted.length - 1]!;
    speaking = {
      gini: giniOf(people.map((p) => p.ms)),
      most: { participantId: most.participantId, name: most.name, share: share(most.ms, total) },
      least: { participantId: least.participantId, name: least.name, share: share(least.ms, total) },
    };
  }
  const objectionsIntegrated = m.items.reduce((n, i) => n + i.objections.filter((o) => o.status === 'integrated').length, 0);
  return {
    meetingId: m.meeting.id,
    title: m.meeting.title,
    createdAt: Date.parse(m.meeting.createdAt),
    ratings,
    speaking,
    objectionsIntegrated,
  };
}
