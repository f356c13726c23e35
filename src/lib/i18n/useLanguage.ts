import { useSyncExternalStore } from 'react';
import { getLanguage, subscribeLanguage, type Language } from './translate';

/** The current language; the calling component re-renders when it changes. */
export function useLanguage(): Language {
  return useSyncExternalStore(subscribeLanguage, getLanguage, getLanguage);
}
