import { useAuthenticator } from '@aws-amplify/ui-react-core';
import { useEffect, useRef, type ReactNode } from 'react';
import { forgetEndedSession } from '../api/signOut';
import { SignInScreen } from './SignInScreen';

export interface SignInGateProps {
  /** The signed-in app. */
  children: ReactNode;
  /**
   * Whether the session hook sees the session as over (ended or signed out). When it *becomes* over while
   * the Authenticator still shows the app — a sign-out in another tab, whose Hub events the Authenticator
   * does not hear — the gate signs out here too: first forgetting the dead tokens locally, so that the
   * Authenticator's sign-out finds none and sends no RevokeToken (the tab that signed out sent the one).
   * Only the change counts: right after a sign-in the hook may still say "signed out" for a moment.
   */
  sessionOver: boolean;
}

/** Shows the sign-in screens until the Authenticator reports a signed-in user, then the app. */
export function SignInGate({ children, sessionOver }: SignInGateProps) {
  const { route, signOut } = useAuthenticator((context) => [context.route]);
  const authenticated = route === 'authenticated';
  const wasOver = useRef(sessionOver);
  useEffect(() => {
    const becameOver = sessionOver && !wasOver.current;
    wasOver.current = sessionOver;
    if (becameOver && authenticated) void forgetEndedSession().finally(() => signOut());
  }, [authenticated, sessionOver, signOut]);
  return authenticated ? <>{children}</> : <SignInScreen />;
}
