// The board's words for the quorum, absent members and concerns (rules Q1–Q9, C25, C26).
import type { AbsenteePolicy, QuorumState } from '@consent/shared';

export const ABSENTEE_LABEL: Record<AbsenteePolicy, string> = {
  'position-beforehand': 'They may give a position beforehand',
  'assume-consent': 'Their consent is assumed unless they left an objection',
  wait: 'The decision waits for their position',
};

export const DECISION_RULES = {
  heading: 'Decision rules',
  intro: 'Set these before the agenda: they hold for the whole meeting.',
  quorumLabel: 'Quorum: members present needed for a decision',
  quorumHint: (members: number, byDefault: number) => `Leave empty for more than half of the members (now ${byDefault} of ${members}).`,
  absenteesLabel: 'Absent members',
  save: 'Save decision rules',
  saving: 'Setting the decision rules',
  fixed: 'The decision rules are set at the start of the meeting.',
} as const;

/** [Q2][Q3] The quorum line of the consent panel. */
export function quorumLine(q: QuorumState): string {
  return q.met
    ? `Quorum met: ${q.present} of ${q.members} members present, ${q.needed} needed.`
    : `Quorum not met: ${q.present} of ${q.members} members present, ${q.needed} needed.`;
}

/** How one absent member counts in the record, under the policy. */
export const ABSENT_COUNTS = {
  counted: 'their position given on this text counts',
  assumed: 'assumed to consent',
  awaited: 'the decision waits for their position',
  notCounted: 'not counted (no position on this text)',
  setAside: (n: number) => `${n} objection${n === 1 ? '' : 's'} of absent members given on an earlier text ${n === 1 ? 'does' : 'do'} not block while they are absent.`,
} as const;

export const ABSENT_HEADING = 'Absent members';

/** [C26] Asked once before a concern is recorded. */
export const CONCERN_CHECK = {
  title: 'Is this an objection?',
  body: 'An objection means the proposal would harm the circle’s aim; a concern is something to watch.',
  asConcern: 'Record as a concern',
  asObjection: 'Raise as an objection',
  recording: 'Recording your concern',
  raising: 'Raising your objection',
  cancel: 'Cancel',
} as const;

/** [Q9] Giving a position while absent, before the consent round. */
export const BEFOREHAND = {
  hint: 'You are marked absent. Your position on this text counts in the consent round as long as the text stays the same.',
} as const;
