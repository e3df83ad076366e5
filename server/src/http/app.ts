// The HTTP API (docs/api.md) and the built board, on Hono. Bodies are
// validated with zod; every error is JSON `{ error, field? }`, never a stack.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { CreateMeetingBody, InvitationBody, JoinMeetingBody } from '@consent/shared';
import { MEETING_NOT_FOUND } from '../auth.ts';
import { OwnedElsewhere } from '../cluster/LeaseKeeper.ts';
import { ownerForwarding } from '../cluster/httpForwarding.ts';
import { MeetingDeleted } from '../room/RoomManager.ts';
import { clientAddress } from './clientAddress.ts';
import { accessRoutes } from './access.ts';
import { circleRoutes } from './circles.ts';
import { deleteMeetingRoute } from './deleteRoute.ts';
import type { AppDeps } from './deps.ts';
import { facilitationRoutes } from './facilitation.ts';
import { createMeetingWithCodes, invitation, joinMeeting } from './meetings.ts';
import { exportMinutes, MINUTES_FORMATS, MinutesLang, type MinutesFormat } from './minutes.ts';
import { rateLimit } from './rateLimit.ts';
import { body, caller, HttpError } from './request.ts';
import { MINUTES_FILE_CSP, securityHeaders } from './securityHeaders.ts';
import { serveBoard } from './staticFiles.ts';

const MAX_BODY_BYTES = 16 * 1024;

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      return c.json(err.field ? { error: err.message, field: err.field } : { error: err.message }, err.status);
    }
    // a join or an export that raced the meeting's deletion
    if (err instanceof MeetingDeleted) return c.json({ error: err.message }, 404);
    // several nodes: the meeting's owner did not answer and its lease has not expired yet
    if (err instanceof OwnedElsewhere) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(err.expiresInMs / 1000))));
      return c.json({ error: 'The node serving this meeting is not answering; try again in a moment.' }, 503);
    }
    deps.log.error({ err, path: c.req.path }, 'request failed');
    return c.json({ error: 'internal error' }, 500);
  });

  app.use('*', securityHeaders());
  // Every API body is a few hundred bytes; nothing larger is read into memory.
  app.use(
    '/api/*',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: `the body is larger than ${MAX_BODY_BYTES} bytes` }, 413) }),
  );

  app.get('/api/health', async (c) => {
    const more = deps.health ? await deps.health() : {};
    return c.json({ ok: more.ok ?? true, version: deps.version, ...more }, more.ok === false ? 503 : 200);
  });
  if (deps.cluster) {
    // [N35] a meeting's requests are served by its owner
    const forward = ownerForwarding(deps.cluster, deps.manager, clientAddress);
    app.use('/api/meetings/:id', forward);
    app.use('/api/meetings/:id/*', forward);
    app.use('/api/circles/:circle/meetings/:id/*', forward);
  }

  app.post('/api/meetings', rateLimit(deps.limits.create, 'new meetings'), async (c) => {
    const b = await body(c, CreateMeetingBody);
    const created = await createMeetingWithCodes(deps, {
      title: b.title,
      circle: b.circle ?? '',
      aim: b.aim ?? '',
      facilitatorName: b.facilitatorName,
    });
    deps.log.info({ meetingId: created.meetingId }, 'meeting created');
    return c.json(created, 201);
  });

  // Limited before anything is looked up: a join is also a guess of a join code.
  app.post('/api/meetings/:id/join', rateLimit(deps.limits.join, 'joins'), async (c) => {
    const meetingId = c.req.param('id');
    const meeting = await deps.storage.getMeeting(meetingId);
    if (!meeting) throw new HttpError(404, MEETING_NOT_FOUND);
    const b = await body(c, JoinMeetingBody);
    const joined = await joinMeeting(deps, meeting, b);
    deps.log.info({ meetingId, participantId: joined.participantId, role: joined.role }, 'participant joined');
    return c.json(joined, 201);
  });

  // The join page names the meeting a link opens; only a valid code learns it (a POST: codes stay out of server logs).
  app.post('/api/meetings/:id/invitation', async (c) => {
    const meeting = await deps.storage.getMeeting(c.req.param('id'));
    if (!meeting) throw new HttpError(404, MEETING_NOT_FOUND);
    const b = await body(c, InvitationBody);
    c.header('Cache-Control', 'no-store');
    return c.json(await invitation(deps, meeting, b.code));
  });

  // Before the minutes route, whose `:file` would take `codes` and `tickets` too.
  app.route('/api/meetings', accessRoutes(deps));
  app.delete('/api/meetings/:id', deleteMeetingRoute(deps));
  app.route('/api/meetings', facilitationRoutes(deps));

  app.get('/api/meetings/:id/:file', async (c) => {
    const format = /^minutes\.(md|html|json)$/.exec(c.req.param('file'))?.[1] as MinutesFormat | undefined;
    if (!format || !MINUTES_FORMATS.includes(format)) throw new HttpError(404, 'not found');
    const meetingId = c.req.param('id');
    await caller(deps, c);
    const lang = MinutesLang.safeParse(c.req.query('lang'));
    if (!lang.success) throw new HttpError(400, lang.error.issues[0]?.message ?? 'lang is not valid.', 'lang');
    const out = await exportMinutes(deps, meetingId, format, lang.data);
    return c.body(out.body, 200, {
      'Content-Type': out.contentType,
      'Content-Disposition': `attachment; filename="${out.fileName}"; filename*=UTF-8''${encodeURIComponent(out.fileName)}`,
      'Cache-Control': 'no-store',
      ...(format === 'html' ? { 'Content-Security-Policy': MINUTES_FILE_CSP } : {}),
    });
  });

  app.route('/api/circles', circleRoutes(deps));

  app.all('/api/*', (c) => c.json({ error: 'not found' }, 404));
  // A plain GET of the sync endpoint (no upgrade) is answered here; upgrades never reach Hono.
  app.all('/sync/*', (c) => c.json({ error: 'websocket upgrade required' }, 426));
  serveBoard(app, deps.clientDist);
  app.all('*', (c) => c.json({ error: 'not found' }, 404));
  return app;
}
