import { signOut } from 'aws-amplify/auth';

/** Sign out of this browser: Amplify revokes the refresh token (RevokeToken) and clears the stored tokens. */
export function signOutHere(): Promise<void> {
  return signOut();
}

/** Sign out of every device: Cognito GlobalSignOut invalidates all of this user's refresh tokens. */
export function signOutEverywhere(): Promise<void> {
  return signOut({ global: true });
}
