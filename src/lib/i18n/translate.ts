/**
 * The app's translator: one vocabulary per language, registered by each feature for its own keys, so tests
 * and translations use the same keys. `t(key)` reads the current language at call time; components re-render
 * on a language change through `useLanguage()` (the shell subscribes at the top, so the whole tree follows).
 */
export type Vocabulary = Record<string, string>;
export type Vocabularies = { en: Vocabulary; ja: Vocabulary };
export type Language = keyof Vocabularies;

export const LANGUAGES: readonly Language[] = ['en', 'ja'];

const registered: Vocabularies = { en: {}, ja: {} };
let language: Language = 'en';
const listeners = new Set<() => void>();

export function registerVocabularies(v: Vocabularies): void {
  Object.assign(registered.en, v.en);
  Object.assign(registered.ja, v.ja);
}

/**
 * The string for `key` in the current language (English, then the key itself, as fallbacks). `{name}`
 * placeholders are filled from `params` when given; without params the text is returned untouched.
 */
export function t(key: string, params?: Record<string, string | number>): string {
  const text = registered[language][key] ?? registered.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

export function setLanguage(next: Language): void {
  if (next === language) return;
  language = next;
  for (const listener of [...listeners]) listener();
}

export function getLanguage(): Language {
  return language;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Called after every language change; returns the unsubscribe function (useSyncExternalStore's shape). */
export function subscribeLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
