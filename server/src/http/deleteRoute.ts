// DELETE /api/meetings/:id: the facilitator erases the whole meeting. Open
// sockets are closed with 4404, the room is dropped, and storage deletes every
// row of the meeting so its bytes leave the database file.
import type { Context } from 'hono';
import { authorize, bearer } from '../auth.ts';
import type { RoomManager } from '../room/RoomManager.ts';
import type { Storage } from '../storage/Storage.ts';
import type { TokenSigner } from '../tokens.ts';
import type { Logger } from 'pino';

interface Deps {
  storage: Storage;
  signer: TokenSigner;
  manager: RoomManager;
  log: Logger;
}

export function deleteMeetingRoute(deps: Deps) {
  return async (c: Context) => {
    const meetingId = c.req.param('id')!;
    const auth = await authorize(deps.storage, deps.signer, meetingId, bearer(c.req.header('authorization')));
    if (!auth.ok) return c.json({ error: auth.error }, auth.status);
    if (auth.claims.role !== 'facilitator') return c.json({ error: 'only the facilitator may delete the meeting' }, 403);
    if (!(await deps.manager.deleteMeeting(meetingId))) return c.json({ error: 'meeting not found' }, 404);
    deps.log.info({ meetingId, participantId: auth.claims.participantId }, 'meeting deleted');
    return c.body(null, 204);
  };
}
