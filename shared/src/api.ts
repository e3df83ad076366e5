// The HTTP API's bodies and answers (docs/api.md): one owner for the server
// that validates them, the board that sends them, and tests that call them.
import { z } from 'zod';
import { ROLES, type Role } from './schema.ts';
import { CIRCLE_FIELD_WORDS } from './circleApi.ts';

export * from './circleApi.ts';

const text = (max: number) => z.string().trim().max(max);

/** The longest text each field takes: the board puts the same limits on its inputs. */
export const INPUT_LIMITS = { title: 300, circle: 300, aim: 2000, name: 200, reason: 2000, comment: 5000 } as const;

/** What a person calls each field, for refusals in sentences. */
const FIELD_WORDS: Record<string, string> = {
  title: 'The meeting title',
  circle: 'The circle',
  aim: "The circle's aim",
  facilitatorName: 'Your name',
  name: 'Your name',
  code: 'The invite code',
  role: 'The role',
  ...CIRCLE_FIELD_WORDS,
};

/** [H1] A refused request body as a sentence a person can act on, never the validator's wording. */
export function fieldSentence(field: string, issue: { code: string; maximum?: unknown; input?: unknown; message?: string }): string {
  const what = FIELD_WORDS[field];
  if (issue.code === 'unrecognized_keys' || !what)
    return `This request has a field the server does not know ("${field}"); reload the page and try again.`;
  if (issue.code === 'invalid_format') return `${what} is not in the expected form${issue.message ? ` (${issue.message})` : ''}.`;
  if (issue.code === 'too_big') return `${what} is too long: at most ${String(issue.maximum)} characters.`;
  if (issue.code === 'too_small' || issue.input === undefined) return `${what} is missing: please fill it in.`;
  return `${what} is not valid text.`;
}

/** POST /api/meetings/:id/invitation: what a join link leads to, before joining. */
export const InvitationBody = z.strictObject({ code: z.string().trim().min(1).max(100) });
/** 200 answer of the invitation route: the meeting a code opens, and the role it grants. */
export interface Invitation {
  title: string;
  circle: string;
  role: Role;
  closed: boolean;
}

/** POST /api/meetings */
export const CreateMeetingBody = z.strictObject({
  title: text(INPUT_LIMITS.title).min(1),
  circle: text(INPUT_LIMITS.circle).optional(),
  aim: text(INPUT_LIMITS.aim).optional(),
  facilitatorName: text(INPUT_LIMITS.name).min(1),
});
export type CreateMeetingBody = z.infer<typeof CreateMeetingBody>;

/** POST /api/meetings/:id/join: the code alone decides the role (DESIGN §5), so the body names none. */
export const JoinMeetingBody = z.strictObject({
  name: text(INPUT_LIMITS.name).min(1),
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
  .refine((b) => b.position === 'consent' || (b.reason ?? '') !== '', {
    message: 'a concern or an objection gives its reason',
    path: ['reason'],
  });
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
