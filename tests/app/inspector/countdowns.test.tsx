import { act, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SessionPanel } from '../../../src/features/inspector/components/SessionPanel';
import type { SessionSnapshot } from '../../../src/lib/session/types';
import { buildSession } from './support/buildSession';
import { POOL } from './support/tokens';

const NOW = Date.UTC(2026, 0, 15, 3, 0, 0);

function renderCountdowns(session: SessionSnapshot) {
  render(
    <SessionPanel
      session={session}
      jwksUri={POOL.jwksUri}
      issuer={POOL.issuer}
      userPoolClientId={POOL.clientId}
      onRevoke={() => {}}
    />,
  );
  const list = screen.getByRole('heading', { name: 'Time left' }).nextElementSibling;
  if (!(list instanceof HTMLElement)) throw new Error('no countdown list');
  const value = (label: string) => within(list).getByText(label).nextElementSibling?.textContent ?? '';
  return { value };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(NOW);
});
afterEach(() => vi.useRealTimers());

describe('SessionPanel countdowns', () => {
  it('counts down each expiry every second and says when one has passed', () => {
    const { value } = renderCountdowns(
      buildSession({
        idTokenExpiresAt: NOW + 65_000,
        accessTokenExpiresAt: NOW + 3_605_000,
        credentialsExpireAt: NOW + 10_000,
      }),
    );
    expect(value('ID token')).toMatch(/^1:05 left \(until /);
    expect(value('Access token')).toMatch(/^1:00:05 left/);
    expect(value('AWS credentials')).toMatch(/^0:10 left/);

    act(() => vi.advanceTimersByTime(1_000));
    expect(value('ID token')).toMatch(/^1:04 left/);

    act(() => vi.advanceTimersByTime(11_000));
    expect(value('AWS credentials')).toMatch(/^expired 0:02 ago \(at /);
    expect(value('ID token')).toMatch(/^0:53 left/);
  });

  it('applies the server-time offset, and shows expiries as the user’s wall-clock time', () => {
    // The server runs 30 s ahead of this machine: 60 s on the server's clock leaves 30 s.
    const clockOffsetMs = 30_000;
    const { value } = renderCountdowns(buildSession({ idTokenExpiresAt: NOW + 60_000, clockOffsetMs }));
    expect(value('ID token')).toMatch(/^0:30 left/);
    const localExpiry = new Date(NOW + 30_000);
    const hh = String(localExpiry.getHours()).padStart(2, '0');
    expect(value('ID token')).toContain(`${hh}:00:30`);
    expect(value('AWS credentials')).toBe('unknown');
  });
});
