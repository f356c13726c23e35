import { AuthenticatorProvider, useAuthenticatorInitMachine } from '@aws-amplify/ui-react-core';
import type { ReactNode } from 'react';

/**
 * Amplify UI's Authenticator state machine (the one `<Authenticator>` runs) without its styled screens:
 * `@aws-amplify/ui-react-core` is ui-react's own headless layer, pinned by it. Sign-in keeps every behaviour
 * of the Authenticator (SRP sign-in, the new-password step, forgot password, Hub handling), while the first
 * load stays within budget: the styled component and its theme cost ≈55 KB gzip more than these forms.
 * Email is the username; sign-up is not offered (an administrator creates users).
 */
const MACHINE_OPTIONS = { initialState: 'signIn' as const, loginMechanisms: ['email' as const] };

function InitMachine() {
  useAuthenticatorInitMachine(MACHINE_OPTIONS);
  return null;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  return (
    <AuthenticatorProvider>
      <InitMachine />
      {children}
    </AuthenticatorProvider>
  );
}
