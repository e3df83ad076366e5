// [CI29] A circle's iCalendar feed: its meetings, every review date of the
// decisions in force and every role's term end, at an address with a secret of
// its own (rotating it revokes the old address). Built with ical-generator.
import ical from 'ical-generator';
import type { Storage } from '../storage/Storage.ts';
import type { CircleRecord } from '../storage/CircleStorage.ts';
import type { CircleSigner } from './credentials.ts';
import { sameSecret } from '../tokens.ts';

const HOUR_MS = 3600 * 1000;
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export const FEED_WORDS = {
  review: (title: string) => `Review: ${title}`,
  reviewText: (meeting: string, measure: string | null) => `Decided in “${meeting}”.${measure ? ` Measure of success: ${measure}` : ''}`,
  termEnd: (role: string, holder: string | null) => `Term ends: ${role}${holder ? ` (${holder})` : ''}`,
  meeting: (title: string) => title,
  notFound:
    'This calendar address is not valid (the circle’s facilitator may have replaced it): ask a member of the circle for the current one.',
} as const;

/** The path of the feed of a circle at a feed version. */
export const feedPath = (signer: CircleSigner, circleId: string, version: number): string =>
  `/api/circles/${encodeURIComponent(circleId)}/calendar/${signer.feedSecret(circleId, version)}.ics`;

/** Whether `secret` opens the circle's feed now. */
export async function feedOpens(storage: Storage, signer: CircleSigner, circleId: string, secret: string): Promise<boolean> {
  return sameSecret(secret, signer.feedSecret(circleId, await storage.circles.records.feedVersion(circleId)));
}

export async function circleCalendar(storage: Storage, circle: CircleRecord, host: string, now: number): Promise<string> {
  const cal = ical({ name: circle.name, prodId: { company: 'consent-board', product: 'circle', language: 'EN' } });
  const stamp = new Date(now);
  const uid = (what: string) => `${what}.${circle.id}@${host}`;
  for (const m of await storage.circles.meetings(circle.id)) {
    cal.createEvent({
      id: uid(`meeting.${m.meetingId}`),
      start: new Date(m.createdAt),
      end: new Date(m.createdAt + HOUR_MS),
      summary: FEED_WORDS.meeting(m.title),
      stamp,
    });
  }
  for (const e of await storage.circles.records.allDecisions(circle.id)) {
    if (e.supersededBy !== null || e.reviewDate === null) continue;
    cal.createEvent({
      id: uid(`review.${e.id}`),
      start: day(e.reviewDate),
      allDay: true,
      summary: FEED_WORDS.review(e.title),
      description: FEED_WORDS.reviewText(e.meetingTitle, e.measure),
      stamp,
    });
  }
  const names = new Map((await storage.circles.members(circle.id)).map((m) => [m.personId, m.name]));
  for (const r of await storage.circles.roles(circle.id)) {
    if (r.termEnd === null) continue;
    cal.createEvent({
      id: uid(`term.${r.name.toLowerCase()}.${r.termEnd}`),
      start: day(r.termEnd),
      allDay: true,
      summary: FEED_WORDS.termEnd(r.name, r.holderId ? (names.get(r.holderId) ?? null) : null),
      stamp,
    });
  }
  return cal.toString();
}
