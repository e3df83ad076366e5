// Words of facilitation: the one next action at each step, confirmations of
// moves that cannot be undone, rounds and speaking time, the secretary, the
// agenda's consent, and hints (catalogue: facilitation.*).
import type { ItemKind, Phase, Round, Stage } from '@consent/shared';
import { en } from '../i18n/catalogue.ts';
import { words } from '../i18n/live.ts';

/** The button that takes an item to a stage: an action, not a state. */
export const STAGE_ACTION: Record<Stage, string> = words(en.facilitation.stageAction);

/** A selection item's stages open its own rounds [S2][S4]. */
const SELECTION_STAGE_ACTION: Partial<Record<Stage, string>> = words(en.facilitation.selectionStageAction);

/** The button that takes an item of this kind to a stage. */
export const stageAction = (kind: ItemKind, to: Stage): string =>
  (kind === 'selection' ? SELECTION_STAGE_ACTION[to] : undefined) ?? STAGE_ACTION[to];

export const PHASE_ACTION: Record<Phase, string> = words(en.facilitation.phaseAction);

export const CONFIRM = words(en.facilitation.confirm, (t) => ({
  phase: (to: string) => t('phase', { to }),
  deferred: (title: string) => t('deferred', { title }),
}));

export const ROUND_NAME: Record<Round['kind'], string> = words(en.facilitation.roundName);
export const ROUND_TITLE: Record<Round['kind'], string> = words(en.facilitation.roundTitle);

export const FACILITATE = words(en.facilitation.facilitate, (t) => ({
  openRound: (kind: Round['kind']) => t('openRound', { round: ROUND_NAME[kind] }),
  order: (names: string) => t('order', { names }),
  nextItem: (title: string) => t('nextItem', { title }),
  takeUp: (title: string) => t('takeUp', { title }),
}));

export const SPEAKING = words(en.facilitation.speaking, (t) => ({
  pass: (name: string) => t('pass', { name }),
  roundTime: (time: string) => t('roundTime', { time }),
  meetingTime: (time: string) => t('meetingTime', { time }),
}));

export const SECRETARY = words(en.facilitation.secretary, (t) => ({
  shown: (name: string) => t('shown', { name }),
  notesHint: (name: string) => t('notesHint', { name }),
}));

export const AGENDA_CONSENT = words(en.facilitation.agendaConsent, (t) => ({
  youGave: (what: string) => t('youGave', { what }),
  waiting: (names: string) => t('waiting', { names }),
  objects: (name: string, reason: string) => t('objects', { name, reason }),
}));

export const EVALUATION = words(en.facilitation.evaluation);
export const POSITION_HINT = words(en.facilitation.positionHint);
export const PHASE_INTRO = words(en.facilitation.phaseIntro);
