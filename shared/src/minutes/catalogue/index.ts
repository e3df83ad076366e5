// The minutes' words: catalogues per language and an i18next translator made
// from them without I/O (the catalogues are plain data bundled with the code).
import i18next from 'i18next';
import { en } from './en.ts';
import { nl } from './nl.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };
export type MinutesCatalogue = Strings<typeof en>;

type Base<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;
type Paths<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Base<K>}` : Paths<T[K], `${P}${K}.`>;
}[keyof T & string];
/** A key of the minutes catalogue, e.g. `heading.attendance`; a plural key without its `_one`/`_other`. */
export type MinutesKey = Paths<typeof en>;
/** Looks up a key in one language; `count` picks the plural form. */
export type MinutesT = (key: MinutesKey, values?: Record<string, unknown>) => string;

export const MINUTES_LANGUAGES = { en, nl } as const satisfies Record<string, MinutesCatalogue>;
export type MinutesLanguage = keyof typeof MINUTES_LANGUAGES;
export const isMinutesLanguage = (s: unknown): s is MinutesLanguage => typeof s === 'string' && s in MINUTES_LANGUAGES;

const instance = i18next.createInstance();
void instance.init({
  resources: Object.fromEntries(Object.entries(MINUTES_LANGUAGES).map(([lng, c]) => [lng, { minutes: c }])),
  ns: ['minutes'],
  defaultNS: 'minutes',
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

const translators = new Map<MinutesLanguage, MinutesT>();
/** The minutes' translator for a language (English when none is given). */
export function minutesT(lang: MinutesLanguage = 'en'): MinutesT {
  let t = translators.get(lang);
  if (!t) {
    const fixed = instance.getFixedT(lang, 'minutes') as unknown as (key: string, values?: Record<string, unknown>) => string;
    t = (key, values) => fixed(key, values);
    translators.set(lang, t);
  }
  return t;
}
