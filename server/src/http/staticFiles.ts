// Serves the built board (CLIENT_DIST) through Hono's static middleware, with
// history fallback: a path that is no file gets index.html, so /m/:meetingId
// and its siblings load the board. Files are streamed, never read whole.
import { existsSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono } from 'hono';

export const MISSING_CLIENT =
  'The board has not been built yet. Build it with `pnpm --filter @consent/client build` (or run `npm start`), then reload.\n';

/** Vite's hashed assets never change under one name; everything else is revalidated. */
const cacheControl = (path: string, c: Context) => {
  c.header('Cache-Control', path.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
};

export function serveBoard(app: Hono, root: string): void {
  const index = join(root, 'index.html');
  app.get('*', (c, next) => (existsSync(index) ? next() : c.text(MISSING_CLIENT, 503)));
  app.get('*', serveStatic({ root, onFound: cacheControl }));
  // A missing asset is a 404; any other path is a board route.
  app.get('*', (c, next) => (extname(c.req.path) && !c.req.path.startsWith('/m/') ? c.text('not found\n', 404) : next()));
  app.get('*', serveStatic({ root, path: 'index.html', onFound: cacheControl }));
}
