import { registerVocabularies, setLanguage, t, type Language } from '../../../lib/i18n/translate';
import { useLanguage } from '../../../lib/i18n/useLanguage';
import { rememberLanguage } from '../language/languagePreference';
import { authVocabulary } from '../vocabulary';

registerVocabularies(authVocabulary);

/** Each language named in itself, so a reader of either can find theirs. */
const CHOICES: Array<{ language: Language; name: string }> = [
  { language: 'en', name: 'English' },
  { language: 'ja', name: '日本語' },
];

/** English / 日本語, on every screen (sign-in included); the choice is remembered across reloads. */
export function LanguageSwitch() {
  const current = useLanguage();
  return (
    <div role="group" aria-label={t('auth.language')} className="language-switch">
      {CHOICES.map(({ language, name }) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={current === language}
          onClick={() => {
            rememberLanguage(language);
            setLanguage(language);
          }}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
