// Routes about who may open a meeting (docs/api.md): sync tickets for any
// participant, and for the facilitator the join codes, their rotation and the
// removal of a participant. Mounted under /api/meetings.
import { Hono } from 'hono';
import { RotateCodesBody } from '@consent/shared';
import type { AppDeps } from './deps.ts';
import { removeParticipant, rotateCodes } from './meetings.ts';
import { rateLimit } from './rateLimit.ts';
import { body, caller, facilitator } from './request.ts';

export function accessRoutes(deps: AppDeps): Hono {
  const routes = new Hono();

  // A single-use ticket for one websocket connection, so that the token stays out of URLs.
  routes.post('/:id/tickets', rateLimit(deps.limits.tickets, 'sync tickets'), async (c) => {
    const { claims } = await caller(deps, c);
    const issued = await deps.tickets.issue(claims, deps.now());
    c.header('Cache-Control', 'no-store');
    return c.json(issued, 201);
  });

  routes.get('/:id/codes', async (c) => {
    const { meeting } = await facilitator(deps, c, 'see the join codes');
    c.header('Cache-Control', 'no-store');
    return c.json({ codes: meeting.codes });
  });

  routes.post('/:id/codes', async (c) => {
    const { meeting } = await facilitator(deps, c, 'replace the join codes');
    const b = await body(c, RotateCodesBody);
    const codes = await rotateCodes(deps, meeting, b.role);
    deps.log.info({ meetingId: meeting.id, role: b.role ?? 'all' }, 'join codes replaced');
    return c.json({ codes });
  });

  routes.delete('/:id/participants/:participantId', async (c) => {
    const { meeting, claims } = await facilitator(deps, c, 'remove participants');
    const participantId = c.req.param('participantId');
    const removedAt = await removeParticipant(deps, meeting, claims.participantId, participantId);
    deps.log.info({ meetingId: meeting.id, participantId }, 'participant removed');
    return c.json({ participantId, removedAt });
  });

  return routes;
}
