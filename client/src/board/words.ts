// The board's words for the document's values. The sentences live in the
// catalogues (client/src/i18n); these views read them in the current language.
import type { ConsentRecord, ItemKind, MeetingSnapshot, Phase, Role, Stage } from '@consent/shared';
import { nameOf } from '@consent/shared';
import { en } from '../i18n/catalogue.ts';
import { tr, words } from '../i18n/live.ts';

export const PHASE_LABEL: Record<Phase, string> = words(en.board.phase);
export const STAGE_LABEL: Record<Stage, string> = words(en.board.stage);
export const KIND_LABEL: Record<ItemKind, string> = words(en.board.kind);

const ROLE = words(en.board.role);
export const roleLabel = (role: Role | undefined) => ROLE[role ?? 'observer'];
export const FACILITATOR_LABEL = (): string => ROLE.facilitator;

export { nameOf };

const names = tr(en.board.names);
/** "Ana", "Ana and Ben", "Ana, Ben and Cleo", "Ana, Ben, Cleo and 2 others". */
export function listNames(list: readonly string[]): string {
  const shown = list.length > 4 ? [...list.slice(0, 3), names('others', { count: list.length - 3 })] : [...list];
  if (shown.length <= 1) return shown[0] ?? '';
  return names('and', { first: shown.slice(0, -1).join(', '), last: shown[shown.length - 1] });
}

const summary = tr(en.board.summary);
/** The consent state in words for the consent panel. */
export function consentSummary(record: ConsentRecord, s: MeetingSnapshot): string {
  const who = (ids: readonly string[]): string => listNames(ids.map((id) => nameOf(s, id)));
  switch (record.state) {
    case 'not-started':
      return summary('notStarted');
    case 'objections':
      // an objection is the circle's to integrate, not a veto
      return summary('objections', { count: record.openObjections.length });
    case 'consented':
      // [Q3] consent without quorum is not yet a decision
      return record.quorum && !record.quorum.met ? summary('consentedNoQuorum') : summary('consented');
    case 'collecting': {
      if (record.eligible.length === 0) return summary('noMembers');
      const parts: string[] = [];
      if (record.missing.length > 0) parts.push(summary('waiting', { names: who(record.missing) }));
      if (record.objecting.length > 0) parts.push(summary('objecting', { count: record.objecting.length, names: who(record.objecting) }));
      let text = parts.join(summary('separator'));
      if (record.stale.length > 0) text += summary('stale', { count: record.stale.length, names: who(record.stale) });
      return text;
    }
  }
}
export const deferredSummary = (text: string): string => summary('deferred', { summary: text });

export const RATING_LABEL: Record<'timekeeping' | 'equivalence' | 'clarity' | 'effectiveness', string> = words(en.board.rating);

/** The minutes menu and its print view. */
export const MINUTES_WORDS = words(en.board.minutes, (t) => ({ download: (format: string) => t('download', { format }) }));

/** The facilitator's deletion of the whole meeting. */
export const DELETE_WORDS = words(en.board.deletion);

/** Words that were inline in components. */
export const UI = words(en.ui, (t) => ({
  failed: (what: string, reason: string) => t('failed', { what, reason }),
}));
const ui = en.ui;
export const UI_T = {
  countdownMin: (count: number) => tr(ui.countdown)('min', { count }),
  decidedOn: (at: number) => tr(ui.decision)('on', { at: new Date(at), formatParams: { at: { dateStyle: 'medium', timeStyle: 'short' } } }),
  aim: (aim: string) => tr(ui.topBar)('aim', { aim }),
  editItem: (title: string) => tr(ui.agendaForm)('edit', { title }),
  proposalOf: (title: string) => tr(ui.editor)('proposalOf', { title }),
  rule: (rule: string) => tr(ui.refusal)('rule', { rule }),
  online: (count: number) => tr(ui.participants)('onlineCount', { count }),
  removeItem: (title: string) => tr(ui.agenda)('removeItem', { title }),
  decided: (date: string | null) => (date ? tr(ui.consentPanel)('decidedReview', { date }) : tr(ui.consentPanel)('decided')),
  agendaReview: (date: string) => tr(ui.agenda)('review', { date }),
  timeboxNotStarted: (count: number) => tr(ui.countdown)('notStarted', { count }),
  evaluationHeading: (count: number) => tr(ui.evaluationSummary)('heading', { count }),
  proposalHeading: (title: string) => tr(ui.myPosition)('proposal', { title }),
  by: (name: string) => tr(ui.objections)('by', { name }),
  copyLabel: (what: string) => tr(ui)('copyLabel', { what }),
  date: (at: number) => tr(ui.decision)('date', { at: new Date(at) }),
};

/** What a write was doing, for the message when it fails. */
export const WRITING = words(en.ui.writing);
export const WRITING_T = { movingTo: (phase: string) => tr(en.ui.writing)('movingTo', { phase }) };
