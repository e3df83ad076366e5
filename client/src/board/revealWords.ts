// The board's words for rounds revealed together, selection and facilitator handover (catalogue: board.*).
import { en } from '../i18n/catalogue.ts';
import { words } from '../i18n/live.ts';

export const SEALED = words(en.board.sealed, (t) => ({
  progress: (given: number, eligible: number) => t('progress', { count: given, eligible }),
  nominationProgress: (given: number, eligible: number) => t('nominationProgress', { count: given, eligible }),
  yours: (what: string) => t('yours', { what }),
  position: words(en.board.sealed.position) as Record<string, string>,
}));

export const SELECTION = words(en.board.selection, (t) => ({
  summary: (role: string, termEnd: string) => t('summary', { role, termEnd }),
  yours: (name: string) => t('yours', { name }),
  nominates: (by: string, whom: string) => t('nominates', { by, whom }),
  changed: (from: string) => t('changed', { from }),
  candidate: (name: string) => t('candidate', { name }),
  selected: (name: string, role: string, termEnd: string) => t('selected', { name, role, termEnd }),
  proposalText: (name: string, role: string, termEnd: string) => t('proposalText', { name, role, termEnd }),
}));

export const HANDOVER = words(en.board.handover, (t) => ({
  facilitator: (name: string) => t('facilitator', { name }),
  co: (name: string) => t('co', { name }),
  away: (name: string) => t('away', { name }),
  waitMinute: (seconds: number) => t('waitMinute', { count: seconds }),
  proposal: (name: string) => t('proposal', { name }),
  waitingFor: (names: string) => t('waitingFor', { names }),
}));
