// What the circle routes do to membership and roles (docs/circles.md): create
// a circle with its founder as facilitator, add and remove members, personal
// and transfer links, and the roles' holders and terms.
import {
  CIRCLE_ROLES,
  roleKey,
  type CircleCredential,
  type CircleView,
  type PersonalLink,
  type SetRoleBody,
  type TransferLink,
} from '@consent/shared';
import { HttpError } from '../http/request.ts';
import type { CircleMember, CircleRecord, CircleRole } from '../storage/CircleStorage.ts';
import { randomId } from '../tokens.ts';
import { CIRCLE_NOT_FOUND, issueCredential, type CircleCaller, type CircleDeps } from './access.ts';
import { hashCode, newLinkCode, TRANSFER_TTL_MS } from './credentials.ts';

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** [CI1] A new circle: its founder is its first member and holds the facilitator role from today. */
export async function createCircle(
  deps: CircleDeps,
  b: { circleName: string; aim?: string | undefined; domain?: string | undefined; facilitatorName: string },
): Promise<CircleCredential> {
  const now = deps.now();
  const circle: CircleRecord = { id: randomId(), name: b.circleName, aim: b.aim ?? '', domain: b.domain ?? '', createdAt: now };
  const founder: CircleMember = {
    personId: randomId(),
    name: b.facilitatorName,
    role: 'member',
    addedAt: now,
    joinedAt: now,
    removedAt: null,
  };
  const roles: CircleRole[] = CIRCLE_ROLES.map((name) =>
    name === 'facilitator'
      ? { name, holderId: founder.personId, termStart: isoDay(now), termEnd: null }
      : { name, holderId: null, termStart: null, termEnd: null },
  );
  await deps.storage.circles.createCircle(circle, founder, roles);
  return { circleId: circle.id, personId: founder.personId, name: founder.name, ...issueCredential(deps, circle.id, founder.personId) };
}

/** [CI2] What a member reads: the circle, its members (current first) and its roles. */
export async function circleView(deps: CircleDeps, who: CircleCaller): Promise<CircleView> {
  const members = await deps.storage.circles.members(who.circle.id);
  const current = members.filter((m) => m.removedAt === null);
  const removed = members.filter((m) => m.removedAt !== null);
  return {
    ...who.circle,
    members: [...current, ...removed],
    roles: await deps.storage.circles.roles(who.circle.id),
    you: { personId: who.member.personId, name: who.member.name, role: who.member.role, facilitator: who.facilitator },
  };
}

/** [CI5] The facilitator adds a member and gets their personal link. */
export async function addMember(
  deps: CircleDeps,
  circleId: string,
  b: { memberName: string; role: 'member' | 'guest' },
): Promise<PersonalLink> {
  const member: CircleMember = {
    personId: randomId(),
    name: b.memberName,
    role: b.role,
    addedAt: deps.now(),
    joinedAt: null,
    removedAt: null,
  };
  await deps.storage.circles.addMember(circleId, member);
  return personalLink(deps, circleId, member.personId);
}

/** [CI5] A personal link for a current member; it replaces their earlier one. */
export async function personalLink(deps: CircleDeps, circleId: string, personId: string): Promise<PersonalLink> {
  const member = await deps.storage.circles.member(circleId, personId);
  if (!member) throw new HttpError(404, 'No member of this circle has this id.');
  if (member.removedAt !== null) throw new HttpError(409, 'This person was removed from the circle: add them again to give them a link.');
  const { code, codeHash } = newLinkCode();
  await deps.storage.circles.addLink({ codeHash, circleId, personId, kind: 'invite', createdAt: deps.now(), expiresAt: null });
  return { personId, code };
}

/** [CI7] A member moves their access to another device: a code that opens once, within minutes. */
export async function transferLink(deps: CircleDeps, who: CircleCaller): Promise<TransferLink> {
  const { code, codeHash } = newLinkCode();
  const expiresAt = deps.now() + TRANSFER_TTL_MS;
  await deps.storage.circles.addLink({
    codeHash,
    circleId: who.circle.id,
    personId: who.member.personId,
    kind: 'transfer',
    createdAt: deps.now(),
    expiresAt,
  });
  return { code, expiresAt };
}

/** [CI5] A used, replaced or unknown link: say what to do. */
export const LINK_REFUSED =
  'This link does not open the circle: it has been used already, replaced by a newer one, or it has expired. Ask the circle’s facilitator for a new personal link, or make a new transfer code on your other device.';

/** [CI5][CI7] A device opens a personal or transfer link once, and receives a credential. */
export async function redeem(deps: CircleDeps, circleId: string, code: string): Promise<CircleCredential> {
  if (!(await deps.storage.circles.getCircle(circleId))) throw new HttpError(404, CIRCLE_NOT_FOUND);
  const used = await deps.storage.circles.redeemLink(circleId, hashCode(code), deps.now());
  if (!used) throw new HttpError(403, LINK_REFUSED, 'code');
  const member = await deps.storage.circles.member(circleId, used.personId);
  if (!member || member.removedAt !== null) throw new HttpError(403, LINK_REFUSED, 'code');
  await deps.storage.circles.markJoined(circleId, member.personId, deps.now());
  return { circleId, personId: member.personId, name: member.name, ...issueCredential(deps, circleId, member.personId) };
}

/** [CI8] The facilitator sets who holds a role and for which term. */
export async function setRole(deps: CircleDeps, circleId: string, rawName: string, b: SetRoleBody): Promise<CircleRole> {
  const name = rawName.trim();
  if (name === '' || name.length > 100) throw new HttpError(400, 'A role’s name has 1 to 100 characters.');
  const today = isoDay(deps.now());
  if (b.termEnd !== null && b.termEnd < today)
    throw new HttpError(400, `The end of the term (${b.termEnd}) is in the past: choose today or a later day.`, 'termEnd');
  const termStart = b.termStart ?? (b.holderId === null ? null : today);
  if (b.termEnd !== null && termStart !== null && b.termEnd < termStart)
    throw new HttpError(400, 'The end of the term comes before its start.', 'termEnd');
  if (b.holderId !== null) {
    const holder = await deps.storage.circles.member(circleId, b.holderId);
    if (!holder || holder.removedAt !== null)
      throw new HttpError(400, 'The role holder must be a current member of the circle.', 'holderId');
  }
  if (roleKey(name) === 'facilitator' && b.holderId === null)
    throw new HttpError(409, 'The circle always has a facilitator: name the next one instead.');
  const existing = (await deps.storage.circles.roles(circleId)).find((r) => roleKey(r.name) === roleKey(name));
  const role: CircleRole = { name: existing?.name ?? name, holderId: b.holderId, termStart, termEnd: b.termEnd };
  await deps.storage.circles.setRole(circleId, role);
  return role;
}
