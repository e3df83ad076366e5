// [N35] HTTP requests about one meeting (join, facilitation, minutes, removal,
// deletion) are served by the node that owns it: another node forwards the
// request once, with the client's address signed for the owner's rate limits.
// A meeting no node owns is served, and taken, by the node the request reached.
import type { Context, MiddlewareHandler } from 'hono';
import type { RoomManager } from '../room/RoomManager.ts';
import type { ClusterNode } from './forwarding.ts';
import { HOP_HEADER } from './internalAuth.ts';

/** Headers that describe one hop's connection, not the request. */
const HOP_BY_HOP = ['host', 'connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'content-length'];

/** The client's address a forwarding node vouched for (clientAddress.ts reads it). */
export const FORWARDED_FOR = 'consentForwardedFor';

export function ownerForwarding(cluster: ClusterNode, manager: RoomManager, clientAddress: (c: Context) => string): MiddlewareHandler {
  const { auth, keeper, now } = cluster.opts;
  return async (c, next) => {
    const meetingId = c.req.param('id');
    const vouched = auth.readHop(c.req.header(HOP_HEADER), now());
    if (vouched) {
      c.set(FORWARDED_FOR as never, vouched as never);
      return next();
    }
    if (!meetingId || manager.room(meetingId) || keeper.serving(meetingId)) return next();
    const holder = await keeper.holder(meetingId);
    if (!holder || holder.expiresInMs === 0 || holder.owner === keeper.nodeId) return next();
    const url = new URL(c.req.url);
    const headers = new Headers(c.req.raw.headers);
    for (const h of HOP_BY_HOP) headers.delete(h);
    headers.set(HOP_HEADER, auth.hop(now(), clientAddress(c)));
    const hasBody = c.req.method !== 'GET' && c.req.method !== 'HEAD';
    let answer: Response;
    try {
      answer = await fetch(`http://${holder.address}${url.pathname}${url.search}`, {
        method: c.req.method,
        headers,
        body: hasBody ? await c.req.arrayBuffer() : undefined,
        redirect: 'manual',
        signal: AbortSignal.timeout(10_000),
      });
    } catch {
      // the owner is gone: served here once its lease expired, else 503 (withRoom throws OwnedElsewhere)
      return next();
    }
    const out = new Headers(answer.headers);
    for (const h of HOP_BY_HOP) out.delete(h);
    out.delete('content-encoding');
    return new Response(answer.body, { status: answer.status, headers: out });
  };
}
