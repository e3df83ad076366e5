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
  clarify: 'Clarifying questions',
  react: 'Quick reactions',
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
  equivalence: 'Did everyone have an equal voice?',
  clarity: 'Clarity',
  effectiveness: 'Effectiveness',
};

/** The minutes menu and its print view. */
export const MINUTES_WORDS = {
  menu: 'Minutes',
  download: (format: string) => `Download ${format}`,
  printView: 'Print view',
  printTitle: 'Minutes: print view',
  frameTitle: 'The minutes as they will print',
  print: 'Print',
  close: 'Close',
} as const;

/** The facilitator's deletion of the whole meeting. */
export const DELETE_WORDS = {
  open: 'Delete meeting…',
  title: 'Delete this meeting?',
  body:
    'The meeting leaves the server for good: its agenda, proposals, positions, objections, notes and minutes, for everyone. ' +
    'Everyone connected is disconnected. Download the minutes first if you want to keep them.',
  confirm: 'Delete for good',
  cancel: 'Keep the meeting',
  deleting: 'Deleting…',
} as const;
