// The words of a circle's memory on its page (catalogue section `memory`): the
// register, a new meeting's offers, the backlog, open action items, trends,
// the calendar and the export.
import type { IntegrationPath } from '@consent/shared';
import { en } from '../i18n/catalogue.ts';
import { words } from '../i18n/live.ts';

const { memory } = en;

export const REGISTER = words(memory.register, (t) => ({
  noMatch: (query: string) => t('noMatch', { query }),
  count: (shown: number, total: number) => (shown < total ? t('countSome', { shown, total }) : t('countAll', { count: total })),
  pastDue: (date: string) => t('pastDue', { date }),
  review: (date: string | null) => (date ? t('reviewBy', { date }) : t('noReview')),
  measure: (measure: string) => t('measure', { measure }),
  decided: (day: string, meeting: string) => t('decided', { day, meeting }),
  consented: (names: string) => t('consented', { names: names || t('nobody') }),
  concern: (name: string, text: string) => (text ? t('concernText', { name, text }) : t('concern', { name })),
  objection: (name: string, text: string) => t('objection', { name, text }),
  integrated: (path: IntegrationPath | null, resolution: string | null) => {
    const how = words(memory.register.integrated)[path ?? 'amend'];
    return resolution ? `${how}: ${resolution}` : how;
  },
  history: (count: number) => t('history', { count }),
  version: (day: string, meeting: string) => t('version', { day, meeting }),
  revision: (revision: string) => t('revision', { revision }),
}));

export const NEW_MEETING = words(memory.newMeeting, (t) => ({
  review: (title: string, date: string) => t('review', { title, date }),
  term: (role: string, holder: string | null, end: string) => (holder ? t('termHeld', { role, holder, end }) : t('term', { role, end })),
}));

export const BACKLOG = words(memory.backlog, (t) => ({
  from: (name: string, source: string) => t('from', { name, source }),
}));

export const ACTIONS = words(memory.actions, (t) => ({
  line: (text: string, who: string, due: string | null) => (due ? t('lineDue', { text, who, due }) : t('line', { text, who })),
  from: (meeting: string, item: string) => t('from', { meeting, item }),
}));

export const TRENDS = words(memory.trends, (t) => ({
  ratingChart: (criterion: string) => t('ratingChart', { criterion }),
  speakingCell: (gini: number, most: string, mostShare: number, least: string, leastShare: number) =>
    t('speakingCell', {
      gini: gini.toFixed(2),
      most,
      mostShare: Math.round(mostShare * 100),
      least,
      leastShare: Math.round(leastShare * 100),
    }),
}));

export const CALENDAR = words(memory.calendar);
