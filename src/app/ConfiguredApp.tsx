import { lazy, Suspense } from 'react';
import { AuthProvider } from '../features/auth/components/AuthProvider';
import { SignInGate } from '../features/auth/components/SignInGate';
import { signOutHere } from '../features/auth/api/signOut';
import { useSignInFocus } from '../features/auth/hooks/useSignInFocus';
import { SessionBanner } from '../features/session/components/SessionBanner';
import { useSession, type SessionHandle } from '../features/session/hooks/useSession';
import type { AppSettings } from '../lib/config/appSettings';
import { t } from '../lib/i18n/translate';
import { ErrorBoundary } from './ErrorBoundary';

const SignedInApp = lazy(() => import('./SignedInApp'));

/**
 * The configured app: the session hook above everything (the Authenticator's machine is replaced when
 * another tab signs in; the session goes on), then the machine, then the session banner *outside* the
 * sign-in gate — so the banner survives the Authenticator's sign-out and can say why.
 */
export function ConfiguredApp({ settings }: { settings: AppSettings }) {
  const handle = useSession(undefined, { refreshTokenValidityMs: settings.refreshTokenValidityMs });
  return (
    <AuthProvider>
      <SessionArea settings={settings} handle={handle} />
    </AuthProvider>
  );
}

function SessionArea({ settings, handle }: { settings: AppSettings; handle: SessionHandle }) {
  const focusSignIn = useSignInFocus();
  const signInAgain = () => {
    handle.noteSignOut('signed-out');
    void signOutHere().then(focusSignIn, focusSignIn);
  };
  const { status } = handle.session;
  return (
    <>
      <div className="session-banner-area">
        <SessionBanner
          session={handle.session}
          onRenew={() => void handle.renew()}
          onSignIn={focusSignIn}
          onDismiss={handle.dismiss}
          onSignInAgain={signInAgain}
        />
      </div>
      <SignInGate sessionOver={status === 'ended' || status === 'signedOut'}>
        <ErrorBoundary>
          <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
            <SignedInApp settings={settings} handle={handle} />
          </Suspense>
        </ErrorBoundary>
      </SignInGate>
    </>
  );
}
