// What a circle keeps between its meetings (docs/circles.md, CI16–CI30): the
// decision register, the circle's backlog, what a new meeting is offered, and
// the HTTP bodies and answers that carry them. Pure: built from the minutes.
import { z } from 'zod';
import type { MinutesJson, MinutesPerson } from './minutes/types.ts';
import type { IntegrationPath } from './schema.ts';

const text = (max: number) => z.string().trim().max(max);
const Id = z.string().trim().min(1).max(200);

/** The days before a role's term ends within which a new meeting offers its selection (CI22). */
export const TERM_END_NOTICE_DAYS = 28;
/** The most entries one page of the register lists (CI18). */
export const REGISTER_PAGE_MAX = 200;

/** [CI16] One objection of a decided item and how the circle integrated it. */
export interface RegisterObjection extends MinutesPerson {
  text: string;
  status: 'open' | 'integrated' | 'withdrawn';
  path: IntegrationPath | null;
  resolution: string | null;
}

/** [CI16] The consent record frozen at the decision, with names. */
export interface RegisterConsent {
  consented: MinutesPerson[];
  /** Members who consented with a concern, with the concerns they wrote down (empty text: a concern given as a position only). */
  concerns: (MinutesPerson & { text: string })[];
  objections: RegisterObjection[];
}

/** [CI16] One decision of a meeting of the circle, as the register keeps it. */
export interface RegisterEntry {
  /** `<meetingId>~<itemId>`: one entry per decided item, however often it is written. */
  id: string;
  circleId: string;
  meetingId: string;
  meetingTitle: string;
  itemId: string;
  title: string;
  /** The final text as Markdown (the minutes' rendering of the proposal). */
  markdown: string;
  /** The final text as plain text, paragraphs on lines of their own (what a review item starts from). */
  text: string;
  revision: string;
  decidedAt: number;
  decidedBy: MinutesPerson;
  reviewDate: string | null;
  measure: string | null;
  consent: RegisterConsent;
  /** [CI23] The entry this one revised, and the one that revised it (null while it is in force). */
  supersedes: string | null;
  supersededBy: string | null;
}

/** A register entry in force, with the versions it replaced, newest first (CI23). */
export interface RegisterRow extends RegisterEntry {
  reviewDue: boolean;
  history: RegisterEntry[];
}

/** 200 answer of GET /api/circles/:id/register. */
export interface RegisterPage {
  today: string;
  total: number;
  entries: RegisterRow[];
}

export const registerEntryId = (meetingId: string, itemId: string): string => `${meetingId}~${itemId}`;

/** [CI18] Whether an entry's review is due on `day` (ISO date). */
export const reviewDue = (reviewDate: string | null, day: string): boolean => reviewDate !== null && reviewDate <= day;

/** [CI16] The register entry of a decided item, from the meeting's minutes; null when the item is not a decided consent item. */
export function registerEntryOf(
  minutes: MinutesJson,
  itemId: string,
  where: { circleId: string; supersedes: string | null },
): RegisterEntry | null {
  const item = minutes.items.find((i) => i.id === itemId);
  if (item?.stage !== 'decided' || !item.decision || item.kind === 'selection') return null;
  const d = item.decision;
  const concernCards = item.concerns.filter((c) => c.status === 'open');
  const concerns = d.concerns.map((p) => ({
    ...p,
    text: concernCards
      .filter((c) => c.authorId === p.participantId)
      .map((c) => c.text)
      .join(' '),
  }));
  for (const c of concernCards) {
    if (!concerns.some((x) => x.participantId === c.authorId))
      concerns.push({ participantId: c.authorId, name: c.authorName, text: c.text });
  }
  return {
    id: registerEntryId(minutes.meeting.id, itemId),
    circleId: where.circleId,
    meetingId: minutes.meeting.id,
    meetingTitle: minutes.meeting.title,
    itemId,
    title: item.title,
    markdown: item.proposal.markdown,
    text: d.text,
    revision: d.revision,
    decidedAt: Date.parse(d.at),
    decidedBy: d.by,
    reviewDate: item.term?.reviewDate ?? d.reviewDate,
    measure: item.term?.measure || d.measure || null,
    consent: {
      consented: d.consented,
      concerns,
      objections: item.objections.map((o) => ({
        participantId: o.authorId,
        name: o.authorName,
        text: o.text,
        status: o.status,
        path: o.path,
        resolution: o.resolution,
      })),
    },
    supersedes: where.supersedes,
    supersededBy: null,
  };
}

/** Where a backlog entry of the circle came from (CI25): proposed on the circle page, or handed on by a meeting. */
export const CIRCLE_BACKLOG_SOURCES = ['circle', 'proposed', 'evaluation', 'deferred', 'carried', 'broader-circle'] as const;
export type CircleBacklogSource = (typeof CIRCLE_BACKLOG_SOURCES)[number];

export interface CircleBacklogItem {
  id: string;
  title: string;
  text: string;
  source: CircleBacklogSource;
  authorId: string;
  authorName: string;
  at: number;
  /** The meeting that handed it on, or null for an item proposed on the circle page. */
  meetingId: string | null;
}

/** [CI27] An action item of one of the circle's meetings that is not done. */
export interface CircleAction {
  meetingId: string;
  meetingTitle: string;
  actionId: string;
  itemTitle: string;
  text: string;
  assignee: MinutesPerson;
  due: string | null;
}

/** [CI21][CI22] What the facilitator may take into a new meeting. */
export interface MeetingOffers {
  day: string;
  reviews: { entryId: string; title: string; reviewDate: string }[];
  terms: { roleName: string; holderId: string | null; holderName: string | null; termEnd: string }[];
  backlog: CircleBacklogItem[];
}

const Limited = z.array(Id).max(100);

/** POST /api/circles/:id/meetings: the title defaults to the circle's name and the date; the offers taken become agenda items. */
export const CreateCircleMeetingBody = z.strictObject({
  title: text(300).min(1).optional(),
  reviews: Limited.optional(),
  terms: Limited.optional(),
  backlog: Limited.optional(),
});
export type CreateCircleMeetingBody = z.infer<typeof CreateCircleMeetingBody>;

/** POST /api/circles/:id/backlog: a member proposes an item for a coming meeting. */
export const ProposeBacklogBody = z.strictObject({
  title: text(300).min(1),
  text: text(5000).optional(),
});
export type ProposeBacklogBody = z.infer<typeof ProposeBacklogBody>;

/** GET /api/circles/:id/register?q=&limit=&offset= */
export const RegisterQuery = z.strictObject({
  q: text(200).optional(),
  limit: z.coerce.number().int().min(1).max(REGISTER_PAGE_MAX).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type RegisterQuery = z.infer<typeof RegisterQuery>;

/** GET /api/circles/:id/register/export?format= */
export const REGISTER_FORMATS = ['md', 'csv', 'json'] as const;
export type RegisterFormat = (typeof REGISTER_FORMATS)[number];

/** Answer of GET /api/circles/:id/calendar: the subscribe address of the circle's feed (CI29). */
export interface CalendarFeed {
  url: string;
}
