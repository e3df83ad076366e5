// Serves the built board (CLIENT_DIST) with history fallback: a path that is
// no file gets index.html, so /m/:meetingId and its siblings load the board.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export const MISSING_CLIENT =
  'The board has not been built yet. Build it with `pnpm --filter @consent/client build` (or run `npm start`), then reload.\n';

export function staticHandler(root: string) {
  const rootWithSep = root.endsWith(sep) ? root : root + sep;
  const fileAt = (path: string): string | null => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      return null;
    }
    const full = normalize(join(root, decoded));
    if (!full.startsWith(rootWithSep)) return null;
    try {
      return statSync(full).isFile() ? full : null;
    } catch {
      return null;
    }
  };

  return (c: Context) => {
    const index = join(root, 'index.html');
    if (!existsSync(index)) return c.text(MISSING_CLIENT, 503);
    const path = new URL(c.req.url).pathname;
    const file = fileAt(path);
    if (file) {
      // Vite's hashed assets never change under one name.
      const immutable = path.startsWith('/assets/');
      return c.body(readFileSync(file), 200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    // A missing asset is a 404; any other path is a board route.
    if (extname(path) && !path.startsWith('/m/')) return c.text('not found\n', 404);
    return c.body(readFileSync(index), 200, { 'Content-Type': TYPES['.html']!, 'Cache-Control': 'no-cache' });
  };
}
