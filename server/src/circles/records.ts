// The circle's memory written from its meetings (docs/circles.md): a decided item
// becomes a register entry [CI16] (superseding the entry its review item revised,
// CI23), and a closing meeting hands its backlog on to the circle [CI25]. Written
// when the server appends the decision (or the close) to the log; every write is
// idempotent, so the close writes every decision again as a safety net [CI17].
import { backlogOf, buildMinutes, readMeeting, registerEntryOf, type MeetingSnapshot, type MinutesJson } from '@consent/shared';
import type { Logger } from 'pino';
import type { LogEventDraftLike, WritePolicy } from '../room/writeCheck.ts';
import type { Storage } from '../storage/Storage.ts';
import type { CircleEvents } from './CircleEvents.ts';
import { OFFER_WORDS } from './offers.ts';

type Deps = { storage: Storage; log: Logger; now(): number; events?: CircleEvents };

/** [CI16][CI23] Stores the register entries of decided items of a meeting of a circle (nothing for a one-off meeting). */
export async function recordDecisions(deps: Deps, minutes: MinutesJson, itemIds: readonly string[]): Promise<number> {
  const meetingId = minutes.meeting.id;
  const circleId = await deps.storage.circles.circleOfMeeting(meetingId);
  if (!circleId) return 0;
  const records = deps.storage.circles.records;
  let added = 0;
  for (const itemId of itemIds) {
    const supersedes = await records.reviewOf(meetingId, itemId);
    const entry = registerEntryOf(minutes, itemId, { circleId, supersedes });
    if (!entry) continue;
    // [CI23] a revision keeps the policy's name: "Review: X", as the item was offered, is X again
    const earlier = supersedes ? await records.getDecision(supersedes) : null;
    if (earlier && entry.title === OFFER_WORDS.review(earlier.title)) entry.title = earlier.title;
    if (await records.addDecision(entry)) added++;
  }
  return added;
}

/** [CI25] A meeting's backlog entries join the circle's backlog, each once. */
export async function handOnBacklog(deps: Deps, meeting: MeetingSnapshot, meetingId: string): Promise<number> {
  const circleId = await deps.storage.circles.circleOfMeeting(meetingId);
  if (!circleId) return 0;
  let added = 0;
  for (const row of backlogOf(meeting)) {
    const authorName = meeting.participants[row.authorId]?.name ?? row.authorId;
    const item = {
      id: `${meetingId}~${row.id}`,
      circleId,
      title: row.title,
      text: row.text,
      source: row.source,
      authorId: row.authorId,
      authorName,
      at: row.at,
      meetingId,
      sourceEntry: row.id,
    };
    if (await deps.storage.circles.records.addBacklog(item)) added++;
  }
  return added;
}

const decidedItems = (m: MinutesJson): string[] => m.items.filter((i) => i.stage === 'decided').map((i) => i.id);

/** [CI16][CI25] The write policy with one addition: decisions and a meeting's close reach the meeting's circle. */
export function withCircleRecords(inner: WritePolicy, deps: Deps): WritePolicy {
  return {
    ...inner,
    appendEvents(doc, events, actorId, at, meetingId) {
      inner.appendEvents(doc, events, actorId, at, meetingId);
      const drafts = events as LogEventDraftLike[];
      const decided = drafts.filter((e) => e.type === 'decision' && typeof e.itemId === 'string').map((e) => e.itemId as string);
      const closed = drafts.some((e) => e.type === 'phase' && e.to === 'closed');
      if (decided.length === 0 && !closed) return;
      // read the document now, while it holds what was accepted; store after
      const snapshot = readMeeting(doc).meeting;
      const minutes = buildMinutes(snapshot, { meetingId, now: at });
      const work = async () => {
        await recordDecisions(deps, minutes, closed ? decidedItems(minutes) : decided);
        if (closed) await handOnBacklog(deps, snapshot, meetingId);
        // [CI31] the meeting's action items (and, closed, its trends) are read from the meeting
        const circleId = deps.events ? await deps.storage.circles.circleOfMeeting(meetingId) : null;
        if (circleId) deps.events?.changed(circleId, ...(closed ? (['actions', 'meetings'] as const) : (['actions'] as const)));
      };
      work().catch((err: unknown) => deps.log.error({ meetingId, err }, 'writing the circle’s register or backlog failed'));
    },
  };
}
