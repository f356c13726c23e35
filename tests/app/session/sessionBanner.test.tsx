import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { SessionBanner } from '../../../src/features/session/components/SessionBanner';
import { setLanguage } from '../../../src/lib/i18n/translate';
import type { SessionSnapshot } from '../../../src/lib/session/types';
import { buildSnapshot, localTime } from '../support/builders';

function renderBanner(overrides: Partial<SessionSnapshot>) {
  const actions = { onRenew: vi.fn(), onSignIn: vi.fn(), onDismiss: vi.fn(), onSignInAgain: vi.fn() };
  render(<SessionBanner session={buildSnapshot(overrides)} {...actions} />);
  return actions;
}

describe('session banner', () => {
  it('says when a renewed session is valid until, as news', async () => {
    const { onDismiss } = renderBanner({ status: 'renewed', reason: 'renewed', validUntil: localTime(12, 10, 4) });
    expect(screen.getByRole('status')).toHaveTextContent('Session renewed — valid until 12:10:04');
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('shows times on this device’s clock, correcting the server offset', () => {
    renderBanner({ status: 'renewed', validUntil: localTime(12, 10, 4) + 30_000, clockOffsetMs: 30_000 });
    expect(screen.getByRole('status')).toHaveTextContent('valid until 12:10:04');
  });

  it('alerts that the session expired, with the button to renew it', async () => {
    const { onRenew } = renderBanner({ status: 'expired', reason: 'auto-renew-off', validUntil: localTime(12, 5, 3), autoRenew: false });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Session expired at 12:05:03');
    expect(alert).toHaveTextContent('Renew automatically is off');
    await userEvent.click(screen.getByRole('button', { name: 'Renew session' }));
    expect(onRenew).toHaveBeenCalledOnce();
  });

  it('alerts that the session has ended and why, with the button to sign in again', async () => {
    const { onSignIn } = renderBanner({ status: 'ended', reason: 'refresh-token-revoked' });
    expect(screen.getByRole('alert')).toHaveTextContent('Your session has ended (refresh token revoked) — sign in again');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(onSignIn).toHaveBeenCalledOnce();
  });

  it('warns before the expiry when it will not renew by itself', () => {
    renderBanner({ status: 'expiring', reason: 'network', validUntil: localTime(12, 5, 0) });
    expect(screen.getByRole('status')).toHaveTextContent('Session expires at 12:05:00');
    expect(screen.getByRole('status')).toHaveTextContent('The network is unreachable; renewal is retried automatically.');
    expect(screen.getByRole('button', { name: 'Renew session' })).toBeInTheDocument();
  });

  it('stays quiet while all is well or a routine renewal is about to run', () => {
    renderBanner({ status: 'active' });
    renderBanner({ status: 'expiring', reason: 'idToken', validUntil: localTime(12, 5, 0) });
    renderBanner({ status: 'signedOut', reason: 'not-signed-in' });
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('warns before the sign-in itself lapses, with the way to stay signed in', async () => {
    const { onSignInAgain } = renderBanner({ status: 'expiring', reason: 'refresh-token-lapsing', refreshTokenExpiresAt: localTime(18, 0, 0) });
    expect(screen.getByRole('alert')).toHaveTextContent('Your sign-in ends at 18:00:00 and cannot be renewed: sign in again now');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in again' }));
    expect(onSignInAgain).toHaveBeenCalledOnce();
  });

  it('tells the user another tab signed them out', () => {
    renderBanner({ status: 'signedOut', reason: 'signed-out-elsewhere' });
    expect(screen.getByRole('alert')).toHaveTextContent('You were signed out in another tab — sign in again');
  });

  it('speaks Japanese', () => {
    setLanguage('ja');
    renderBanner({ status: 'ended', reason: 'user-disabled' });
    expect(screen.getByRole('alert')).toHaveTextContent('セッションは終了しました（ユーザーが無効化）— もう一度サインインしてください');
    expect(screen.getByRole('button', { name: 'サインイン' })).toBeInTheDocument();
  });
});
