import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { Hub } from 'aws-amplify/utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { classifyAuthError } from '../../../src/lib/amplify/authErrors';
import { installLockedTokenRefresher } from '../../../src/lib/amplify/lockedTokenRefresher';
import { createTabLock } from '../../../src/lib/crossTab/tabLock';
import { fakeJwt, storeSignedInSession } from '../support/amplifyTokens';
import { buildConfigResult } from '../support/builders';
import { webLocks } from '../support/sessionHarness';

type Refresher = ReturnType<typeof cognitoUserPoolsTokenProvider.tokenOrchestrator.getTokenRefresher>;

const orchestrator = cognitoUserPoolsTokenProvider.tokenOrchestrator;

function serviceError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

/** Amplify's real token provider and orchestrator; only the network refresh underneath is a double. */
function withOriginalRefresher(original: Refresher) {
  const config = buildConfigResult();
  if (!config.ok || !config.amplify.Auth) throw new Error('config');
  cognitoUserPoolsTokenProvider.setAuthConfig(config.amplify.Auth);
  orchestrator.setTokenRefresher(original);
  installLockedTokenRefresher(createTabLock({ locks: webLocks }));
}

function hubEvents() {
  const events: Array<{ event: string; error?: string }> = [];
  const stop = Hub.listen('auth', ({ payload }) => {
    const data = 'data' in payload ? payload.data : undefined;
    const error = typeof data === 'object' && data !== null && 'error' in data ? data.error?.name : undefined;
    events.push({ event: payload.event, error });
  });
  return { events, stop };
}

beforeEach(() => storeSignedInSession({ issuedAt: Date.now() }));

describe('locked token refresher', () => {
  it('reports a throttled refresh as a network error, so the Authenticator keeps the user signed in', async () => {
    withOriginalRefresher(vi.fn(async () => Promise.reject(serviceError('TooManyRequestsException', 'Rate exceeded'))));
    const hub = hubEvents();
    const refresh = cognitoUserPoolsTokenProvider.getTokens({ forceRefresh: true });
    const error = await refresh.catch((e: unknown) => e);
    hub.stop();
    expect(hub.events).toContainEqual({ event: 'tokenRefresh_failure', error: 'NetworkError' });
    expect(classifyAuthError(error)).toMatchObject({ kind: 'temporary', reason: 'throttled' });
    expect(await cognitoUserPoolsTokenProvider.authTokenStore.loadTokens()).not.toBeNull();
  });

  it('lets a revoked refresh token through as it is: the session is over', async () => {
    withOriginalRefresher(vi.fn(async () => Promise.reject(serviceError('NotAuthorizedException', 'Refresh Token has been revoked'))));
    const hub = hubEvents();
    // As on AWS: Amplify clears the tokens and resolves with none.
    expect(await cognitoUserPoolsTokenProvider.getTokens({ forceRefresh: true })).toBeNull();
    hub.stop();
    expect(hub.events).toContainEqual({ event: 'tokenRefresh_failure', error: 'NotAuthorizedException' });
    expect(await cognitoUserPoolsTokenProvider.authTokenStore.loadTokens()).toBeNull();
  });

  it('adopts the tokens another tab stored while this one waited, instead of refreshing again', async () => {
    const original = vi.fn<Refresher>();
    withOriginalRefresher(original);
    const stale = await cognitoUserPoolsTokenProvider.authTokenStore.loadTokens();
    if (!stale) throw new Error('no stored tokens');
    // Another tab refreshed: storage now holds a newer access token than the one this refresh started from.
    const now = Math.floor(Date.now() / 1000);
    const newer = fakeJwt({ sub: 'sub-demo', token_use: 'access', username: 'sub-demo', iat: now, exp: now + 300, jti: 'a-2' });
    localStorage.setItem(Object.keys(localStorage).find((k) => k.endsWith('.accessToken')) ?? '', newer);
    const refreshed = await orchestrator.getTokenRefresher()({ tokens: stale, username: 'sub-demo' });
    expect(original).not.toHaveBeenCalled();
    expect(refreshed.accessToken.toString()).toBe(newer);
  });

  it('refreshes when storage holds nothing newer', async () => {
    const original = vi.fn<Refresher>(async ({ tokens }) => tokens);
    withOriginalRefresher(original);
    const stored = await cognitoUserPoolsTokenProvider.authTokenStore.loadTokens();
    if (!stored) throw new Error('no stored tokens');
    await orchestrator.getTokenRefresher()({ tokens: stored, username: 'sub-demo' });
    expect(original).toHaveBeenCalledOnce();
  });
});

describe('classifyAuthError', () => {
  it.each([
    ['NotAuthorizedException', 'Refresh Token has been revoked', 'definitive', 'refresh-token-revoked'],
    ['NotAuthorizedException', 'Refresh Token has expired', 'definitive', 'refresh-token-expired'],
    ['NotAuthorizedException', 'User is disabled.', 'definitive', 'user-disabled'],
    ['NotAuthorizedException', 'Invalid login token. Token expired: 1 >= 0', 'temporary', 'credentials-refused'],
    ['UserNotFoundException', 'User does not exist.', 'definitive', 'user-not-found'],
    ['NetworkError', 'A network error has occurred.', 'temporary', 'network'],
    ['TooManyRequestsException', 'Rate exceeded', 'temporary', 'throttled'],
    ['InternalErrorException', 'Internal error', 'temporary', 'service-unavailable'],
    ['SomethingNew', 'never seen', 'temporary', 'unknown'],
  ])('%s "%s" is %s (%s)', (name, message, kind, reason) => {
    expect(classifyAuthError(serviceError(name, message))).toMatchObject({ kind, reason });
  });

  it('reads a 5xx status when the name says nothing', () => {
    expect(classifyAuthError({ name: 'UnknownError', $metadata: { httpStatusCode: 503 } })).toMatchObject({ reason: 'service-unavailable' });
  });
});
