// [F3] The server watches the facilitator's awareness presence in each room and
// publishes their absence (`handover.away`, with the server's clock) so that the
// board can offer a takeover; their return clears it and any takeover proposal.
import type * as Y from 'yjs';
import type { Logger } from 'pino';
import { AwaySchema, HANDOVER_KEY, ORIGIN, handover, meta, writeAway, writeHandoverProposal } from '@consent/shared';
import type { Room } from '../room/Room.ts';

export interface WatchDeps {
  now(): number;
  /** How long the facilitator is gone before someone may take over [F6]. */
  awayMs: number;
  log: Logger;
}

/** What the document should say about the facilitator's presence now, or null when it already does. */
function correction(doc: Y.Doc, room: Pick<Room, 'isOnline' | 'othersOnline'>): { facilitatorId: string; online: boolean } | null {
  const facilitatorId = meta(doc).get('facilitatorId');
  if (typeof facilitatorId !== 'string' || facilitatorId === '' || meta(doc).get('phase') === 'closed') return null;
  const away = AwaySchema.safeParse(handover(doc).get(HANDOVER_KEY.away));
  const markedAway = away.success && away.data.participantId === facilitatorId;
  const online = room.isOnline(facilitatorId);
  // an absence matters only to someone who could take over: with nobody else online nothing is written
  if (!online && !room.othersOnline(facilitatorId)) return null;
  return online === markedAway ? { facilitatorId, online } : null;
}

/** Called whenever who is online in the room may have changed; cheap when nothing changes (caret moves). */
export function watchFacilitator(deps: WatchDeps, room: Room): void {
  if (room.state !== 'ready' || correction(room.doc, room) === null) return;
  const write = (doc: Y.Doc): void => {
    // read again: the document may have changed while the write waited
    const fix = correction(doc, room);
    if (fix === null) return;
    doc.transact(() => {
      if (fix.online) {
        writeAway(doc, null);
        if (handover(doc).has(HANDOVER_KEY.proposal)) writeHandoverProposal(doc, null);
      } else {
        const since = deps.now();
        writeAway(doc, { participantId: fix.facilitatorId, since, takeoverAt: since + deps.awayMs });
      }
    }, ORIGIN.server);
  };
  room.serverWrite(write).catch((err: unknown) => {
    deps.log.warn({ meetingId: room.meetingId, err }, 'recording the facilitator’s presence failed');
  });
}
