import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionMessage } from '../../../src/features/session/hooks/sessionMessage';
import { createTabChannel } from '../../../src/lib/crossTab/tabChannel';
import { fakeJwt, storeSignedInSession } from '../support/amplifyTokens';
import { CLIENT_ID, REGION, USER_POOL_ID, localTime } from '../support/builders';
import { findSignIn, renderApp } from '../support/renderApp';
import { settle, stopTabs, useFakeClock } from '../support/sessionHarness';
import { resetBackend } from '../support/sharedBackend';
import {
  installBrowserDoubles,
  removeBrowserDoubles,
  stubGalleryApi,
} from '../gallery/support/stubGalleryApi';

// The seams, as in signedIn.test.tsx: the session hook's api (a fake Amplify + Cognito), the galleries'
// Storage calls and the panel's JWKS fetch. The Authenticator machine and Amplify's own sign-out are real,
// so whatever Amplify would send to Cognito reaches `fetch`, which records it (the network boundary).
vi.mock('../../../src/features/session/hooks/sessionApi', async () => ({
  amplifySessionApi: (await import('../support/sharedBackend')).sharedSessionApi,
}));
vi.mock('../../../src/features/gallery/api/listImages', () => ({ listImages: vi.fn() }));
vi.mock('../../../src/features/gallery/api/signImageUrl', () => ({ signImageUrl: vi.fn() }));
vi.mock('../../../src/features/gallery/api/currentAccessKeyId', () => ({ currentAccessKeyId: vi.fn() }));
vi.mock('../../../src/features/inspector/api/verifySignature', () => ({
  verifySignature: vi.fn(async () => ({ status: 'unverifiable', reason: 'not fetched in component tests' })),
}));

const START = localTime(12, 0, 0);
const TTL = 300_000;
const PREFIX = `CognitoIdentityServiceProvider.${CLIENT_ID}`;

/** The Cognito operations Amplify sent (X-Amz-Target), answered with an empty success. */
function recordCognitoRequests(): string[] {
  const operations: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      const target = new Headers(init?.headers).get('x-amz-target') ?? 'unknown';
      operations.push(target.slice(target.indexOf('.') + 1));
      return new Response('{}', { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' } });
    }),
  );
  return operations;
}

/**
 * A session Amplify would revoke on sign-out: Cognito puts `origin_jti` in tokens from a client with token
 * revocation (the default), and Amplify's signOut() sends RevokeToken only for those.
 */
function storeRevocableSession(): void {
  storeSignedInSession({ issuedAt: START });
  const iat = Math.floor(START / 1000);
  const iss = `https://cognito-idp.${REGION}.amazonaws.com/${USER_POOL_ID}`;
  localStorage.setItem(
    `${PREFIX}.sub-demo.accessToken`,
    fakeJwt({
      sub: 'sub-demo',
      iss,
      iat,
      exp: iat + 300,
      auth_time: iat,
      token_use: 'access',
      client_id: CLIENT_ID,
      username: 'sub-demo',
      jti: 'a-1',
      origin_jti: 'o-1',
    }),
  );
}

/** Another tab of this browser, as far as this one can hear it: the session hook's channel. */
function anotherTab() {
  const channel = createTabChannel<SessionMessage>('session');
  if (!channel) throw new Error('no BroadcastChannel');
  return { post: (message: SessionMessage) => channel.post(message), close: () => channel.close() };
}

beforeEach(() => {
  useFakeClock(START);
  installBrowserDoubles();
});
afterEach(() => {
  removeBrowserDoubles();
  stopTabs();
});

describe('a sign-out in another tab', { timeout: 20_000 }, () => {
  it('brings this tab back to the sign-in screen without a request of its own', async () => {
    const backend = resetBackend({ tokenTtlMs: TTL });
    backend.signIn();
    storeRevocableSession();
    stubGalleryApi({ 'test-cat-photos': [{ key: 'tabby.jpg' }], 'test-dog-photos': [{ key: 'shiba.png' }] });
    const requests = recordCognitoRequests();
    await renderApp();
    await vi.waitFor(() => screen.getByRole('region', { name: 'Cat photos' }), { timeout: 10_000 });

    // The other tab has revoked the refresh token and cleared the tokens — but its removal has not reached
    // this tab's view of localStorage yet when its message arrives (Chromium syncs the two separately).
    const other = anotherTab();
    other.post({ type: 'signedOut', reason: 'signed-out' });
    await settle(10);
    other.close();

    await vi.waitFor(() => screen.getByRole('heading', { name: 'Sign in to your account' }));
    expect(screen.getByRole('alert')).toHaveTextContent('You were signed out in another tab — sign in again');
    expect(screen.queryByRole('region', { name: 'Cat photos' })).not.toBeInTheDocument();
    expect(requests, 'requests this tab sent to Cognito').toEqual([]);
    expect(
      localStorage.getItem(`${PREFIX}.sub-demo.refreshToken`),
      'the dead tokens are gone here too',
    ).toBeNull();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(TTL);
    });
    expect(backend.refreshCalls).toBe(0);
  });
});

describe('a sign-in in another tab', { timeout: 20_000 }, () => {
  it('takes this tab from the sign-in screen to the galleries, with the session from storage', async () => {
    const backend = resetBackend({ tokenTtlMs: TTL });
    stubGalleryApi({ 'test-cat-photos': [{ key: 'tabby.jpg' }], 'test-dog-photos': [{ key: 'shiba.png' }] });
    const requests = recordCognitoRequests();
    await renderApp();
    await findSignIn();

    // The other tab signs in: Amplify stores the tokens in the shared localStorage, this tab hears of it
    // through a `storage` event (refresh token: none → some), and the other tab shares its credentials.
    backend.signIn();
    storeSignedInSession({ issuedAt: START });
    const refreshKey = `${PREFIX}.sub-demo.refreshToken`;
    act(() => {
      window.dispatchEvent(
        new StorageEvent('storage', {
          key: refreshKey,
          oldValue: null,
          newValue: localStorage.getItem(refreshKey),
          storageArea: localStorage,
        }),
      );
    });
    backend.broadcast(undefined, { type: 'signedIn', crossTab: true });
    await backend.tab().readSession();
    await settle(10);

    await vi.waitFor(() => screen.getByRole('img', { name: 'shiba.png' }), { timeout: 10_000 });
    expect(screen.getByRole('region', { name: 'Cat photos' })).toBeInTheDocument();
    expect(screen.getByText('Signed in as demo@example.com')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Sign in to your account' })).not.toBeInTheDocument();
    expect(requests, 'requests this tab sent to Cognito').toEqual([]);
    expect(backend.credentialCalls, 'credentials: the other tab’s exchange, shared').toBe(1);
  });
});
