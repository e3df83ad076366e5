// Words of the consent method as the board says it: the term of a proposal,
// why the text is locked, objections as the circle's to integrate, and the
// question to an objector who now consents. Neutral words that invite objections.
import type { EditLock } from '@consent/shared';

export const TERM = {
  heading: 'Term',
  intro: 'Part of what the circle consents to: when the decision is reviewed, and how its success will be measured.',
  reviewDate: 'Review date',
  measure: 'Measure of success',
  measurePlaceholder: 'How will the circle know it works?',
  save: 'Save term',
  saving: 'Saving the term',
  none: 'not set',
  /** [M13] before the consent round, on a consent item without a review date */
  needsDate: 'No review date yet. A decision needs one: set it before the consent round.',
  /** [M13] in the consent round without a review date */
  needsDateInRound: 'This proposal has no review date, so it cannot be decided. Move to resolve to set it, then ask for consent again.',
  /** [CI19] a review date before today, where it is entered */
  pastDate: (date: string) => `The review date (${date}) is in the past: choose today or a later day.`,
  shown: (reviewDate: string | null, measure: string) => `Review by ${reviewDate ?? '–'}${measure ? ` · Measured by: ${measure.replace(/[.!?]$/, '')}` : ''}`,
} as const;

/** [R12][R19][R20] One line under a read-only proposal: why it cannot be edited now. */
export const LOCK_REASON: Record<Exclude<EditLock, null | 'no-item'>, string> = {
  'consent-round': 'The text and term stay as they are during the consent round; they can change in resolve.',
  decided: 'Decided: the text and term are final.',
  guest: 'Guests suggest changes in the notes below; members edit the proposal.',
};

/** The item's notes, where guests suggest changes. */
export const NOTES = {
  label: (title: string) => `Notes and suggestions on “${title}”`,
  guestHint: 'Suggest a change to the proposal here: the members can take it into the text.',
} as const;

/** Objection cards: the circle's to integrate; the objector confirms a change resolved it. */
export const OBJECTION = {
  ours: 'Ours to integrate: how can the proposal change so this is resolved?',
  resolvedByChange: 'Resolved by a change…',
  resolvedBadge: 'Resolved by a change',
  waitForText: 'Once the proposal has changed to meet your objection, you can mark it resolved by the change.',
  /** [C18] asked once of an objector whose counting position is consent or concern */
  confirmQuestion: 'Did the change resolve your objection?',
  confirmYes: 'Yes, resolved by the change',
  confirmNo: 'No, it still stands',
  confirmResolution: 'The objector consented to the amended proposal.',
} as const;

/** My position: an objection is a gift to the circle, not a veto. */
export const POSITION = {
  object: 'I have an objection: this needs a change',
  objectionLabel: 'Your objection: how would this proposal harm the circle’s aim? What would need to change?',
  objectionSubmit: 'Raise my objection',
  earlier: 'Given on an earlier version — please confirm',
} as const;


/** In resolve: an amendment of the text or term asks everyone to confirm again. */
export const STALE_WARNING = (given: number): string =>
  `Changing the text or the term asks the ${given} who answered this version to confirm again.`;
