import { AuthError } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider, type TokenOrchestrator } from 'aws-amplify/auth/cognito';
import type { TabLock } from '../crossTab/tabLock';
import { classifyAuthError } from './authErrors';

type TokenRefresher = ReturnType<TokenOrchestrator['getTokenRefresher']>;
type CognitoAuthTokens = Awaited<ReturnType<TokenRefresher>>;

const installed = new WeakSet<TokenRefresher>();

/** Amplify's own early-expiry window: a stored token closer than this to its end is not worth adopting. */
const ADOPT_MARGIN_MS = 5_000;

function usable(tokens: CognitoAuthTokens, now: number): boolean {
  const exp = Math.min(tokens.accessToken.payload.exp ?? 0, tokens.idToken?.payload.exp ?? Infinity) * 1000;
  return exp - (tokens.clockDrift ?? 0) - ADOPT_MARGIN_MS > now;
}

/**
 * Wraps Amplify's token refresher (every refresh goes through it: ours, and Amplify's own refresh-on-use):
 *
 * 1. One refresh at a time across tabs: the refresh runs under a tab lock.
 * 2. After taking the lock, re-read the stored tokens: if another tab refreshed while we waited, adopt its
 *    tokens instead of spending the refresh token again (and racing a rotating pool into
 *    RefreshTokenReuse).
 * 3. Temporary failures (network, 5xx, throttling) are re-thrown as `NetworkError` with the original as
 *    `underlyingError`. Amplify keeps the tokens for those anyway; the re-label stops the Authenticator's Hub
 *    handler, which signs out on any `tokenRefresh_failure` that is not a network error, from turning a
 *    passing 503 into a sign-out (and a RevokeToken). Definitive failures pass through unchanged.
 */
export function installLockedTokenRefresher(lock: TabLock, now: () => number = Date.now): void {
  const orchestrator = cognitoUserPoolsTokenProvider.tokenOrchestrator;
  const original = orchestrator.getTokenRefresher();
  if (installed.has(original)) return;
  const refresher: TokenRefresher = (args) =>
    lock.run('token-refresh', async () => {
      const stored = await cognitoUserPoolsTokenProvider.authTokenStore.loadTokens();
      const renewedElsewhere =
        !!stored?.refreshToken && stored.accessToken.toString() !== args.tokens.accessToken.toString();
      if (stored && renewedElsewhere && usable(stored, now())) return { ...stored, username: args.username };
      try {
        return await original(args);
      } catch (error) {
        if (classifyAuthError(error).kind === 'definitive') throw error;
        throw new AuthError({
          name: 'NetworkError',
          message: 'The session could not be renewed for now; it will be retried.',
          underlyingError: error,
        });
      }
    });
  installed.add(refresher);
  orchestrator.setTokenRefresher(refresher);
}
