// The routes of a circle's memory (docs/api.md#circle-register): register, offers
// for a new meeting, backlog, open action items, trends, calendar feed, export.
// Members only (CI2, CI30), except the feed, which its secret opens (CI29).
import { Hono } from 'hono';
import {
  ProposeBacklogBody,
  REGISTER_FORMATS,
  RegisterQuery,
  registerCsv,
  registerJson,
  registerMarkdown,
  type RegisterFormat,
} from '@consent/shared';
import { circleCaller, circleFacilitator, findCircle, type CircleDeps } from '../circles/access.ts';
import { circleCalendar, FEED_WORDS, feedOpens, feedPath } from '../circles/calendar.ts';
import { meetingOffers } from '../circles/offers.ts';
import { circleTrends, openActions, registerPage } from '../circles/reads.ts';
import { randomId } from '../tokens.ts';
import type { AppDeps } from './deps.ts';
import { minutesFileName } from './minutes.ts';
import { rateLimit } from './rateLimit.ts';
import { body, HttpError } from './request.ts';

const EXPORT_TYPES: Record<RegisterFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export function circleRecordRoutes(deps: AppDeps & CircleDeps): Hono {
  const routes = new Hono();

  routes.get('/:id/register', async (c) => {
    const who = await circleCaller(deps, c);
    const q = RegisterQuery.safeParse(c.req.query());
    if (!q.success) throw new HttpError(400, 'The register is searched with q (text), limit (1–200) and offset.', 'q');
    return c.json(await registerPage(deps, who.circle.id, q.data));
  });

  routes.get('/:id/register/export', async (c) => {
    const who = await circleCaller(deps, c);
    const format = c.req.query('format') ?? 'md';
    if (!(REGISTER_FORMATS as readonly string[]).includes(format))
      throw new HttpError(400, 'The register downloads as md, csv or json.', 'format');
    const f = format as RegisterFormat;
    const entries = await deps.storage.circles.records.allDecisions(who.circle.id);
    const { id, name, aim } = who.circle;
    const text =
      f === 'json'
        ? JSON.stringify(registerJson({ id, name, aim }, entries, deps.now()), null, 2)
        : f === 'csv'
          ? registerCsv(entries)
          : registerMarkdown({ id, name, aim }, entries);
    const file = minutesFileName(name, deps.now(), 'md').replace(/-minutes\.md$/, `-register.${f}`);
    c.header('Content-Type', EXPORT_TYPES[f]);
    c.header('Content-Disposition', `attachment; filename="${file}"`);
    return c.body(text);
  });

  routes.get('/:id/offers', async (c) => {
    const who = await circleFacilitator(deps, c, 'create the circle’s meetings');
    return c.json(await meetingOffers(deps.storage, who.circle.id, deps.now()));
  });

  routes.get('/:id/backlog', async (c) => {
    const who = await circleCaller(deps, c);
    return c.json({ backlog: await deps.storage.circles.records.backlog(who.circle.id) });
  });

  routes.post('/:id/backlog', async (c) => {
    const who = await circleCaller(deps, c);
    if (who.member.role !== 'member') throw new HttpError(403, 'Only the circle’s members propose backlog items; a guest asks a member.');
    const b = await body(c, ProposeBacklogBody);
    const item = {
      id: randomId(),
      title: b.title,
      text: b.text ?? '',
      source: 'circle' as const,
      authorId: who.member.personId,
      authorName: who.member.name,
      at: deps.now(),
      meetingId: null,
    };
    await deps.storage.circles.records.addBacklog({ ...item, circleId: who.circle.id, sourceEntry: null });
    return c.json(item, 201);
  });

  routes.get('/:id/actions', async (c) => {
    const who = await circleCaller(deps, c);
    return c.json({ actions: await openActions(deps, who.circle.id) });
  });

  routes.get('/:id/trends', async (c) => {
    const who = await circleCaller(deps, c);
    return c.json({ meetings: await circleTrends(deps, who.circle.id) });
  });

  const feedUrl = async (reqUrl: string, circleId: string) =>
    new URL(feedPath(deps.circleSigner, circleId, await deps.storage.circles.records.feedVersion(circleId)), reqUrl).toString();

  routes.get('/:id/calendar', async (c) => {
    const who = await circleCaller(deps, c);
    return c.json({ url: await feedUrl(c.req.url, who.circle.id) });
  });

  routes.post('/:id/calendar/rotate', async (c) => {
    const who = await circleFacilitator(deps, c, 'replace the calendar address');
    await deps.storage.circles.records.rotateFeed(who.circle.id);
    deps.log.info({ circleId: who.circle.id }, 'calendar address replaced');
    return c.json({ url: await feedUrl(c.req.url, who.circle.id) });
  });

  // [CI29] the feed: its secret alone opens it (a calendar application sends no credential)
  routes.get('/:id/calendar/:file', rateLimit(deps.limits.tickets, 'calendar reads'), async (c) => {
    const circle = await findCircle(deps, c.req.param('id'));
    const file = c.req.param('file');
    const secret = file.endsWith('.ics') ? file.slice(0, -4) : '';
    if (!secret || !(await feedOpens(deps.storage, deps.circleSigner, circle.id, secret))) throw new HttpError(404, FEED_WORDS.notFound);
    c.header('Content-Type', 'text/calendar; charset=utf-8');
    return c.body(await circleCalendar(deps.storage, circle, new URL(c.req.url).hostname, deps.now()));
  });

  return routes;
}
