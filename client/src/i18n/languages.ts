// The languages the board speaks, each with its catalogue and its own name for the switch.
import { en, type Catalogue } from './catalogue.ts';
import { nl } from './nl/index.ts';

export const LANGUAGES = {
  en: { name: 'English', catalogue: en as Catalogue },
  nl: { name: 'Nederlands', catalogue: nl },
} as const;
export type Language = keyof typeof LANGUAGES;
export const isLanguage = (s: string | undefined): s is Language => s !== undefined && s in LANGUAGES;
