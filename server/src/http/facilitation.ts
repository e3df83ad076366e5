// Routes of facilitation (docs/api.md): sealed positions and nominations, the
// reveal, and the takeover when the facilitator is gone. Mounted under /api/meetings.
import { Hono } from 'hono';
import { HandoverAnswerBody, SealedNominationBody, SealedPositionBody } from '@consent/shared';
import type { AppDeps } from './deps.ts';
import { answerProposal, proposeSelf, takeOver } from '../facilitation/handover.ts';
import { ownSealed, revealNow, submitSealed } from '../facilitation/sealing.ts';
import { body, caller } from './request.ts';

export function facilitationRoutes(deps: AppDeps): Hono {
  const routes = new Hono();
  const noStore = { 'Cache-Control': 'no-store' };

  routes.post('/:id/items/:itemId/sealed-position', async (c) => {
    const { claims, meeting } = await caller(deps, c);
    const b = await body(c, SealedPositionBody);
    const out = await submitSealed(deps, meeting.id, claims.participantId, c.req.param('itemId'), { kind: 'position', ...b });
    return c.json(out, 200, noStore);
  });

  routes.post('/:id/items/:itemId/sealed-nomination', async (c) => {
    const { claims, meeting } = await caller(deps, c);
    const b = await body(c, SealedNominationBody);
    const out = await submitSealed(deps, meeting.id, claims.participantId, c.req.param('itemId'), { kind: 'nomination', ...b });
    return c.json(out, 200, noStore);
  });

  routes.get('/:id/items/:itemId/sealed', async (c) => {
    const { claims, meeting } = await caller(deps, c);
    return c.json(await ownSealed(deps, meeting.id, claims.participantId, c.req.param('itemId')), 200, noStore);
  });

  routes.post('/:id/items/:itemId/reveal', async (c) => {
    const { claims, meeting } = await caller(deps, c);
    const out = await revealNow(deps, meeting.id, claims.participantId, c.req.param('itemId'));
    deps.log.info({ meetingId: meeting.id, itemId: c.req.param('itemId') }, 'sealed answers revealed');
    return c.json(out, 200, noStore);
  });

  routes.post('/:id/facilitation/take-over', async (c) => {
    const { claims, meeting } = await caller(deps, c);
    return c.json(await takeOver(deps, meeting.id, claims.participantId));
  });

  routes.post('/:id/facilitation/proposal', async (c) => {
    const { claims, meeting } = await caller(deps, c);
    return c.json(await proposeSelf(deps, meeting.id, claims.participantId));
  });

  routes.post('/:id/facilitation/answer', async (c) => {
    const { claims, meeting } = await caller(deps, c);
    const b = await body(c, HandoverAnswerBody);
    return c.json(await answerProposal(deps, meeting.id, claims.participantId, b.answer));
  });

  return routes;
}
