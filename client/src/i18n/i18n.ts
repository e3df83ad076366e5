// The board's one i18next instance: the catalogues are bundled, so it starts
// synchronously; the language comes from this device's choice, else the browser.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, isLanguage, type Language } from './languages.ts';

const STORAGE_KEY = 'consent-board:language';

/** The device's remembered choice, else the first of the browser's languages the board speaks. */
export function pickLanguage(stored: string | null, browser: readonly string[]): Language {
  if (isLanguage(stored ?? undefined)) return stored as Language;
  for (const tag of browser) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function storedChoice(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(Object.entries(LANGUAGES).map(([lng, l]) => [lng, { translation: l.catalogue }])),
  lng: pickLanguage(storedChoice(), globalThis.navigator?.languages ?? []),
  fallbackLng: 'en',
  supportedLngs: Object.keys(LANGUAGES),
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** `{{round, capitalize}}`: a word that opens a Dutch sentence but sits mid-sentence in English. */
i18n.services.formatter?.add('capitalize', (value: unknown) => {
  const s = String(value);
  return s.charAt(0).toLocaleUpperCase() + s.slice(1);
});

const followHtml = (lng: string) => {
  if (globalThis.document) document.documentElement.lang = lng;
};
followHtml(i18n.language);
i18n.on('languageChanged', followHtml);

/** The switch: changes the board's language and remembers it on this device. */
export function chooseLanguage(lng: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: the choice lasts this visit */
  }
  void i18n.changeLanguage(lng);
}

export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'en');
