import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setLanguage } from '../../src/lib/i18n/translate';

// Vitest runs without globals, so Testing Library's automatic cleanup is not registered: do it here.
// Each test also starts in English with empty storage (language choice, "Renew automatically", tokens).
afterEach(() => {
  cleanup();
  setLanguage('en');
  localStorage.clear();
  sessionStorage.clear();
});
