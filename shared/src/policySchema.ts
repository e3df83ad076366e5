// The decision policy of a meeting as plain values (quorum, absentee policy) and
// the parts of the consent record that show it. Rules Q1–Q9 in docs/consent-spec.md.
// A plain value, so that a circle's settings can supply it later as well as `meta`.
import { z } from 'zod';

/** [Q1] How absent members count: a position given beforehand, assumed consent, or the decision waits for them. */
export const ABSENTEE_POLICIES = ['position-beforehand', 'assume-consent', 'wait'] as const;
export const AbsenteePolicy = z.enum(ABSENTEE_POLICIES);
export type AbsenteePolicy = z.infer<typeof AbsenteePolicy>;

/** [Q1] At most this many members are needed; a number above the circle's size can never be met. */
export const QUORUM_MAX = 1000;
/** [Q1] `meta.quorum`: members present needed for a decision; null = more than half of the members. */
export const QuorumSetting = z.number().int().min(1).max(QUORUM_MAX).nullable();

/** [Q1] What the rules read: the meeting's (or, later, the circle's) policy with its defaults filled in. */
export interface DecisionPolicy {
  /** Members present needed for a decision; null means more than half of the members. */
  quorum: number | null;
  absentees: AbsenteePolicy;
}

/** [Q1] A document without the keys: majority quorum, and absent members' positions given beforehand count. */
export const DEFAULT_POLICY: DecisionPolicy = { quorum: null, absentees: 'position-beforehand' };

/** [Q2] The quorum part of a consent record. */
export const QuorumStateSchema = z.object({
  /** Members of the meeting (role member, not removed). */
  members: z.number().int().nonnegative(),
  /** Of them, those present. */
  present: z.number().int().nonnegative(),
  /** Members present needed for a decision. */
  needed: z.number().int().nonnegative(),
  met: z.boolean(),
});
export type QuorumState = z.infer<typeof QuorumStateSchema>;

const Id = z.string().min(1).max(128);

/**
 * [Q2][Q5–Q8] Fields of the consent record about attendance. Optional in the schema only so that
 * records frozen before they existed still load; `deriveConsent` always writes them.
 */
export const AbsenceRecordFields = {
  quorum: QuorumStateSchema.optional(),
  absentees: AbsenteePolicy.optional(),
  /** Absent members (role member, not removed, `present: false`), whatever the policy. */
  absent: z.array(Id).optional(),
  /** [Q6] Absent members counted as consenting without a position (assume-consent); ⊆ consented. */
  assumed: z.array(Id).optional(),
  /** [Q8] Open objections of absent members given on an earlier revision: they do not block. */
  setAside: z.array(Id).optional(),
};
