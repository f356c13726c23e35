import { Hub } from 'aws-amplify/utils';

/**
 * Calls `listener` when another tab of this browser signs in: Amplify (since 6.22) reports it as a
 * cross-tab Hub `signedIn`, from the `storage` event of the refresh token appearing in localStorage. The
 * Authenticator's own Hub listener hears this tab's events only, so without this a tab left at the
 * sign-in screen would stay there.
 */
export function listenSignInElsewhere(listener: () => void): () => void {
  return Hub.listen(
    'auth',
    ({ payload, crossTab }) => {
      if (crossTab === true && payload.event === 'signedIn') listener();
    },
    { listenerName: 'sign-in-elsewhere', enableCrossTabEvents: true },
  );
}
