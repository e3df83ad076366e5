// Words of the consent method as the board says it: the term of a proposal,
// why the text is locked, objections as the circle's to integrate, and the
// question to an objector who now consents (catalogue: method.*).
import type { EditLock } from '@consent/shared';
import { en } from '../i18n/catalogue.ts';
import { tr, words } from '../i18n/live.ts';

export const TERM = words(en.method.term, (t) => ({
  pastDate: (date: string) => t('pastDate', { date }),
  shown: (reviewDate: string | null, measure: string) =>
    t('reviewBy', { date: reviewDate ?? '–' }) + (measure ? t('measuredBy', { measure: measure.replace(/[.!?]$/, '') }) : ''),
}));

/** [R12][R19][R20] One line under a read-only proposal: why it cannot be edited now. */
export const LOCK_REASON: Record<Exclude<EditLock, null | 'no-item'>, string> = words(en.method.lock);

/** The item's notes, where guests suggest changes. */
export const NOTES = words(en.method.notes, (t) => ({ label: (title: string) => t('label', { title }) }));

/** Objection cards: the circle's to integrate; the objector confirms a change resolved it. */
export const OBJECTION = words(en.method.objection);

/** My position: an objection is a gift to the circle, not a veto. */
export const POSITION = words(en.method.position);

/** In resolve: an amendment of the text or term asks everyone to confirm again. */
export const STALE_WARNING = (given: number): string => tr(en.method)('staleWarning', { count: given });
