import { isLanguage, type Language } from '../../../lib/i18n/translate';

/** The chosen language, remembered across reloads; the browser's preference on a first visit. */
const KEY = 'gallery.language';

export function preferredLanguage(
  storage: Storage | undefined = globalThis.localStorage,
  browserLanguages: readonly string[] = globalThis.navigator?.languages ?? [],
): Language {
  try {
    const stored = storage?.getItem(KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage blocked (privacy mode): fall back to the browser's languages.
  }
  return browserLanguages.some((l) => l.toLowerCase().startsWith('ja')) ? 'ja' : 'en';
}

export function rememberLanguage(language: Language, storage: Storage | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, language);
  } catch {
    // Not remembered, but the switch still applies to this page.
  }
}
