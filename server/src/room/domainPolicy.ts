// The write policy of the real server: the shared domain decides (rights, move
// table, consent), neutralizes refused updates and writes the log events.
import { ORIGIN, appendLog, checkUpdate, liveDeletions, neutralizeUpdate, type LogEvent, type LogEventDraft } from '@consent/shared';
import type { WritePolicy } from './writeCheck.ts';

export const domainPolicy: WritePolicy = {
  check: (doc, update, actor, ownerOfClient, refusedDeletes) => checkUpdate(doc, update, actor, { ownerOfClient, refusedDeletes }),
  liveDeletions: (doc, update) => liveDeletions(doc, update),
  neutralize: (update, keep) => neutralizeUpdate(update, keep),
  appendEvents(doc, events, actorId, at) {
    // The drafts come from checkUpdate; the server adds its clock and the author.
    const full = (events as LogEventDraft[]).map((e) => ({ ...e, at, actorId }) as LogEvent);
    appendLog(doc, full, ORIGIN.server);
  },
};
