// The board's words for the quorum, absent members and concerns (rules Q1–Q9, C25, C26; catalogue: method.*).
import type { AbsenteePolicy, QuorumState } from '@consent/shared';
import { en } from '../i18n/catalogue.ts';
import { tr, words } from '../i18n/live.ts';

export const ABSENTEE_LABEL: Record<AbsenteePolicy, string> = words(en.method.absentee);

export const DECISION_RULES = words(en.method.decisionRules, (t) => ({
  quorumHint: (members: number, byDefault: number) => t('quorumHint', { members, byDefault }),
}));

/** [Q2][Q3] The quorum line of the consent panel. */
export function quorumLine(q: QuorumState): string {
  return tr(en.method.quorum)(q.met ? 'met' : 'notMet', { present: q.present, members: q.members, needed: q.needed });
}

/** How one absent member counts in the record, under the policy. */
export const ABSENT_COUNTS = words(en.method.absentCounts, (t) => ({
  setAside: (n: number) => t('setAside', { count: n }),
}));

/** The heading over the absent members. */
export const ABSENT = {
  get heading(): string {
    return tr(en.method)('absentHeading');
  },
};

/** [C26] Asked once before a concern is recorded. */
export const CONCERN_CHECK = words(en.method.concernCheck);

/** [Q9] Giving a position while absent, before the consent round. */
export const BEFOREHAND = words(en.method.beforehand);
