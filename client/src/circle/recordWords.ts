// The words of a circle's memory on its page: the register, a new meeting's
// offers, the backlog, open action items, trends, the calendar and the export.
import type { IntegrationPath } from '@consent/shared';

export const REGISTER = {
  heading: 'Decision register',
  lead: 'Every decision of the circle’s meetings, reviews due first.',
  search: 'Search the register',
  none: 'No decisions yet.',
  noMatch: (q: string) => `No decision mentions “${q}”.`,
  count: (shown: number, total: number) => (shown < total ? `${shown} of ${total} decisions` : `${total} decision${total === 1 ? '' : 's'}`),
  more: 'Show more',
  pastDue: (date: string) => `Review overdue since ${date}`,
  dueToday: 'Review due today',
  review: (date: string | null) => (date ? `Review by ${date}` : 'No review date'),
  measure: (m: string) => `Measure of success: ${m}`,
  decided: (day: string, meeting: string) => `Decided on ${day} in “${meeting}”`,
  record: 'Consent record',
  consented: (names: string) => `Consented: ${names || 'nobody'}`,
  concern: (name: string, text: string) => `Concern of ${name}${text ? `: ${text}` : ''}`,
  objection: (name: string, text: string) => `Objection of ${name}: ${text}`,
  integrated: (path: IntegrationPath | null, resolution: string | null) =>
    `${path === 'term' ? 'Integrated by shortening the term' : path === 'measure' ? 'Integrated by adding a measure' : 'Integrated by amending the text'}${resolution ? `: ${resolution}` : ''}`,
  withdrawn: 'Withdrawn',
  history: (n: number) => `Earlier versions (${n})`,
  version: (day: string, meeting: string) => `Version decided on ${day} in “${meeting}”`,
  revision: (r: string) => `Revision ${r}`,
  export: 'Download the register',
  formats: { md: 'Markdown', csv: 'CSV', json: 'JSON' },
} as const;

export const NEW_MEETING = {
  heading: 'New meeting',
  lead: 'Choose what the meeting takes up. Chosen items become agenda items.',
  title: 'Title (optional)',
  reviews: 'Reviews due',
  review: (title: string, date: string) => `Review “${title}” (review date ${date})`,
  terms: 'Role terms ending soon',
  term: (role: string, holder: string | null, end: string) => `Select ${role}${holder ? ` (now ${holder})` : ''}: term ends ${end}`,
  backlog: 'Backlog',
  nothing: 'Nothing is due: no reviews, no terms ending within four weeks, and the backlog is empty.',
  create: 'Create the meeting',
  creating: 'Creating the meeting…',
  cancel: 'Cancel',
} as const;

export const BACKLOG = {
  heading: 'Backlog',
  lead: 'What members want a coming meeting to take up.',
  none: 'The backlog is empty.',
  title: 'Proposal for a coming meeting',
  text: 'Details (optional)',
  add: 'Add to the backlog',
  adding: 'Adding…',
  from: (name: string, source: string) => `${source} · ${name}`,
  sources: { circle: 'proposed', proposed: 'proposed in a meeting', evaluation: 'from an evaluation', deferred: 'deferred', carried: 'carried over', 'broader-circle': 'for a broader circle' } as Record<string, string>,
} as const;

export const ACTIONS = {
  heading: 'Open action items',
  none: 'No open action items.',
  line: (text: string, who: string, due: string | null) => `${text} — ${who}${due ? `, by ${due}` : ''}`,
  from: (meeting: string, item: string) => `from “${item}” in “${meeting}”`,
} as const;

export const TRENDS = {
  heading: 'Trends',
  lead: 'How the circle’s meetings went, meeting by meeting.',
  none: 'No meetings to compare yet.',
  criteria: { timekeeping: 'Timekeeping', equivalence: 'Equivalence', clarity: 'Clarity', effectiveness: 'Effectiveness' } as Record<string, string>,
  ratingChart: (criterion: string) => `${criterion}: mean rating (1–5) per meeting`,
  gini: 'Speaking time: Gini figure per meeting',
  giniExplained: 'The Gini figure says how unevenly the present members shared the time to speak: 0 means everyone spoke as long, near 1 that one person did all the talking.',
  objections: 'Objections integrated per meeting',
  table: 'The trends as a table',
  meeting: 'Meeting',
  speaking: 'Speaking time',
  speakingCell: (gini: number, most: string, mostShare: number, least: string, leastShare: number) =>
    `Gini ${gini.toFixed(2)}; most heard ${most} (${Math.round(mostShare * 100)}%), least ${least} (${Math.round(leastShare * 100)}%)`,
  noValue: '—',
  integrated: 'Objections integrated',
} as const;

export const CALENDAR = {
  heading: 'Calendar',
  lead: 'Subscribe to this address in your calendar: the circle’s meetings, review dates and role term ends.',
  address: 'Calendar address',
  rotate: 'Replace the address',
  rotateHint: 'The old address stops working at once; members then copy the new one.',
} as const;
