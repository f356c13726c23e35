import {
  AuthenticatorProvider,
  useAuthenticator,
  useAuthenticatorInitMachine,
} from '@aws-amplify/ui-react-core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { listenSignInElsewhere } from '../api/signInElsewhere';

/**
 * Amplify UI's Authenticator state machine (the one `<Authenticator>` runs) without its styled screens:
 * `@aws-amplify/ui-react-core` is ui-react's own headless layer, pinned by it. Sign-in keeps every behaviour
 * of the Authenticator (SRP sign-in, the new-password step, forgot password, Hub handling), while the first
 * load stays within budget: the styled component and its theme cost ≈55 KB gzip more than these forms.
 * Email is the username; sign-up is not offered (an administrator creates users).
 */
const MACHINE_OPTIONS = { initialState: 'signIn' as const, loginMechanisms: ['email' as const] };

function InitMachine({ onRoute }: { onRoute: (route: string) => void }) {
  useAuthenticatorInitMachine(MACHINE_OPTIONS);
  const { route } = useAuthenticator((context) => [context.route]);
  useEffect(() => onRoute(route), [onRoute, route]);
  return null;
}

/**
 * Follows a sign-in made in another tab: the machine has no event for "signed in elsewhere" (its Hub
 * listener hears this tab only), but a fresh machine starts by reading the current user from storage —
 * tokens only, no request — and goes straight to the app. So a machine not showing the app is replaced by
 * a new one. (The session hook lives above this provider, so nothing of the session is lost.)
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [machine, setMachine] = useState(0);
  const route = useRef('idle');
  const onRoute = useCallback((next: string) => {
    route.current = next;
  }, []);
  useEffect(
    () =>
      listenSignInElsewhere(() => {
        if (route.current !== 'authenticated') setMachine((n) => n + 1);
      }),
    [],
  );
  return (
    <AuthenticatorProvider key={machine}>
      <InitMachine onRoute={onRoute} />
      {children}
    </AuthenticatorProvider>
  );
}
