import { I18n } from 'aws-amplify/utils';
import { getLanguage, subscribeLanguage } from '../../../lib/i18n/translate';
import { amplifyJapanese } from '../language/amplifyJapanese';

/** Amplify's translator (which the Authenticator machine uses) for an Authenticator text or Cognito message. */
export function amplifyText(key: string): string {
  return I18n.get(key);
}

/**
 * Keeps Amplify's I18n on the app's language: our Japanese vocabulary is registered once, and every change
 * of the app's language is applied to Amplify too (English needs no vocabulary: the keys are English).
 */
export function followAppLanguage(): () => void {
  I18n.putVocabularies({ ja: amplifyJapanese });
  I18n.setLanguage(getLanguage());
  return subscribeLanguage(() => I18n.setLanguage(getLanguage()));
}
