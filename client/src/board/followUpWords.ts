// Words of what a meeting hands on: ways through an objection, an item's ways
// out, the backlog, action items and the evaluation's open prompts (catalogue: method.*).
import type { BacklogSource, EvaluationPrompt, IntegrationPath, ItemExit } from '@consent/shared';
import { en } from '../i18n/catalogue.ts';
import { words } from '../i18n/live.ts';

export const WAY_THROUGH_WORDS: Record<IntegrationPath, string> = words(en.method.wayThroughWords);
export const EXIT_WORDS: Record<ItemExit, string> = words(en.method.exitWords);
export const SOURCE_WORDS: Record<BacklogSource, string> = words(en.method.sourceWords);
export const PROMPT_QUESTION: Record<EvaluationPrompt, string> = words(en.method.prompt);

/** [O3] The objector's question when the objection is integrated. */
export const WAY_THROUGH = words(en.method.wayThrough);

/** [O9] The facilitator's ways to end an item in this meeting without a decision. */
export const ITEM_EXIT = words(en.method.itemExit, (t) => ({ question: (title: string) => t('question', { title }) }));

export const BACKLOG = words(en.method.backlog, (t) => ({
  from: (source: string, item: string | null) => (item ? t('from', { source, item }) : source),
}));

export const ACTIONS = words(en.method.actions, (t) => ({
  heading: (title: string) => t('heading', { title }),
  done: (text: string) => t('done', { text }),
  by: (name: string, due: string | null) => (due ? t('by', { name, due }) : name),
}));

export const ANSWERS = words(en.method.answers);
