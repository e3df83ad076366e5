// Who is asking about a circle: resolves a circle id and a credential to the
// circle and the member, or to the status and sentence of rules CI2–CI4.
import type { Context } from 'hono';
import { CIRCLE_ROLES } from '@consent/shared';
import { bearer } from '../auth.ts';
import { HttpError } from '../http/request.ts';
import type { CircleMember, CircleRecord } from '../storage/CircleStorage.ts';
import type { Storage } from '../storage/Storage.ts';
import type { CircleSigner } from './credentials.ts';

export interface CircleDeps {
  storage: Storage;
  circleSigner: CircleSigner;
  /** How long a new credential opens its circle (TOKEN_TTL_DAYS). */
  tokenTtlMs: number;
  now(): number;
}

export interface CircleCaller {
  circle: CircleRecord;
  member: CircleMember;
  facilitator: boolean;
}

export const CIRCLE_NOT_FOUND = 'This circle does not exist: check the link with the circle’s facilitator.';
export const CREDENTIAL_MISSING =
  'This device has no access to the circle: open it from your personal link, or from “My circles” on a device that has it.';
export const CREDENTIAL_INVALID = 'This device’s access to the circle is not valid: ask the circle’s facilitator for a new personal link.';
export const CREDENTIAL_OTHER = 'This device’s access is for another circle.';
export const CREDENTIAL_EXPIRED =
  'This device’s access to the circle has expired: ask the circle’s facilitator for a new personal link, or move your access from another device.';

/** [CI3] The sentence a removed member's device shows. */
export const removedSentence = (at: number): string =>
  `The circle’s facilitator removed you from this circle on ${new Date(at).toISOString().slice(0, 10)}: this device no longer opens it or its meetings.`;

export async function findCircle(deps: Pick<CircleDeps, 'storage'>, circleId: string): Promise<CircleRecord> {
  const circle = await deps.storage.circles.getCircle(circleId);
  if (!circle) throw new HttpError(404, CIRCLE_NOT_FOUND);
  return circle;
}

/** Whether the person holds the circle's facilitator role now. */
export async function holdsFacilitation(deps: Pick<CircleDeps, 'storage'>, circleId: string, personId: string): Promise<boolean> {
  const role = (await deps.storage.circles.roles(circleId)).find((r) => r.name.toLowerCase() === CIRCLE_ROLES[0]);
  return role?.holderId === personId;
}

/** [CI2][CI3] The caller of a circle route: a current member with a valid credential of this circle. */
export async function circleCaller(deps: CircleDeps, c: Context): Promise<CircleCaller> {
  const circle = await findCircle(deps, c.req.param('id') ?? '');
  const credential = bearer(c.req.header('authorization'));
  if (!credential) throw new HttpError(401, CREDENTIAL_MISSING);
  const claims = deps.circleSigner.verify(credential);
  if (!claims) throw new HttpError(401, CREDENTIAL_INVALID);
  if (claims.circleId !== circle.id) throw new HttpError(403, CREDENTIAL_OTHER);
  if (deps.now() >= claims.expiresAt) throw new HttpError(401, CREDENTIAL_EXPIRED);
  const member = await deps.storage.circles.member(circle.id, claims.personId);
  if (!member) throw new HttpError(401, CREDENTIAL_INVALID);
  if (member.removedAt !== null) throw new HttpError(401, removedSentence(member.removedAt));
  return { circle, member, facilitator: await holdsFacilitation(deps, circle.id, member.personId) };
}

/** [CI4] The caller, who must hold the circle's facilitator role now. */
export async function circleFacilitator(deps: CircleDeps, c: Context, what: string): Promise<CircleCaller> {
  const who = await circleCaller(deps, c);
  if (!who.facilitator) throw new HttpError(403, `Only the circle’s facilitator may ${what}.`);
  return who;
}

/** A new credential for a member, valid for the configured time from now. */
export function issueCredential(deps: CircleDeps, circleId: string, personId: string): { credential: string; expiresAt: number } {
  const expiresAt = deps.now() + deps.tokenTtlMs;
  return { credential: deps.circleSigner.sign({ circleId, personId, expiresAt }), expiresAt };
}
