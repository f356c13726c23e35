import { useAuthenticator } from '@aws-amplify/ui-react-core';
import { useCallback } from 'react';

/** "Sign in" from outside the sign-in screen (the session banner): back to its first step, email focused. */
export function useSignInFocus(): () => void {
  const { route, toSignIn } = useAuthenticator((context) => [context.route]);
  return useCallback(() => {
    if (route !== 'signIn' && route !== 'authenticated') toSignIn();
    // After the screen has rendered: the email field is the first thing to type into.
    setTimeout(() => document.querySelector<HTMLInputElement>('.sign-in-screen input[name="username"]')?.focus(), 0);
  }, [route, toSignIn]);
}
