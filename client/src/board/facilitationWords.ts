// Words of facilitation: the one next action at each step, confirmations of
// moves that cannot be undone, rounds and speaking time, the secretary, the
// agenda's consent, and hints. Components take their sentences from here.
import type { ItemKind, Phase, Round, Stage } from '@consent/shared';

/** The button that takes an item to a stage: an action, not a state. */
export const STAGE_ACTION: Record<Stage, string> = {
  draft: 'Back to draft',
  present: 'Owner presents the proposal',
  clarify: 'Start clarifying questions',
  react: 'Start quick reactions',
  consent: 'Open consent round',
  resolve: 'Resolve objections',
  decided: 'Record decision…',
  deferred: 'Defer item…',
};

/** A selection item's stages open its own rounds [S2][S4]. */
const SELECTION_STAGE_ACTION: Partial<Record<Stage, string>> = {
  clarify: 'Open nominations round (revealed together)',
  react: 'Open change round',
};

/** The button that takes an item of this kind to a stage. */
export const stageAction = (kind: ItemKind, to: Stage): string => (kind === 'selection' ? SELECTION_STAGE_ACTION[to] : undefined) ?? STAGE_ACTION[to];

export const PHASE_ACTION: Record<Phase, string> = {
  lobby: 'Back to the lobby',
  opening: 'Start the meeting: opening round',
  agenda: 'Move on to the agenda',
  items: 'Move on to the items',
  closing: 'Move on to the closing round',
  closed: 'Close the meeting…',
};

export const CONFIRM = {
  phase: (to: string) => `Move the meeting on to “${to}”? The meeting cannot go back to this phase.`,
  closed: 'Close the meeting? The board becomes read-only for everyone and the minutes are final. This cannot be undone.',
  deferred: (title: string) => `Defer “${title}” to a later meeting? Its record is frozen as it stands; this cannot be undone.`,
  yes: 'Yes, go on',
  no: 'Not yet',
  decision: 'Recording the decision freezes the text and the consent as they stand; this cannot be undone.',
};

export const ROUND_NAME: Record<Round['kind'], string> = {
  opening: 'opening round',
  closing: 'closing round',
  consent: 'consent round',
  clarify: 'clarifying questions',
  react: 'quick reactions',
  nominations: 'nominations round',
  change: 'change round',
  agenda: 'consent to the agenda',
};

export const ROUND_TITLE: Record<Round['kind'], string> = {
  opening: 'Opening round',
  closing: 'Closing round',
  consent: 'Consent round',
  clarify: 'Clarifying questions',
  react: 'Quick reactions',
  nominations: 'Nominations round',
  change: 'Change round',
  agenda: 'Consent to the agenda',
};

export const FACILITATE = {
  heading: 'Facilitate',
  next: 'Next step',
  noMoves: 'No moves are possible right now.',
  otherItems: 'Other items',
  otherMoves: 'Other moves',
  blankProposal: 'Write the proposal first: a consent round needs a text to consent to.',
  openRound: (kind: Round['kind']) => `Open ${ROUND_NAME[kind]}`,
  newConsentRound: 'New consent round',
  newConsentRoundHint: 'The text changed since positions were given: open a new round so everyone answers the text as it is now.',
  closeRound: 'Close round',
  nobodyPresent: 'Nobody present to speak',
  order: (names: string) => `Order: ${names}`,
  nextItem: (title: string) => `Next item: “${title}”`,
  takeUp: (title: string) => `Take up “${title}”`,
  allDone: 'Every item is done. Move on to the closing round when the circle is ready.',
  resolveFirst: 'Objections are open: resolve them by amending the proposal, then open a new consent round.',
};

export const SPEAKING = {
  now: 'speaking',
  next: 'next',
  everyone: 'Everyone has spoken.',
  pass: (name: string) => `Pass to ${name}`,
  closeRound: 'Close round',
  closed: 'closed',
  legend: 'Bars: this round (dark) and the whole meeting (light).',
  roundTime: (t: string) => `${t} in this round`,
  meetingTime: (t: string) => `${t} in the meeting`,
  yourTurn: 'Your turn to speak.',
};

export const SECRETARY = {
  label: 'Secretary',
  none: 'No secretary',
  hint: 'The secretary keeps the notes and the record of the minutes.',
  shown: (name: string) => `Secretary: ${name}`,
  badge: 'secretary',
  notesHint: (name: string) => `${name} keeps the notes as secretary; anyone may add to them.`,
};

export const AGENDA_CONSENT = {
  heading: 'Consent to the agenda',
  ask: 'Ask the circle to consent to the agenda',
  askHint: 'A quick round: each member consents to the agenda, or objects with a reason.',
  notYet: 'The agenda has not been put to consent yet.',
  consent: 'Consent to the agenda',
  object: 'Object…',
  reasonLabel: 'What should change in the agenda, and why?',
  submitObjection: 'Object to the agenda',
  cancel: 'Cancel',
  youGave: (what: string) => `Your answer: ${what}`,
  states: {
    'not-started': 'Not asked yet',
    collecting: 'Waiting for answers',
    objections: 'Objections to the agenda',
    consented: 'The circle consents to the agenda',
  },
  waiting: (names: string) => `Waiting for ${names}`,
  objects: (name: string, reason: string) => `${name} objects: ${reason}`,
  answers: { consent: 'consent', object: 'objection' },
  moveOnAnyway: 'You may still move on: the minutes record whether the agenda was consented.',
  stale: 'The agenda changed since some answered: they are asked again.',
};

export const EVALUATION = {
  blank: 'Give at least one rating or a comment: an empty card says nothing.',
};


export const POSITION_HINT = {
  notOpen: 'Positions are given when the facilitator opens the consent round.',
  yourTurn: 'Your turn: give your position.',
};
