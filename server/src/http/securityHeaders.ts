// Security headers on every HTTP answer (API, board, static files, errors):
// a policy without inline script, no MIME sniffing, no referrer, no framing.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { MINUTES_CSP, MINUTES_STYLE } from '@consent/shared';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The board's policy. `'self'` in connect-src covers the sync websocket of the same
 * host (ws: and wss: match 'self' in CSP 3). Styles come from the board's own files;
 * the only inline style allowed is the minutes' stylesheet, by its hash, for the print
 * view, whose sandboxed frame inherits this policy. React and TipTap set styles through
 * the CSSOM (element.style), which style-src does not govern.
 */
export const BOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' ${sha256(MINUTES_STYLE)}`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The minutes as an HTML file: an opaque origin with no script, whoever opens it. */
export const MINUTES_FILE_CSP = `sandbox; ${MINUTES_CSP}; frame-ancestors 'none'`;

export function securityHeaders(): MiddlewareHandler {
  const others = secureHeaders({
    referrerPolicy: 'no-referrer',
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'DENY',
    // HTTPS is a proxy's business here; HSTS over plain HTTP would be ignored or wrong.
    strictTransportSecurity: false,
    // A route that sets its own policy (the minutes file) keeps it.
    overwrite: false,
  });
  return async (c, next) => {
    await others(c, next);
    if (!c.res.headers.has('Content-Security-Policy')) c.res.headers.set('Content-Security-Policy', BOARD_CSP);
  };
}
