import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadAppConfig } from '../amplify-config';
import { App } from './app/App';
import { prepareAmplify } from './app/prepareAmplify';
import { startLanguage } from './app/startLanguage';

startLanguage();

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
