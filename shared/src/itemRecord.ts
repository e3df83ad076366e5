// The record an agenda item shows: frozen in the log when the item was decided
// or deferred [C16], derived from the live document otherwise.
import { deriveConsent } from './consent.ts';
import type { Card, ConsentRecord, LogEvent, Term } from './schema.ts';
import { hasTerm } from './revision.ts';
import { objectionsOf } from './selectors.ts';
import type { MeetingSnapshot } from './types.ts';
import { proposalPlainText } from './minutes/proposalText.ts';
import { itemTerm } from './term.ts';

type FreezingEvent = Extract<LogEvent, { type: 'decision' | 'deferral' }>;

export interface ItemRecord {
  consent: ConsentRecord;
  /** The item's objection and concern cards, oldest first. */
  cards: Card[];
  /** [C16] The term of the proposal: frozen with the record, or as it stands (an older document's review date). */
  term: Term | null;
  /** The log event that froze the record, or null while it is derived live. */
  frozenBy: { type: FreezingEvent['type']; at: number; actorId: string } | null;
}

/** What the server writes into a decision or deferral event: the item as it stands now. */
export function freezeItem(
  s: MeetingSnapshot,
  itemId: string,
): { text: string; revision: string; record: ConsentRecord; cards: Card[]; term: Term | null } {
  const record = deriveConsent(s, itemId);
  const term = s.terms?.[itemId];
  return {
    term: hasTerm(term) ? term : null,
    text: proposalPlainText(s.proposals[itemId]?.nodes ?? []),
    revision: record.revision,
    record,
    cards: objectionsOf(s, itemId),
  };
}

/** The item's last decision or deferral that carries a frozen record. */
export function freezingEvent(s: MeetingSnapshot, itemId: string): (FreezingEvent & { record: ConsentRecord; cards: Card[] }) | null {
  const e = s.log.findLast(
    (x): x is FreezingEvent & { record: ConsentRecord; cards: Card[] } =>
      (x.type === 'decision' || x.type === 'deferral') && x.itemId === itemId && x.record !== undefined && x.cards !== undefined,
  );
  return e ?? null;
}

/** [C16] A decided or deferred item's frozen record; otherwise the record derived from the document. */
export function itemRecord(s: MeetingSnapshot, itemId: string): ItemRecord {
  const stage = s.agenda.find((i) => i.id === itemId)?.stage;
  const frozen = stage === 'decided' || stage === 'deferred' ? freezingEvent(s, itemId) : null;
  if (frozen) {
    const term = frozen.term !== undefined ? frozen.term : itemTerm(s, itemId);
    return { consent: frozen.record, cards: frozen.cards, term, frozenBy: { type: frozen.type, at: frozen.at, actorId: frozen.actorId } };
  }
  return { consent: deriveConsent(s, itemId), cards: objectionsOf(s, itemId), term: itemTerm(s, itemId), frozenBy: null };
}

/** [C27] A question for the review: a concern recorded on the item, with who raised it. */
export interface ReviewQuestion {
  cardId: string;
  participantId: string;
  text: string;
}

/** [C27] The item's concern cards still recorded (not withdrawn or integrated), oldest first: questions for its review. */
export function reviewQuestions(record: ItemRecord): ReviewQuestion[] {
  return record.cards
    .filter((c) => c.kind === 'concern' && c.status === 'open')
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => ({ cardId: c.id, participantId: c.authorId, text: c.text }));
}
