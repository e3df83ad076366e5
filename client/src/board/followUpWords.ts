// Words of what a meeting hands on: ways through an objection, an item's ways
// out, the backlog, action items and the evaluation's open prompts.
import type { IntegrationPath, ItemExit } from '@consent/shared';

export { WAY_THROUGH_WORDS, EXIT_WORDS, SOURCE_WORDS, PROMPT_QUESTION } from '@consent/shared';

/** [O3] The objector's question when the objection is integrated. */
export const WAY_THROUGH = {
  legend: 'How was your objection integrated?',
  sentence: 'What changed? (one sentence for the minutes)',
  submit: 'Resolved by a change',
  choice: {
    amend: 'The text was amended',
    term: 'The term was shortened: we review it sooner',
    measure: 'A measure was added that watches the effect I feared',
  } satisfies Record<IntegrationPath, string>,
  hint: 'Change the text, the term or the measure in the proposal first; then say how it answers your objection.',
} as const;

/** [O9] The facilitator's ways to end an item in this meeting without a decision. */
export const ITEM_EXIT = {
  question: (title: string) => `How does “${title}” leave this meeting? Its record is frozen as it stands; this cannot be undone.`,
  choice: {
    carried: 'Carry to the next meeting',
    'broader-circle': 'Pass to a broader circle',
    deferred: 'Defer: back to the backlog',
  } satisfies Record<ItemExit, string>,
  note: 'Note for the backlog (optional)',
  cancel: 'Not yet',
  writing: 'Ending the item in this meeting',
} as const;

export const BACKLOG = {
  heading: 'Carried to the next meeting',
  empty: 'Nothing yet.',
  add: '+ Add to the backlog',
  title: 'What to carry over',
  text: 'Why, or what is needed (optional)',
  submit: 'Add to the backlog',
  cancel: 'Cancel',
  writing: 'Adding to the backlog',
  from: (source: string, item: string | null) => (item ? `${source}: ${item}` : source),
} as const;

export const ACTIONS = {
  heading: (title: string) => `Action items of “${title}”`,
  empty: 'No action items yet.',
  add: '+ Add an action item',
  text: 'What is to be done',
  assignee: 'Who does it',
  due: 'By when (optional)',
  submit: 'Add the action item',
  cancel: 'Cancel',
  writing: 'Adding the action item',
  done: (text: string) => `Done: ${text}`,
  marking: 'Marking the action item',
  by: (name: string, due: string | null) => (due ? `${name}, by ${due}` : name),
} as const;

export const ANSWERS = {
  heading: 'What the circle said',
  send: 'Send to the backlog',
  sent: 'In the backlog',
  sending: 'Sending the answer to the backlog',
} as const;
