// [CI21][CI22][CI25] What a new meeting of the circle is offered as agenda items:
// register entries whose review is due, role terms that end soon, and the
// circle's backlog; and the items the facilitator takes from them.
import { TERM_END_NOTICE_DAYS, roleKey, type CreateCircleMeetingBody, type MeetingOffers, type SeededItem } from '@consent/shared';
import { HttpError } from '../http/request.ts';
import type { Storage } from '../storage/Storage.ts';
import { randomId } from '../tokens.ts';
import { isoDay } from './membership.ts';

const DAY_MS = 24 * 3600 * 1000;

/** Words of the items taken into a meeting. */
export const OFFER_WORDS = {
  review: (title: string) => `Review: ${title}`,
  selection: (role: string) => `Selection: ${role}`,
  notOffered: 'This is no longer offered for the new meeting (someone took it, or it changed): reload the circle page and choose again.',
} as const;

/** [CI21][CI22] The offers for a meeting held on `now`'s day. */
export async function meetingOffers(storage: Storage, circleId: string, now: number): Promise<MeetingOffers> {
  const day = isoDay(now);
  const until = isoDay(now + TERM_END_NOTICE_DAYS * DAY_MS);
  const members = new Map((await storage.circles.members(circleId)).map((m) => [m.personId, m.name]));
  const reviews = (await storage.circles.records.dueReviews(circleId, day)).map((e) => ({
    entryId: e.id,
    title: e.title,
    reviewDate: e.reviewDate!,
  }));
  const terms = (await storage.circles.roles(circleId))
    .filter((r) => r.termEnd !== null && r.termEnd <= until)
    .map((r) => ({
      roleName: r.name,
      holderId: r.holderId,
      holderName: r.holderId ? (members.get(r.holderId) ?? null) : null,
      termEnd: r.termEnd!,
    }));
  return { day, reviews, terms, backlog: await storage.circles.records.backlog(circleId) };
}

export interface TakenOffers {
  items: SeededItem[];
  /** Agenda item id → the register entry it reviews. */
  reviews: Map<string, string>;
  backlogIds: string[];
}

/** The agenda items for what the facilitator took; anything not offered now is refused with 409. */
export function takeOffers(offers: MeetingOffers, texts: Map<string, string>, b: CreateCircleMeetingBody): TakenOffers {
  const items: SeededItem[] = [];
  const reviews = new Map<string, string>();
  for (const entryId of new Set(b.reviews ?? [])) {
    const r = offers.reviews.find((x) => x.entryId === entryId);
    if (!r) throw new HttpError(409, OFFER_WORDS.notOffered, 'reviews');
    const id = randomId();
    reviews.set(id, entryId);
    items.push({ id, kind: 'review', title: OFFER_WORDS.review(r.title), text: texts.get(entryId) ?? '' });
  }
  for (const roleName of new Set(b.terms ?? [])) {
    const t = offers.terms.find((x) => roleKey(x.roleName) === roleKey(roleName));
    if (!t) throw new HttpError(409, OFFER_WORDS.notOffered, 'terms');
    items.push({ id: randomId(), kind: 'selection', title: OFFER_WORDS.selection(t.roleName), roleName: t.roleName });
  }
  const backlogIds = [...new Set(b.backlog ?? [])];
  for (const id of backlogIds) {
    const i = offers.backlog.find((x) => x.id === id);
    if (!i) throw new HttpError(409, OFFER_WORDS.notOffered, 'backlog');
    items.push({ id: randomId(), kind: 'backlog', title: i.title, text: i.text });
  }
  return { items, reviews, backlogIds };
}
