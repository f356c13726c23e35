import { Suspense, use } from 'react';
import type { ConfigResult } from '../../amplify-config';
import { LanguageSwitch } from '../features/auth/components/LanguageSwitch';
import { registerVocabularies, t } from '../lib/i18n/translate';
import { useLanguage } from '../lib/i18n/useLanguage';
import { ConfigurationScreen } from './ConfigurationScreen';
import { ConfiguredApp } from './ConfiguredApp';
import { ErrorBoundary } from './ErrorBoundary';
import { appVocabulary } from './vocabulary';
import './layout.css';

registerVocabularies(appVocabulary);

function ConfigGate({ config }: { config: Promise<ConfigResult> }) {
  const result = use(config);
  return result.ok ? <ConfiguredApp settings={result.settings} /> : <ConfigurationScreen problems={result.problems} />;
}

/**
 * The shell: header with the language switch (on every screen, the configuration and sign-in screens
 * included), then the configuration screen or the app. Subscribing to the language here re-renders the
 * whole tree on a switch, so every `t()` below follows without remounting anything.
 */
export function App({ config }: { config: Promise<ConfigResult> }) {
  const language = useLanguage();
  return (
    <div className="app" lang={language}>
      <header className="app-header">
        <div>
          <h1>{t('app.title')}</h1>
          <p className="app-subtitle">{t('app.subtitle')}</p>
        </div>
        <LanguageSwitch />
      </header>
      <main className="app-main">
        <ErrorBoundary>
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <ConfigGate config={config} />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
