// The board's words for the document's values, in one place.
import type { ConsentRecord, ItemKind, MeetingSnapshot, Phase, Role, Stage } from '@consent/shared';

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

export const nameOf = (s: MeetingSnapshot, id: string | null | undefined) =>
  (id && s.participants[id]?.name) || 'someone';

function list(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** The derived consent state in words (issue 4: "Waiting for Ana and Ben", ...). */
export function consentInWords(s: MeetingSnapshot, c: ConsentRecord): string {
  switch (c.state) {
    case 'not-started':
      return 'No consent round yet';
    case 'objections': {
      const n = c.openObjections.length;
      return `Blocked by ${n} objection${n === 1 ? '' : 's'}`;
    }
    case 'consented':
      return 'Consented — ready to record';
    case 'collecting':
      if (c.eligible.length === 0) return 'No members present to consent';
      return c.missing.length ? `Waiting for ${list(c.missing.map((id) => nameOf(s, id)))}` : 'Collecting positions';
  }
}

export const RATING_LABEL: Record<'timekeeping' | 'equivalence' | 'clarity' | 'effectiveness', string> = {
  timekeeping: 'Timekeeping',
  equivalence: 'Equivalence',
  clarity: 'Clarity',
  effectiveness: 'Effectiveness',
};
