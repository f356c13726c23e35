import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storeSignedInSession } from '../support/amplifyTokens';
import { localTime } from '../support/builders';
import { renderApp } from '../support/renderApp';
import { stopTabs, useFakeClock } from '../support/sessionHarness';
import { resetBackend } from '../support/sharedBackend';
import { installBrowserDoubles, removeBrowserDoubles, stubGalleryApi } from '../gallery/support/stubGalleryApi';

// The seams: the session hook's api (a fake Amplify + Cognito), the galleries' Storage calls, and the
// panel's JWKS fetch. Everything else — shell, Authenticator machine, hook, banner, galleries, panel — is real.
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

async function signedInApp() {
  const backend = resetBackend({ tokenTtlMs: TTL });
  backend.signIn();
  storeSignedInSession({ issuedAt: START });
  stubGalleryApi({
    'test-cat-photos': [{ key: 'tabby.jpg' }, { key: 'notes.txt' }],
    'test-dog-photos': [{ key: 'shiba.png' }],
  });
  const app = await renderApp();
  await vi.waitFor(() => screen.getByRole('region', { name: 'Dog photos' }), { timeout: 10_000 });
  return { ...app, backend };
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  useFakeClock(START);
  installBrowserDoubles();
});
afterEach(() => {
  removeBrowserDoubles();
  stopTabs();
});

describe('the signed-in app', { timeout: 20_000 }, () => {
  it('shows one gallery per bucket, the session controls and the session panel', async () => {
    await signedInApp();
    expect(screen.getByRole('region', { name: 'Cat photos' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Dog photos' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Session' })).toBeInTheDocument();
    expect(screen.getByText('Signed in as demo@example.com')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Renew automatically' })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out everywhere' })).toBeInTheDocument();
  });

  it('renews by itself and says so, then the message goes away', async () => {
    const { backend } = await signedInApp();
    await advance(TTL - 60_000);
    await vi.waitFor(() => expect(screen.getByText('Session renewed — valid until 12:09:00')).toBeInTheDocument());
    expect(backend.refreshCalls).toBe(1);
    await advance(5_000);
    expect(screen.queryByText(/Session renewed/)).not.toBeInTheDocument();
  });

  it('with "Renew automatically" off, pauses the galleries at expiry and resumes them after one click', async () => {
    const { user, backend } = await signedInApp();
    await user.click(screen.getByRole('switch', { name: 'Renew automatically' }));
    await advance(TTL);
    const alert = await vi.waitFor(() => screen.getByText(/Session expired at/).closest('[role="alert"]'));
    if (!(alert instanceof HTMLElement)) throw new Error('no session alert');
    expect(alert).toHaveTextContent('Session expired at 12:05:00');
    for (const name of ['Cat photos', 'Dog photos']) {
      expect(within(screen.getByRole('region', { name })).getByText('Paused until the session is renewed.')).toBeInTheDocument();
    }
    expect(backend.refreshCalls).toBe(0);

    await user.click(within(alert).getByRole('button', { name: 'Renew session' }));
    await vi.waitFor(() => expect(screen.getByText(/Session renewed — valid until 12:10:00/)).toBeInTheDocument());
    expect(backend.refreshCalls).toBe(1);
    expect(screen.queryByText('Paused until the session is renewed.')).not.toBeInTheDocument();
  });
});

describe('the ended session', { timeout: 20_000 }, () => {
  it('after "Revoke my session", explains why the sign-in screen is back and leads to it', async () => {
    const { user, backend } = await signedInApp();
    await user.click(screen.getByRole('button', { name: 'Revoke my session' }));
    const alert = await vi.waitFor(() => screen.getByText(/Your session has ended/).closest('[role="alert"]'));
    if (!(alert instanceof HTMLElement)) throw new Error('no ended alert');
    expect(alert).toHaveTextContent('Your session has ended (refresh token revoked) — sign in again');
    expect(backend.revokeCalls).toBe(1);
    await vi.waitFor(() => screen.getByRole('heading', { name: 'Sign in to your account' }));
    expect(screen.queryByRole('region', { name: 'Cat photos' })).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Sign in' }));
    await advance(10);
    expect(screen.getByLabelText('Email')).toHaveFocus();
  });
});
