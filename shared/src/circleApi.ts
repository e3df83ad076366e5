// The circle's HTTP bodies and answers (docs/circles.md, docs/api.md): circles,
// their members and roles, personal and transfer links, meetings of a circle.
import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date YYYY-MM-DD');

/** The longest text each circle field takes: the board puts the same limits on its inputs. */
export const CIRCLE_LIMITS = { circleName: 300, aim: 2000, domain: 2000, name: 200, roleName: 100, title: 300 } as const;

/** The roles every circle has (CI6); a circle may define more. */
export const CIRCLE_ROLES = ['facilitator', 'secretary', 'leader', 'delegate'] as const;
export type StandardCircleRole = (typeof CIRCLE_ROLES)[number];

/** A person's place in a circle: a member's position counts in a consent round, a guest's does not. */
export const CIRCLE_MEMBER_ROLES = ['member', 'guest'] as const;
export type CircleMemberRole = (typeof CIRCLE_MEMBER_ROLES)[number];

/** What a person calls each circle field, for refusals in sentences (merged into the API's own words). */
export const CIRCLE_FIELD_WORDS: Record<string, string> = {
  circleName: "The circle's name",
  domain: "The circle's domain",
  memberName: "The member's name",
  holderId: 'The role holder',
  termStart: 'The start of the term',
  termEnd: 'The end of the term',
};

/** POST /api/circles */
export const CreateCircleBody = z.strictObject({
  circleName: text(CIRCLE_LIMITS.circleName).min(1),
  aim: text(CIRCLE_LIMITS.aim).optional(),
  domain: text(CIRCLE_LIMITS.domain).optional(),
  facilitatorName: text(CIRCLE_LIMITS.name).min(1),
});
export type CreateCircleBody = z.infer<typeof CreateCircleBody>;

/** POST /api/circles/:id/members */
export const AddMemberBody = z.strictObject({
  memberName: text(CIRCLE_LIMITS.name).min(1),
  role: z.enum(CIRCLE_MEMBER_ROLES),
});
export type AddMemberBody = z.infer<typeof AddMemberBody>;

/** POST /api/circles/:id/redeem: a personal link's or a transfer link's code. */
export const RedeemBody = z.strictObject({ code: z.string().trim().min(1).max(100) });
export type RedeemBody = z.infer<typeof RedeemBody>;

/** PUT /api/circles/:id/roles/:roleName: who holds the role, and for which term (null: no holder). */
export const SetRoleBody = z.strictObject({
  holderId: z.string().trim().min(1).max(128).nullable(),
  termStart: IsoDate.nullable().optional(),
  termEnd: IsoDate.nullable(),
});
export type SetRoleBody = z.infer<typeof SetRoleBody>;

/** A role name in a URL or a selection item: trimmed, compared without case. */
export const roleKey = (name: string): string => name.trim().toLowerCase();

export interface CircleMemberView {
  personId: string;
  name: string;
  role: CircleMemberRole;
  addedAt: number;
  /** When the person opened their personal link (the founder: the circle's creation); null while invited. */
  joinedAt: number | null;
  removedAt: number | null;
}

export interface CircleRoleView {
  name: string;
  holderId: string | null;
  termStart: string | null;
  termEnd: string | null;
}

export interface CircleMeetingView {
  meetingId: string;
  title: string;
  createdAt: number;
}

/** 200 answer of GET /api/circles/:id (members only). */
export interface CircleView {
  id: string;
  name: string;
  aim: string;
  domain: string;
  createdAt: number;
  /** Current members first; removed members stay listed with `removedAt`. */
  members: CircleMemberView[];
  roles: CircleRoleView[];
  you: { personId: string; name: string; role: CircleMemberRole; facilitator: boolean };
}

/** 201 answer of POST /api/circles and 200 of POST /api/circles/:id/redeem: a credential for this device. */
export interface CircleCredential {
  circleId: string;
  personId: string;
  name: string;
  credential: string;
  expiresAt: number;
}

/** 201 answer of adding a member (and of a new personal link): the single-use code of the personal link. */
export interface PersonalLink {
  personId: string;
  code: string;
}

/** 201 answer of POST /api/circles/:id/transfer: a single-use code that expires in minutes. */
export interface TransferLink {
  code: string;
  expiresAt: number;
}

/** 200 answer of POST /api/circles/:id/meetings/:meetingId/enter (and 201 of creating one). */
export interface EnteredMeeting {
  meetingId: string;
  participantId: string;
  token: string;
  role: 'facilitator' | CircleMemberRole;
  title: string;
}

/** [CI31] The parts of a circle an event stream (GET /api/circles/:id/events) says changed. */
export const CIRCLE_CHANGE_PARTS = ['register', 'backlog', 'roles', 'members', 'meetings', 'actions'] as const;
export type CircleChangePart = (typeof CIRCLE_CHANGE_PARTS)[number];

/** [CI31] The events of a circle's stream: `changed` carries `{ parts }`; `ended` `{ reason }`, and the stream closes. */
export const CIRCLE_EVENTS = { ready: 'ready', changed: 'changed', ended: 'ended' } as const;
export interface CircleChangedEvent {
  parts: CircleChangePart[];
}
export interface CircleEndedEvent {
  reason: string;
}
