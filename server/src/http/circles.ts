// The circle routes (docs/api.md, docs/circles.md), mounted under /api/circles.
// Every route but creation and redemption takes a circle credential (Bearer);
// the facilitator's routes check the circle's facilitator role (CI4).
import { Hono } from 'hono';
import { AddMemberBody, CreateCircleBody, CreateCircleMeetingBody, RedeemBody, SetRoleBody } from '@consent/shared';
import { circleCaller, circleFacilitator, type CircleDeps } from '../circles/access.ts';
import { createMeetingInCircle, enterMeeting, listMeetings, removeMember } from '../circles/meetings.ts';
import { addMember, circleView, createCircle, personalLink, redeem, setRole, transferLink } from '../circles/membership.ts';
import { circleEventStream } from './circleEventsRoute.ts';
import { circleRecordRoutes } from './circleRecords.ts';
import type { AppDeps } from './deps.ts';
import { rateLimit } from './rateLimit.ts';
import { body } from './request.ts';

export function circleRoutes(deps: AppDeps & CircleDeps): Hono {
  const routes = new Hono();
  routes.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });

  // [CI13] a new circle costs what a new meeting does: the same per-address rate
  routes.post('/', rateLimit(deps.limits.create, 'new circles and meetings'), async (c) => {
    const b = await body(c, CreateCircleBody);
    const created = await createCircle(deps, b);
    deps.log.info({ circleId: created.circleId }, 'circle created');
    return c.json(created, 201);
  });

  routes.get('/:id', async (c) => c.json(await circleView(deps, await circleCaller(deps, c))));

  routes.post('/:id/members', async (c) => {
    const who = await circleFacilitator(deps, c, 'add members');
    const b = await body(c, AddMemberBody);
    const link = await addMember(deps, who.circle.id, b);
    deps.log.info({ circleId: who.circle.id, personId: link.personId }, 'circle member added');
    return c.json(link, 201);
  });

  routes.post('/:id/members/:personId/link', async (c) => {
    const who = await circleFacilitator(deps, c, 'give personal links');
    return c.json(await personalLink(deps, who.circle.id, c.req.param('personId')), 201);
  });

  routes.delete('/:id/members/:personId', async (c) => {
    const who = await circleFacilitator(deps, c, 'remove members');
    const personId = c.req.param('personId');
    const removedAt = await removeMember(deps, who, personId);
    deps.log.info({ circleId: who.circle.id, personId }, 'circle member removed');
    return c.json({ personId, removedAt });
  });

  // [CI13] limited before anything is looked up: a redemption is also a guess of a code
  routes.post('/:id/redeem', rateLimit(deps.limits.join, 'joins'), async (c) => {
    const b = await body(c, RedeemBody);
    return c.json(await redeem(deps, c.req.param('id'), b.code));
  });

  routes.post('/:id/transfer', rateLimit(deps.limits.tickets, 'transfer codes'), async (c) => {
    return c.json(await transferLink(deps, await circleCaller(deps, c)), 201);
  });

  routes.put('/:id/roles/:roleName', async (c) => {
    const who = await circleFacilitator(deps, c, 'change the circle’s roles');
    const b = await body(c, SetRoleBody);
    return c.json(await setRole(deps, who.circle.id, c.req.param('roleName'), b));
  });

  // [CI31] the circle page's live updates
  routes.get('/:id/events', (c) => circleEventStream(deps, c));

  routes.get('/:id/meetings', async (c) => {
    const who = await circleCaller(deps, c);
    return c.json({ meetings: await listMeetings(deps, who.circle.id) });
  });

  routes.post('/:id/meetings', rateLimit(deps.limits.create, 'new circles and meetings'), async (c) => {
    const who = await circleFacilitator(deps, c, 'create the circle’s meetings');
    const b = await body(c, CreateCircleMeetingBody);
    const created = await createMeetingInCircle(deps, who, b);
    deps.log.info({ circleId: who.circle.id, meetingId: created.meetingId }, 'circle meeting created');
    return c.json(created, 201);
  });

  routes.post('/:id/meetings/:meetingId/enter', rateLimit(deps.limits.tickets, 'meeting entries'), async (c) => {
    const who = await circleCaller(deps, c);
    return c.json(await enterMeeting(deps, who, c.req.param('meetingId')));
  });

  routes.route('/', circleRecordRoutes(deps));
  return routes;
}
