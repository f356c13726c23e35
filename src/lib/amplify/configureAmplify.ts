import { Amplify, type ResourcesConfig } from 'aws-amplify';
import { cognitoCredentialsProvider, cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { ConsoleLogger } from 'aws-amplify/utils';
import { createTabChannel } from '../crossTab/tabChannel';
import { createTabLock } from '../crossTab/tabLock';
import { installLockedTokenRefresher } from './lockedTokenRefresher';
import { SharedCredentialsProvider, type SharedCredentialsMessage } from './sharedCredentials';

let credentials: SharedCredentialsProvider | undefined;

/**
 * Configures Amplify once the settings are valid. Our own credentials provider and token refresher are
 * plugged in (see sharedCredentials.ts and lockedTokenRefresher.ts); because we pass `libraryOptions.Auth`,
 * Amplify leaves the token provider's configuration to us, as its docs require.
 */
export function configureAmplify(config: ResourcesConfig): void {
  // Amplify's logger can print requests and errors that carry tokens; nothing of it reaches the console.
  // Problems reach the user through the UI (banner, gallery errors) instead.
  ConsoleLogger.LOG_LEVEL = 'NONE';
  const lock = createTabLock();
  credentials ??= new SharedCredentialsProvider(
    cognitoCredentialsProvider,
    createTabChannel<SharedCredentialsMessage>('credentials', { storageFallback: false }),
    { lock },
  );
  if (config.Auth) cognitoUserPoolsTokenProvider.setAuthConfig(config.Auth);
  Amplify.configure(config, {
    Auth: { tokenProvider: cognitoUserPoolsTokenProvider, credentialsProvider: credentials },
  });
  installLockedTokenRefresher(lock);
}

/** The credentials provider in use (undefined before configureAmplify). */
export function sharedCredentials(): SharedCredentialsProvider | undefined {
  return credentials;
}
