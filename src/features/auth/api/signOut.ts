import { signOut } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';

/** Sign out of this browser: Amplify revokes the refresh token (RevokeToken) and clears the stored tokens. */
export function signOutHere(): Promise<void> {
  return signOut();
}

/** Sign out of every device: Cognito GlobalSignOut invalidates all of this user's refresh tokens. */
export function signOutEverywhere(): Promise<void> {
  return signOut({ global: true });
}

/**
 * Forget a session that ended elsewhere, in this tab only and with no request: the stored tokens go.
 * Another tab that signed out has revoked the refresh token already, but its removal of the tokens from
 * localStorage can reach this tab after its message does (Chromium syncs storage between tabs on its own
 * schedule). Amplify's signOut() revokes whatever refresh token it still finds, so without this each
 * following tab would send a RevokeToken of its own; with the tokens gone, it sends nothing.
 */
export function forgetEndedSession(): Promise<void> {
  return cognitoUserPoolsTokenProvider.authTokenStore.clearTokens();
}
