// Words the Markdown and HTML minutes share: times, durations, states, events.
// They return plain text; each renderer escapes it.
import type { Round } from '../schema.ts';
import type { AbsenteePolicy } from '../policySchema.ts';
import type { ConsentRecord, ConsentState } from '../types.ts';
import type { MinutesAgendaConsent, MinutesCard, TimelineEntry } from './types.ts';

const CONSENT_WORDS: Record<ConsentState, string> = {
  'not-started': 'No consent round yet',
  collecting: 'Collecting positions',
  objections: 'Open objections to integrate',
  consented: 'Consented',
};

export const consentWords = (state: ConsentState): string => CONSENT_WORDS[state];

/** The attendance column: present or not, and a removal with its time. */
export const attendanceWords = (p: { present: boolean; removedAt: string | null }): string =>
  p.removedAt !== null ? `removed ${timeText(p.removedAt)}` : p.present ? 'yes' : 'no';

/** The line above a frozen consent record (C16); the renderer adds the time. */
export const frozenWords = (reason: 'decision' | 'deferral'): string =>
  reason === 'decision' ? 'As recorded at the decision,' : 'As recorded when the item was deferred,';

/** [C16] The term in a line: `review by 2027-06-01; success measured by: …` (the renderer escapes it). */
export const TERM_WORDS = {
  reviewDate: 'Review date',
  measure: 'Measure of success',
  none: '–',
  decided: (reviewDate: string | null, measure: string | null): string =>
    `review by ${reviewDate ?? '–'}${measure ? `; success measured by: ${measure.replace(/[.!?]$/, '')}` : ''}`,
} as const;

/** `2026-11-26 09:05 UTC` from an ISO time. */
export const timeText = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** `4:05` (minutes and seconds), `1:02:05` past an hour. */
export function durationText(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const ROUND_WORDS: Record<Round['kind'], string> = {
  opening: 'Opening round',
  closing: 'Closing round',
  agenda: 'Consent to the agenda',
  consent: 'consent round',
  clarify: 'clarifying questions',
  react: 'quick reactions',
  nominations: 'nominations round',
  change: 'change round',
};

/** `Opening round`, `Buy a kettle: consent round 2` (an item's round carries its title). */
export function roundTitle(itemTitle: string | null, kind: Round['kind'], number: number): string {
  const words = ROUND_WORDS[kind];
  const nth = number > 1 ? ` ${number}` : '';
  return itemTitle === null ? `${words}${nth}` : `${itemTitle}: ${words}${nth}`;
}

/** A card's status as the board shows it: an open concern blocks nothing, it is on record. */
export const cardStatusWords = (c: Pick<MinutesCard, 'kind' | 'status'>): string => (c.kind === 'concern' && c.status === 'open' ? 'recorded' : c.status);

const POSITION_WORDS = { consent: 'consents', concern: 'consents with a concern', object: 'objects' } as const;

export const AGENDA_CONSENT_WORDS: Record<MinutesAgendaConsent['state'], string> = {
  'not-started': 'The agenda was not put to consent.',
  collecting: 'The agenda was put to consent; not everyone answered.',
  objections: 'The agenda was not consented: objections were raised.',
  consented: 'The circle consented to the agenda.',
};

export function timelineText(e: TimelineEntry): string {
  switch (e.type) {
    case 'phase':
      return `Phase ${e.from} → ${e.to}`;
    case 'stage':
      return `${e.itemTitle}: ${e.from} → ${e.to}`;
    case 'decision':
      return `${e.itemTitle}: decided (revision ${e.revision}${e.reviewDate ? `, review by ${e.reviewDate}` : ''}${e.measure ? `, measured by: ${e.measure}` : ''})`;
    case 'round':
      return `${e.roundTitle} opened`;
    case 'roundClosed':
      return `${e.roundTitle} closed`;
    case 'position':
      return `${e.itemTitle}: ${e.by.name} ${POSITION_WORDS[e.position]} (on revision ${e.revision})`;
    case 'objection':
      return `${e.itemTitle}: ${e.kind === 'objection' ? 'objection raised' : 'concern recorded'} by ${e.by.name}`;
    case 'objectionStatus':
      return `${e.itemTitle}: ${e.kind} ${e.status === 'integrated' ? 'integrated' : 'withdrawn'} by ${e.by.name}`;
    case 'amendment': {
      const stale = e.stale.length === 0 ? '' : `; no longer counting: ${e.stale.map((p) => p.name).join(', ')}`;
      return `${e.itemTitle}: proposal amended (from revision ${e.revision})${stale}`;
    }
    case 'secretary':
      return e.secretary ? `${e.secretary.name} named secretary` : 'No secretary any more';
    case 'agendaConsent':
      return AGENDA_CONSENT_WORDS[e.state];
  }
}

/** [C28] The heading of a decided item's concerns, carried into its review. */
export const REVIEW_QUESTIONS = 'Questions for the review';

const ABSENTEE_WORDS: Record<AbsenteePolicy, string> = {
  'position-beforehand': 'absent members count with a position given beforehand',
  'assume-consent': 'absent members are assumed to consent unless they left an objection',
  wait: 'the decision waits for every absent member’s position',
};
export const absenteeWords = (policy: AbsenteePolicy): string => ABSENTEE_WORDS[policy];

/** [Q2] `Quorum: 3 of 5 members present, 3 needed (met); absent members …` — empty for a record frozen before quorums. */
export function quorumWords(c: ConsentRecord): string {
  if (!c.quorum || !c.absentees) return '';
  const q = c.quorum;
  return `Quorum: ${q.present} of ${q.members} members present, ${q.needed} needed (${q.met ? 'met' : 'not met'}); ${absenteeWords(c.absentees)}`;
}
