import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionPanelProps } from '../../../src/features/inspector/components/SessionPanel';
import { buildSession } from './support/buildSession';
import {
  buildAccessToken,
  buildIdToken,
  createSigningKey,
  POOL,
  serveJwks,
  tamperPayload,
  type SigningKey,
} from './support/tokens';

/** A fresh module graph per test, so aws-jwt-verify's JWKS cache never carries one test's keys into the next. */
async function renderPanel(overrides: Partial<SessionPanelProps> = {}) {
  const { SessionPanel } = await import('../../../src/features/inspector/components/SessionPanel');
  const props: SessionPanelProps = {
    session: buildSession(),
    jwksUri: POOL.jwksUri,
    issuer: POOL.issuer,
    userPoolClientId: POOL.clientId,
    onRevoke: vi.fn(),
    ...overrides,
  };
  render(<SessionPanel {...props} />);
  return props;
}

function tokenSection(name: 'ID token' | 'Access token'): HTMLElement {
  return screen.getByRole('region', { name });
}

/** The result cell of one check row ('Not expired', 'Signature (JWKS, aws-jwt-verify)', …). */
function result(section: HTMLElement, check: string): HTMLElement {
  const row = within(section).getByRole('rowheader', { name: check }).closest('tr');
  if (!row) throw new Error(`no row for ${check}`);
  const cells = within(row).getAllByRole('cell');
  const last = cells[cells.length - 1];
  if (!last) throw new Error(`no result cell for ${check}`);
  return last;
}

const CHECKS = [
  'Not expired',
  'Issued for this app client',
  'Issued by this user pool',
  'Token kind',
] as const;
const SIGNATURE = 'Signature (JWKS, aws-jwt-verify)';
let key: SigningKey;
let stranger: SigningKey;

beforeAll(async () => {
  key = await createSigningKey('kid-user-pool');
  stranger = await createSigningKey('kid-stranger');
});
beforeEach(() => vi.resetModules());
afterEach(() => vi.unstubAllGlobals());

describe('SessionPanel checks', () => {
  it('passes all five checks for genuine tokens, verifying against the JWKS at the given URI', async () => {
    const jwks = serveJwks([key]);
    const idToken = await buildIdToken({ key });
    const accessToken = await buildAccessToken({ key });
    await renderPanel({ session: buildSession({ idToken, accessToken }) });

    for (const name of ['ID token', 'Access token'] as const) {
      const section = tokenSection(name);
      for (const check of CHECKS) expect(result(section, check)).toHaveTextContent('pass');
      await waitFor(() => expect(result(section, SIGNATURE)).toHaveTextContent('pass'));
    }
    expect(jwks.requests.every((uri) => uri === POOL.jwksUri)).toBe(true);
    expect(jwks.requests.length).toBeGreaterThan(0);
    // Decoded claims, as text.
    expect(within(tokenSection('ID token')).getByText('new@example.com')).toBeInTheDocument();
    expect(
      within(tokenSection('Access token')).getByText('aws.cognito.signin.user.admin'),
    ).toBeInTheDocument();
    expect(screen.getByText('ap-northeast-1:0a1b2c3d-0000-4000-8000-00000000abcd')).toBeInTheDocument();
  });

  it('fails the signature of a token whose payload was edited, while the edited claims look fine', async () => {
    serveJwks([key]);
    const idToken = tamperPayload(await buildIdToken({ key }), { email: 'admin@example.com' });
    await renderPanel({ session: buildSession({ idToken }) });
    const section = tokenSection('ID token');
    expect(within(section).getByText('admin@example.com')).toBeInTheDocument();
    for (const check of CHECKS) expect(result(section, check)).toHaveTextContent('pass');
    await waitFor(() =>
      expect(result(section, SIGNATURE)).toHaveTextContent('fail (signature does not match)'),
    );
  });

  it('fails a token signed by a key the user pool does not publish', async () => {
    serveJwks([key]);
    await renderPanel({ session: buildSession({ accessToken: await buildAccessToken({ key: stranger }) }) });
    await waitFor(() =>
      expect(result(tokenSection('Access token'), SIGNATURE)).toHaveTextContent(
        'signing key not in the JWKS',
      ),
    );
  });

  it.each([
    ['Issued for this app client', { aud: 'someotherclient' }],
    ['Issued by this user pool', { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' }],
    ['Token kind', { token_use: 'access' }],
  ])(
    'fails "%s" for a genuinely signed ID token with a wrong claim, signature still valid',
    async (failing, claims) => {
      serveJwks([key]);
      await renderPanel({ session: buildSession({ idToken: await buildIdToken({ key, claims }) }) });
      const section = tokenSection('ID token');
      for (const check of CHECKS)
        expect(result(section, check)).toHaveTextContent(check === failing ? 'fail' : 'pass');
      await waitFor(() => expect(result(section, SIGNATURE)).toHaveTextContent('pass'));
    },
  );

  it('checks client_id, not aud, in an access token', async () => {
    serveJwks([key]);
    await renderPanel({
      session: buildSession({ accessToken: await buildAccessToken({ key, claims: { client_id: 'other' } }) }),
    });
    expect(result(tokenSection('Access token'), 'Issued for this app client')).toHaveTextContent('fail');
    expect(within(tokenSection('Access token')).getByRole('cell', { name: 'client_id' })).toBeInTheDocument();
  });

  it('fails the expiry of an expired token (on the server clock) and still verifies its signature', async () => {
    serveJwks([key]);
    const issuedAt = Math.floor(Date.now() / 1000) - 3 * 3600;
    await renderPanel({
      session: buildSession({ idToken: await buildIdToken({ key, issuedAt, lifetimeSeconds: 3600 }) }),
    });
    const section = tokenSection('ID token');
    expect(result(section, 'Not expired')).toHaveTextContent('fail');
    await waitFor(() => expect(result(section, SIGNATURE)).toHaveTextContent('pass'));
  });

  it('applies the server-time offset to the expiry check', async () => {
    serveJwks([key]);
    // Valid for 60 s by the local clock, but the server is 2 minutes ahead: expired.
    const idToken = await buildIdToken({ key, lifetimeSeconds: 60 });
    await renderPanel({ session: buildSession({ idToken, clockOffsetMs: 120_000 }) });
    expect(result(tokenSection('ID token'), 'Not expired')).toHaveTextContent('fail');
  });

  it('says the signature is not verifiable when the JWKS cannot be fetched', async () => {
    serveJwks([key]).setDown(true);
    await renderPanel({ session: buildSession({ idToken: await buildIdToken({ key }) }) });
    await waitFor(() =>
      expect(result(tokenSection('ID token'), SIGNATURE)).toHaveTextContent(
        'not verifiable: the JWKS request answered HTTP 503',
      ),
    );
  });

  it('reports a token that cannot be decoded instead of crashing', async () => {
    serveJwks([key]);
    await renderPanel({ session: buildSession({ idToken: 'not-a-jwt' }) });
    expect(within(tokenSection('ID token')).getByRole('alert')).toHaveTextContent(
      'This token cannot be decoded',
    );
  });

  it('shows claims containing markup as text', async () => {
    serveJwks([key]);
    const email = '<img src=x onerror=alert(1)>@example.com';
    await renderPanel({ session: buildSession({ idToken: await buildIdToken({ key, claims: { email } }) }) });
    expect(within(tokenSection('ID token')).getByText(email)).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
  });

  it('calls onRevoke from "Revoke my session"', async () => {
    serveJwks([key]);
    const props = await renderPanel();
    expect(screen.getByText('No session.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Revoke my session' }));
    expect(props.onRevoke).toHaveBeenCalledTimes(1);
  });
});
