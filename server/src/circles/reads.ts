// What a circle's members read of its memory (docs/circles.md): the register with
// review due first and each entry's history [CI18][CI23], the action items of its
// meetings not done yet [CI27], and the trends across its meetings [CI28].
import {
  REGISTER_PAGE_MAX,
  buildMinutes,
  meetingTrend,
  readMeeting,
  reviewDue,
  type CircleAction,
  type MeetingTrend,
  type MinutesJson,
  type RegisterPage,
  type RegisterQuery,
} from '@consent/shared';
import type { RoomManager } from '../room/RoomManager.ts';
import type { Storage } from '../storage/Storage.ts';
import { isoDay } from './membership.ts';

type Deps = { storage: Storage; manager: RoomManager; now(): number };

/** [CI18][CI23] One page of the register: entries in force, review due first, each with its earlier versions. */
export async function registerPage(deps: Pick<Deps, 'storage' | 'now'>, circleId: string, q: RegisterQuery): Promise<RegisterPage> {
  const today = isoDay(deps.now());
  const records = deps.storage.circles.records;
  const { total, entries } = await records.register(circleId, { today, q: q.q, limit: q.limit ?? 50, offset: q.offset ?? 0 });
  const rows = [];
  for (const e of entries.slice(0, REGISTER_PAGE_MAX)) {
    rows.push({ ...e, reviewDue: reviewDue(e.reviewDate, today), history: e.supersedes ? await records.history(e.id) : [] });
  }
  return { today, total, entries: rows };
}

/** Each meeting of the circle as minutes, oldest first (a live meeting as it stands now). */
async function circleMinutes(deps: Deps, circleId: string): Promise<MinutesJson[]> {
  const out: MinutesJson[] = [];
  const meetings = (await deps.storage.circles.meetings(circleId)).reverse();
  for (const m of meetings) {
    if (!(await deps.storage.getMeeting(m.meetingId))) continue;
    out.push(
      await deps.manager.readDoc(m.meetingId, (doc) => buildMinutes(readMeeting(doc).meeting, { meetingId: m.meetingId, now: deps.now() })),
    );
  }
  return out;
}

/** [CI27] Action items of the circle's meetings that are not done, by due date (undated last). */
export async function openActions(deps: Deps, circleId: string): Promise<CircleAction[]> {
  const out: CircleAction[] = [];
  for (const m of await circleMinutes(deps, circleId)) {
    for (const a of m.actions) {
      if (a.done) continue;
      out.push({
        meetingId: m.meeting.id,
        meetingTitle: m.meeting.title,
        actionId: a.id,
        itemTitle: a.itemTitle,
        text: a.text,
        assignee: a.assignee,
        due: a.due,
      });
    }
  }
  return out.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
}

/** [CI28] One point per meeting of the circle, oldest first. */
export async function circleTrends(deps: Deps, circleId: string): Promise<MeetingTrend[]> {
  return (await circleMinutes(deps, circleId)).map(meetingTrend);
}
