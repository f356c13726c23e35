import { Component, type ErrorInfo, type ReactNode } from 'react';
import { t } from '../lib/i18n/translate';

interface State {
  failed: boolean;
}

/**
 * A rendering error shows a message and a reload button instead of a blank page. Nothing of the error is
 * printed here: its message could quote a token. (React itself still reports it in development.)
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(_error: unknown, _info: ErrorInfo): void {
    // Deliberately silent: see the class comment.
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <section role="alert" className="error-screen">
        <h2>{t('app.error.title')}</h2>
        <p>{t('app.error.body')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      </section>
    );
  }
}
