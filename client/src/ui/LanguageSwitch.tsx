// The language switch: every language the board speaks, named in itself; the choice is kept on this device.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../i18n/languages.ts';
import { chooseLanguage } from '../i18n/i18n.ts';
import { LANGUAGE } from '../access/words.ts';

export function LanguageSwitch() {
  const { i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{LANGUAGE.label}</span>
      <select
        aria-label={LANGUAGE.label}
        value={i18n.language}
        onChange={(e) => {
          if (isLanguage(e.target.value)) chooseLanguage(e.target.value);
        }}
      >
        {Object.entries(LANGUAGES).map(([code, l]) => (
          <option key={code} value={code} lang={code}>
            {l.name}
          </option>
        ))}
      </select>
    </label>
  );
}
