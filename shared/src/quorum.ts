// The meeting's decision policy and its quorum, read from a snapshot (rules Q1–Q3
// in docs/consent-spec.md). Pure.
import { DEFAULT_POLICY, type DecisionPolicy, type QuorumState } from './policySchema.ts';
import type { MeetingSnapshot } from './types.ts';
import { isBlankProposal } from './minutes/proposalText.ts';

/** [Q1] The policy the rules follow: `meta.quorum` and `meta.absentees`, defaults where a key is missing. */
export function decisionPolicy(s: MeetingSnapshot): DecisionPolicy {
  return { quorum: s.meta.quorum ?? DEFAULT_POLICY.quorum, absentees: s.meta.absentees ?? DEFAULT_POLICY.absentees };
}

/** [Q2] Members of the meeting: role member and not removed, present or not. */
export function memberIds(s: MeetingSnapshot): string[] {
  return Object.entries(s.participants)
    .filter(([, p]) => p.role === 'member' && p.removedAt === undefined)
    .map(([id]) => id);
}

/** [Q1] Members present needed: the set number, or more than half of the members. */
export function quorumNeeded(policy: DecisionPolicy, members: number): number {
  return policy.quorum ?? Math.floor(members / 2) + 1;
}

/** [Q2] How many members are present, how many are needed, and whether that is enough. */
export function quorumState(s: MeetingSnapshot, policy: DecisionPolicy = decisionPolicy(s)): QuorumState {
  const members = memberIds(s);
  const present = members.filter((id) => s.participants[id]!.present).length;
  const needed = quorumNeeded(policy, members.length);
  return { members: members.length, present, needed, met: present >= needed };
}

/** [Q3] The sentence a refused decision gives below quorum. */
export function quorumSentence(q: QuorumState): string {
  return `Quorum not met: ${q.present} of ${q.members} members present, ${q.needed} needed.`;
}

/** [Q9] Whether `participantId` may give a position beforehand on the item now (what `givePosition` stamps round 0). */
export function mayGivePositionBeforehand(s: MeetingSnapshot, itemId: string, participantId: string): boolean {
  const who = s.participants[participantId];
  const item = s.agenda.find((i) => i.id === itemId);
  if (who?.role !== 'member' || who.present || who.removedAt !== undefined || !item) return false;
  if ((item.kind !== 'consent' && item.kind !== 'selection') || item.stage === 'decided' || item.stage === 'deferred') return false;
  if (s.rounds[itemId]?.kind === 'consent') return false;
  return !isBlankProposal(s.proposals[itemId]?.nodes ?? []);
}
