import type { Vocabularies } from '../../lib/i18n/translate';

/** The app's own sign-in and sign-out strings (Amplify's texts are in language/amplifyJapanese.ts). */
export const authVocabulary: Vocabularies = {
  en: {
    'auth.language': 'Language',
    'auth.signOut': 'Sign out',
    'auth.signOutEverywhere': 'Sign out everywhere',
    'auth.signedInAs': 'Signed in as {name}',
    'auth.loading': 'Loading…',
    'auth.unsupportedStep': 'This sign-in step is not supported by this app. Ask your administrator.',
    'auth.signOutFailed': 'Could not sign out. Check the connection and try again.',
  },
  ja: {
    'auth.language': '言語',
    'auth.signOut': 'サインアウト',
    'auth.signOutEverywhere': 'すべてのデバイスからサインアウト',
    'auth.signedInAs': '{name} でサインイン中',
    'auth.loading': '読み込み中…',
    'auth.unsupportedStep': 'このサインイン手順にはこのアプリは対応していません。管理者にお問い合わせください。',
    'auth.signOutFailed': 'サインアウトできませんでした。接続を確認して、もう一度お試しください。',
  },
};
