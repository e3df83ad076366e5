// Words for what a meeting hands on, shared by the minutes and the board: the
// ways through an objection, an item's ways out, backlog sources, the prompts.
import type { EvaluationPrompt, IntegrationPath, ItemExit } from '../schema.ts';
import type { BacklogSource } from '../followUpSchema.ts';

/** [O1] The way an objection was integrated. */
export const WAY_THROUGH_WORDS: Record<IntegrationPath, string> = {
  amend: 'Amended the text',
  term: 'Shortened the term',
  measure: 'Added a measure that watches the feared effect',
};

/** [O4][O6] How an item left the meeting without a decision. */
export const EXIT_WORDS: Record<ItemExit, string> = {
  deferred: 'Deferred: back to the backlog',
  carried: 'Carried to the next meeting',
  'broader-circle': 'Passed to a broader circle',
};

/** [BL1] Where a backlog entry came from. */
export const SOURCE_WORDS: Record<BacklogSource, string> = {
  deferred: 'deferred item',
  carried: 'carried item',
  'broader-circle': 'for a broader circle',
  evaluation: 'from the evaluation',
  proposed: 'proposed',
};

/** [E2] SoFA's open prompts of the evaluation. */
export const PROMPT_QUESTION: Record<EvaluationPrompt, string> = {
  worked: 'What worked well?',
  improve: 'What could improve?',
};
