// Placeholder API (the auth/i18n engineer owns this file and keeps these signatures):
// `t(key)` returns the string for the current language; vocabularies are registered per feature.
export type Vocabulary = Record<string, string>;
export type Vocabularies = { en: Vocabulary; ja: Vocabulary };

const registered: Vocabularies = { en: {}, ja: {} };
let language: keyof Vocabularies = 'en';

export function registerVocabularies(v: Vocabularies): void {
  Object.assign(registered.en, v.en);
  Object.assign(registered.ja, v.ja);
}

export function t(key: string): string {
  return registered[language][key] ?? registered.en[key] ?? key;
}

export function setLanguage(next: keyof Vocabularies): void {
  language = next;
}
