import { followAppLanguage } from '../features/auth/api/amplifyLanguage';
import { preferredLanguage } from '../features/auth/language/languagePreference';
import { getLanguage, setLanguage, subscribeLanguage } from '../lib/i18n/translate';

/**
 * The language at start-up (remembered, or the browser's), kept in step with `<html lang>` and with
 * Amplify's I18n (the Authenticator's texts). Returns the function that stops following.
 */
export function startLanguage(): () => void {
  setLanguage(preferredLanguage());
  const syncDocument = () => {
    document.documentElement.lang = getLanguage();
  };
  syncDocument();
  const stopDocument = subscribeLanguage(syncDocument);
  const stopAmplify = followAppLanguage();
  return () => {
    stopDocument();
    stopAmplify();
  };
}
