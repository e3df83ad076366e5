// The term of a proposal: its review date and how success will be measured.
// Part of what the circle consents to, so it lives beside the text (rules
// R19, R20, M13, C11), written by whoever may write the proposal.
import type * as Y from 'yjs';
import { ORIGIN, type Origin } from './protocol.ts';
import { ROOT, TermSchema, terms, type Term } from './schema.ts';
import type { TouchedPath } from './updatePaths.ts';
import { itemIndex, valid } from './docLookup.ts';
import { termOf } from './revision.ts';
import type { MeetingSnapshot } from './types.ts';

/**
 * Writes the item's term whole (last writer wins, like any plain entry).
 * Writing the term it already has writes nothing, so its revision stays (C11).
 */
export function setTerm(doc: Y.Doc, itemId: string, term: Term, origin: Origin = ORIGIN.local): void {
  itemIndex(doc, itemId);
  const entry = valid(TermSchema, { reviewDate: term.reviewDate, measure: term.measure }, 'term');
  const old = termOf(doc, itemId);
  if (old && old.reviewDate === entry.reviewDate && old.measure === entry.measure) return;
  doc.transact(() => terms(doc).set(itemId, entry), origin);
}

/**
 * The term an item shows: its `terms` entry; for a document written before terms
 * were part of the proposal, the agenda item's own `reviewDate` (with no measure).
 */
export function itemTerm(s: MeetingSnapshot, itemId: string): Term | null {
  const term = s.terms?.[itemId];
  if (term) return term;
  const legacy = s.agenda.find((i) => i.id === itemId)?.reviewDate ?? null;
  return legacy === null ? null : { reviewDate: legacy, measure: '' };
}

/** [M13] The review date of the term the circle consents to (the `terms` entry only), or null. */
export const consentedReviewDate = (s: MeetingSnapshot, itemId: string): string | null => s.terms?.[itemId]?.reviewDate ?? null;

/** [CI19] The sentence of a review date before today. */
export const pastReviewDateSentence = (date: string): string => `The review date (${date}) is in the past: choose today or a later day.`;

/**
 * [CI19] A term the update writes with a review date before `today` (YYYY-MM-DD, the
 * server's UTC day): the refusal, or null. A date the term already holds may stay,
 * so rewriting the measure of an old term is not refused. Pure: the caller brings the clock.
 */
export function pastReviewDate(paths: readonly TouchedPath[], today: string): { rule: 'CI19'; reason: string } | null {
  for (const p of paths) {
    if (p.op !== 'write' || p.root !== ROOT.terms || p.nested) continue;
    const date = (p.after as { reviewDate?: unknown } | undefined)?.reviewDate;
    if (typeof date !== 'string' || date >= today) continue;
    if ((p.before as { reviewDate?: unknown } | undefined)?.reviewDate === date) continue;
    return { rule: 'CI19', reason: pastReviewDateSentence(date) };
  }
  return null;
}
