import { Hub } from 'aws-amplify/utils';
import { classifyAuthError, type AuthFailure } from '../../../lib/amplify/authErrors';

export type AuthEvent =
  | { type: 'signedIn' | 'signedOut' | 'tokenRefresh'; crossTab: boolean }
  | { type: 'tokenRefreshFailure'; crossTab: boolean; failure: AuthFailure };

/**
 * Amplify's auth events, this tab's and (since aws-amplify 6.22, through `storage` events) the other tabs'
 * sign-in, sign-out and refresh. A refresh failure carries its classified cause — the one way to learn
 * *why* tokens vanished, since `fetchAuthSession()` then just resolves without them.
 */
export function listenAuthEvents(listener: (event: AuthEvent) => void): () => void {
  return Hub.listen(
    'auth',
    ({ payload, crossTab }) => {
      const tab = { crossTab: crossTab === true };
      switch (payload.event) {
        case 'signedIn':
        case 'signedOut':
        case 'tokenRefresh':
          listener({ type: payload.event, ...tab });
          break;
        case 'tokenRefresh_failure':
          listener({ type: 'tokenRefreshFailure', ...tab, failure: classifyAuthError(payload.data?.error) });
          break;
      }
    },
    { listenerName: 'session-hook', enableCrossTabEvents: true },
  );
}
