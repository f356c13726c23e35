import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storeSignedInSession } from '../support/amplifyTokens';
import { localTime } from '../support/builders';
import { renderApp } from '../support/renderApp';
import { stopTabs, useFakeClock } from '../support/sessionHarness';
import { resetBackend } from '../support/sharedBackend';
import { installBrowserDoubles, removeBrowserDoubles, stubGalleryApi } from '../gallery/support/stubGalleryApi';
import { buildSignedUrl } from '../gallery/support/builders';
import { signImageUrl } from '../../../src/features/gallery/api/signImageUrl';
import type { FakeAuthBackend } from '../support/fakeAuthBackend';

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

/**
 * Signing as Amplify's getUrl does: with the credentials of the tokens in hand (named here after the
 * tokens' generation), the URL living no longer than they do. Returns the signings, `key …credentials`.
 */
function signWithSessionCredentials(backend: FakeAuthBackend): string[] {
  const signings: string[] = [];
  vi.mocked(signImageUrl).mockImplementation(async (gallery, key) => {
    const generation = backend.tokens?.generation ?? 0;
    const accessKeyId = `ASIAGENERATION${String(generation).padStart(6, '0')}`;
    signings.push(`${key} …${accessKeyId.slice(-4)}`);
    const expiresAt = Math.min(Date.now() + 900_000, backend.tokens?.expiresAt ?? 0);
    return { ok: true, signed: buildSignedUrl(gallery, key, { accessKeyId, version: signings.length, expiresAt }) };
  });
  return signings;
}

describe('the galleries around a renewal', { timeout: 20_000 }, () => {
  const LATENCY = 2_000;

  async function appWithSlowRenewal() {
    const backend = resetBackend({ tokenTtlMs: TTL, credentialsTtlMs: TTL, latencyMs: LATENCY });
    backend.signIn();
    storeSignedInSession({ issuedAt: START });
    stubGalleryApi({ 'test-cat-photos': [{ key: 'tabby.jpg' }], 'test-dog-photos': [{ key: 'shiba.png' }] });
    const signings = signWithSessionCredentials(backend);
    const app = await renderApp();
    await vi.waitFor(() => screen.getByRole('img', { name: 'shiba.png' }), { timeout: 10_000 });
    return { ...app, backend, signings };
  }

  it('after expiry, stay paused while the renewal runs, then sign each image once with the new credentials', async () => {
    const { user, signings } = await appWithSlowRenewal();
    await user.click(screen.getByRole('switch', { name: 'Renew automatically' }));
    await advance(TTL);
    const alert = await vi.waitFor(() => screen.getByText(/Session expired at/).closest('[role="alert"]'));
    if (!(alert instanceof HTMLElement)) throw new Error('no session alert');
    const before = signings.length;

    await user.click(within(alert).getByRole('button', { name: 'Renew session' }));
    await advance(LATENCY / 2);
    expect(screen.getByText('Renewing the session…')).toBeInTheDocument();
    for (const name of ['Cat photos', 'Dog photos']) {
      expect(within(screen.getByRole('region', { name })).getByText('Paused until the session is renewed.')).toBeInTheDocument();
    }
    expect(signings.slice(before), 'signed while renewing').toEqual([]);

    await advance(LATENCY);
    await vi.waitFor(() => expect(screen.getByText(/Session renewed — valid until/)).toBeInTheDocument());
    expect(screen.queryByText('Paused until the session is renewed.')).not.toBeInTheDocument();
    expect(signings.slice(before).sort(), 'signed after the renewal').toEqual(['shiba.png …0002', 'tabby.jpg …0002']);
  });

  it('keep working during an automatic renewal before expiry, then sign each image once again', async () => {
    const { signings } = await appWithSlowRenewal();
    const before = signings.length;
    await advance(TTL - 60_000);
    expect(screen.getByText('Renewing the session…')).toBeInTheDocument();
    expect(screen.queryByText('Paused until the session is renewed.')).not.toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'tabby.jpg' })).toBeInTheDocument();

    await advance(LATENCY);
    await vi.waitFor(() => expect(screen.getByText(/Session renewed — valid until/)).toBeInTheDocument());
    expect(signings.slice(before).sort(), 'signed after the renewal').toEqual(['shiba.png …0002', 'tabby.jpg …0002']);
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
