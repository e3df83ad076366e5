// The board's words for the document's values, in one place.
import type { ItemKind, Phase, Role, Stage } from '@consent/shared';

export const PHASE_LABEL: Record<Phase, string> = {
  lobby: 'Lobby',
  opening: 'Opening',
  agenda: 'Agenda',
  items: 'Items',
  closing: 'Closing',
  closed: 'Closed',
};

export const STAGE_LABEL: Record<Stage, string> = {
  draft: 'Draft',
  present: 'Present',
  clarify: 'Clarify',
  react: 'React',
  consent: 'Consent round',
  resolve: 'Resolve objections',
  decided: 'Decided',
  deferred: 'Deferred',
};

export const KIND_LABEL: Record<ItemKind, string> = {
  consent: 'Consent',
  report: 'Report',
  explore: 'Explore',
  selection: 'Selection',
};

export const roleLabel = (role: Role | undefined) => role ?? 'observer';

/** Shared words, re-exported so components take all their words from here. */
export { nameOf, consentSummary, listNames } from '@consent/shared';

export const RATING_LABEL: Record<'timekeeping' | 'equivalence' | 'clarity' | 'effectiveness', string> = {
  timekeeping: 'Timekeeping',
  equivalence: 'Equivalence',
  clarity: 'Clarity',
  effectiveness: 'Effectiveness',
};
