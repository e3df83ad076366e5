// DELETE /api/meetings/:id: the facilitator erases the whole meeting. Open
// sockets are closed with 4404, the room is dropped, and storage deletes every
// row of the meeting so its bytes leave the database file.
import type { Context } from 'hono';
import type { Logger } from 'pino';
import { MEETING_NOT_FOUND, type AccessDeps } from '../auth.ts';
import type { RoomManager } from '../room/RoomManager.ts';
import { facilitator } from './request.ts';

interface Deps extends AccessDeps {
  manager: RoomManager;
  log: Logger;
}

export function deleteMeetingRoute(deps: Deps) {
  return async (c: Context) => {
    const meetingId = c.req.param('id')!;
    const { claims } = await facilitator(deps, c, 'delete the meeting');
    if (!(await deps.manager.deleteMeeting(meetingId))) return c.json({ error: MEETING_NOT_FOUND }, 404);
    deps.log.info({ meetingId, participantId: claims.participantId }, 'meeting deleted');
    return c.body(null, 204);
  };
}
