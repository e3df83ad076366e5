// [CI31] GET /api/circles/:id/events: a member's live page of the circle, as
// Server-Sent Events. `changed` says which parts to read again; `ended` says why
// the stream stops (the member was removed, the server stops). A comment every
// HEARTBEAT_MS keeps proxies from closing an idle stream.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { CIRCLE_EVENTS, type CircleChangePart } from '@consent/shared';
import { circleCaller, type CircleDeps } from '../circles/access.ts';
import type { CircleEvents, CircleWatcher } from '../circles/CircleEvents.ts';
import { clientAddress } from './clientAddress.ts';

export const HEARTBEAT_MS = 25_000;

export async function circleEventStream(deps: CircleDeps & { circleEvents: CircleEvents }, c: Context): Promise<Response> {
  // [CI2][CI3] the same refusals as reading the circle, answered before the stream opens
  const who = await circleCaller(deps, c);
  let sink: CircleWatcher | null = null;
  const watching = deps.circleEvents.watch(who.circle.id, who.member.personId, clientAddress(c), {
    changed: (parts) => sink?.changed(parts),
    end: (reason) => sink?.end(reason),
  });
  if ('refused' in watching) return c.json({ error: watching.refused }, 429);
  return streamSSE(c, async (stream) => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    // set before the first await: nothing written between the watch and here is missed
    sink = {
      changed: (parts: CircleChangePart[]) => void stream.writeSSE({ event: CIRCLE_EVENTS.changed, data: JSON.stringify({ parts }) }),
      end: (reason: string) => void stream.writeSSE({ event: CIRCLE_EVENTS.ended, data: JSON.stringify({ reason }) }).finally(finish),
    };
    stream.onAbort(finish);
    const beat = setInterval(() => void stream.write(': heartbeat\n\n'), HEARTBEAT_MS);
    try {
      await stream.writeSSE({ event: CIRCLE_EVENTS.ready, data: '{}' });
      await finished;
    } finally {
      clearInterval(beat);
      watching.stop();
    }
  });
}
