import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadAppConfig } from '../amplify-config';
import { App } from './app/App';
import { prepareAmplify } from './app/prepareAmplify';
import { followAppLanguage } from './features/auth/api/amplifyLanguage';
import { preferredLanguage } from './features/auth/language/languagePreference';
import { getLanguage, setLanguage, subscribeLanguage } from './lib/i18n/translate';

setLanguage(preferredLanguage());
document.documentElement.lang = getLanguage();
subscribeLanguage(() => {
  document.documentElement.lang = getLanguage();
});
followAppLanguage();

// Read and validated once, before the first render; Amplify is configured before anything can call it.
const config = loadAppConfig().then(prepareAmplify);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
}
