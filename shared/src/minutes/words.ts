// Words the Markdown and HTML minutes share: times, durations, states, events.
// They return plain text; each renderer escapes it. The sentences live in the
// catalogues (./catalogue); every function takes the language's translator.
import type { Round } from '../schema.ts';
import type { AbsenteePolicy } from '../policySchema.ts';
import type { ConsentRecord, ConsentState } from '../types.ts';
import type { MinutesAgendaConsent, MinutesCard, TimelineEntry } from './types.ts';
import { minutesT, type MinutesT } from './catalogue/index.ts';

export const consentWords = (state: ConsentState, t: MinutesT = minutesT()): string => t(`state.${state}`);

/** The attendance column: present or not, and a removal with its time. */
export const attendanceWords = (p: { present: boolean; removedAt: string | null }, t: MinutesT = minutesT()): string =>
  p.removedAt !== null ? t('attendance.removed', { at: timeText(p.removedAt) }) : p.present ? t('attendance.yes') : t('attendance.no');

/** The line above a frozen consent record (C16); the renderer adds the time. */
export const frozenWords = (reason: 'decision' | 'deferral', t: MinutesT = minutesT()): string => t(`frozen.${reason}`);

/** [C16] The term in a line: `review by 2027-06-01; success measured by: …` (the renderer escapes it). */
export const termWords = (reviewDate: string | null, measure: string | null, t: MinutesT = minutesT()): string =>
  t('term.reviewBy', { date: reviewDate ?? '–' }) + (measure ? t('term.measuredBy', { measure: measure.replace(/[.!?]$/, '') }) : '');

/** `2026-11-26 09:05 UTC` from an ISO time: the record's unambiguous form, the same in every language. */
export const timeText = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** `4:05` (minutes and seconds), `1:02:05` past an hour. */
export function durationText(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** `Opening round`, `Buy a kettle: consent round 2` (an item's round carries its title). */
export function roundTitle(itemTitle: string | null, kind: Round['kind'], number: number, t: MinutesT = minutesT()): string {
  const words = t(`round.${kind}`);
  const nth = number > 1 ? ` ${number}` : '';
  return itemTitle === null ? `${words}${nth}` : `${itemTitle}: ${words}${nth}`;
}

/** A card's status as the board shows it: an open concern blocks nothing, it is on record. */
export const cardStatusWords = (c: Pick<MinutesCard, 'kind' | 'status'>, t: MinutesT = minutesT()): string =>
  t(`cardStatus.${c.kind === 'concern' && c.status === 'open' ? 'recorded' : c.status}`);

export const agendaConsentWords = (state: MinutesAgendaConsent['state'], t: MinutesT = minutesT()): string => t(`agendaConsent.${state}`);

export function timelineText(e: TimelineEntry, t: MinutesT = minutesT()): string {
  switch (e.type) {
    case 'phase':
      return t('timeline.phase', { from: t(`phase.${e.from}`), to: t(`phase.${e.to}`) });
    case 'stage':
      return t('timeline.stage', { item: e.itemTitle, from: t(`stage.${e.from}`), to: t(`stage.${e.to}`) });
    case 'decision':
      return t('timeline.decision', {
        item: e.itemTitle,
        revision: e.revision,
        review: e.reviewDate ? t('timeline.decisionReview', { date: e.reviewDate }) : '',
        measure: e.measure ? t('timeline.decisionMeasure', { measure: e.measure }) : '',
      });
    case 'round':
      return t('timeline.round', { round: e.roundTitle });
    case 'roundClosed':
      return t('timeline.roundClosed', { round: e.roundTitle });
    case 'position':
      return t('timeline.position', { item: e.itemTitle, name: e.by.name, position: t(`position.${e.position}`), revision: e.revision });
    case 'objection':
      return t(e.kind === 'objection' ? 'timeline.objection' : 'timeline.concern', { item: e.itemTitle, name: e.by.name });
    case 'objectionStatus':
      return t(e.status === 'integrated' ? 'timeline.integrated' : 'timeline.withdrawn', {
        item: e.itemTitle,
        kind: t(`cardKind.${e.kind}`),
        name: e.by.name,
      });
    case 'amendment': {
      const stale = e.stale.length === 0 ? '' : t('timeline.noLongerCounting', { names: e.stale.map((p) => p.name).join(', ') });
      return t('timeline.amendment', { item: e.itemTitle, revision: e.revision, stale });
    }
    case 'secretary':
      return e.secretary ? t('timeline.secretary', { name: e.secretary.name }) : t('timeline.noSecretary');
    case 'agendaConsent':
      return agendaConsentWords(e.state, t);
  }
}

export const absenteeWords = (policy: AbsenteePolicy, t: MinutesT = minutesT()): string => t(`absentee.${policy}`);

/** [Q2] `Quorum: 3 of 5 members present, 3 needed (met); absent members …` — empty for a record frozen before quorums. */
export function quorumWords(c: ConsentRecord, t: MinutesT = minutesT()): string {
  if (!c.quorum || !c.absentees) return '';
  const q = c.quorum;
  return t('quorum', {
    quorum: t('quorumWord'),
    present: q.present,
    members: q.members,
    needed: q.needed,
    met: q.met ? t('met') : t('notMet'),
    absentees: absenteeWords(c.absentees, t),
  });
}
