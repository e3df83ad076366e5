// Words for what a meeting hands on, in English (the catalogue's data; the
// minutes render them in any language through ./catalogue).
import type { EvaluationPrompt, IntegrationPath, ItemExit } from '../schema.ts';
import type { BacklogSource } from '../followUpSchema.ts';
import { en } from './catalogue/en.ts';

/** [O1] The way an objection was integrated. */
export const WAY_THROUGH_WORDS: Record<IntegrationPath, string> = en.wayThrough;

/** [O4][O6] How an item left the meeting without a decision. */
export const EXIT_WORDS: Record<ItemExit, string> = en.exit;

/** [BL1] Where a backlog entry came from. */
export const SOURCE_WORDS: Record<BacklogSource, string> = en.source;

/** [E2] SoFA's open prompts of the evaluation. */
export const PROMPT_QUESTION: Record<EvaluationPrompt, string> = en.prompt;
