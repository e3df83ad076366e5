// The HTTP API's bodies and answers (docs/api.md): one owner for the server
// that validates them, the board that sends them, and tests that call them.
import { z } from 'zod';
import { ROLES, type Role } from './schema.ts';

const text = (max: number) => z.string().trim().max(max);

/** POST /api/meetings */
export const CreateMeetingBody = z.strictObject({
  title: text(300).min(1),
  circle: text(300).optional(),
  aim: text(2000).optional(),
  facilitatorName: text(200).min(1),
});
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

/** POST /api/meetings/:id/join: the code alone decides the role (DESIGN §5), so the body names none. */
export const JoinMeetingBody = z.strictObject({
  name: text(200).min(1),
  code: z.string().trim().min(1).max(100),
});
export type JoinMeetingBody = z.infer<typeof JoinMeetingBody>;

/** POST /api/meetings/:id/codes: new codes for one role, or for every role when none is named. */
export const RotateCodesBody = z.strictObject({
  role: z.enum(ROLES).optional(),
});
export type RotateCodesBody = z.infer<typeof RotateCodesBody>;

/** One join code per role: each link grants exactly its role, and only the facilitator sees them. */
export type JoinCodes = Record<Role, string>;

/** A participant's role as a token carries it: facilitation is a role of the token only. */
export const TOKEN_ROLES = ['facilitator', ...ROLES] as const;
export type TokenRole = (typeof TOKEN_ROLES)[number];

/** 201 answer of POST /api/meetings */
export interface CreatedMeeting {
  meetingId: string;
  participantId: string;
  token: string;
  role: 'facilitator';
  codes: JoinCodes;
}

/** 201 answer of POST /api/meetings/:id/join */
export interface JoinedMeeting {
  participantId: string;
  token: string;
  role: TokenRole;
}

/** POST /api/meetings/:id/items/:itemId/sealed-position [V3]: a concern or objection gives its reason. */
export const SealedPositionBody = z
  .strictObject({
    position: z.enum(['consent', 'concern', 'object']),
    reason: text(5000).optional(),
  })
  .refine((b) => b.position === 'consent' || (b.reason ?? '') !== '', { message: 'a concern or an objection gives its reason', path: ['reason'] });
export type SealedPositionBody = z.infer<typeof SealedPositionBody>;

/** POST /api/meetings/:id/items/:itemId/sealed-nomination [S3]: "I nominate … because …". */
export const SealedNominationBody = z.strictObject({
  nomineeId: z.string().trim().min(1).max(128),
  reason: text(2000).min(1),
});
export type SealedNominationBody = z.infer<typeof SealedNominationBody>;

/** POST /api/meetings/:id/facilitation/answer [F5]: a present member's answer to a takeover proposal. */
export const HandoverAnswerBody = z.strictObject({
  answer: z.enum(['consent', 'object']),
});
export type HandoverAnswerBody = z.infer<typeof HandoverAnswerBody>;

/** What the sealed routes answer: progress only, and the caller's own answer. */
export interface SealedProgress {
  round: number;
  given: number;
  eligible: number;
  revealed: boolean;
  /** The caller's own sealed answer in this round, if any (nobody else's is ever sent). */
  mine: unknown;
}
