import { renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../../../src/features/session/hooks/useSession';
import { localTime } from '../support/builders';
import { FakeAuthBackend, type FakeTab } from '../support/fakeAuthBackend';
import { advance, settle, startTab, stopTabs, useFakeClock } from '../support/sessionHarness';

const START = localTime(12, 0, 0);
const TTL = 300_000;

/** Several tabs of one browser: one token storage, one lock, one BroadcastChannel, a hook each. */
function openTabs(backend: FakeAuthBackend, count: number) {
  return Array.from({ length: count }, () => {
    const api: FakeTab = backend.tab();
    const controller = startTab(api);
    const hook = renderHook(() => useSession(controller));
    return { api, controller, session: () => hook.result.current.session };
  });
}

beforeEach(() => useFakeClock(START));
afterEach(stopTabs);

describe('useSession across tabs', () => {
  it('makes one token refresh and one credentials exchange in total when every tab is due at once', async () => {
    // Refreshing takes 200 ms: every tab's timer fires, and each commits to renewing, before the first is done.
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL, latencyMs: 200 });
    backend.signIn();
    const tabs = openTabs(backend, 3);
    await settle();
    // Each tab opened fetched its own credentials (Amplify keeps them in memory only).
    const opened = backend.credentialCalls;
    await advance(TTL - 60_000);
    expect(tabs.map((tab) => tab.session().status)).toEqual(['renewing', 'renewing', 'renewing']);
    await advance(1_000);
    await settle(10);
    expect(backend.refreshCalls).toBe(1);
    expect(backend.credentialCalls - opened).toBe(1);
    const renewed = tabs.map((tab) => tab.session());
    expect(renewed.map((s) => s.renewalCount)).toEqual([1, 1, 1]);
    expect(new Set(renewed.map((s) => s.accessKeyId)).size).toBe(1);
    expect(renewed.filter((s) => s.reason === 'renewed-in-another-tab')).toHaveLength(2);
  });

  it('picks up another tab’s renewal without a request of its own', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    const [first, second] = openTabs(backend, 2);
    await settle();
    await advance(30_000);
    await first?.controller.renew();
    await settle(10);
    expect(backend.refreshCalls).toBe(1);
    expect(second?.session()).toMatchObject({ status: 'renewed', reason: 'renewed-in-another-tab', renewalCount: 1 });
    expect(second?.session().validUntil).toBe(START + 30_000 + TTL);
    // Its own timer now follows the new expiry: nothing more is due before it.
    await advance(TTL - 60_000 - 1);
    expect(backend.refreshCalls).toBe(1);
  });

  it('learns that another tab signed out', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    const [first, second] = openTabs(backend, 2);
    await settle();
    first?.controller.noteSignOut('signed-out');
    first?.api.signOut();
    await settle();
    expect(first?.session()).toMatchObject({ status: 'signedOut', reason: 'signed-out' });
    expect(second?.session()).toMatchObject({ status: 'signedOut', reason: 'signed-out-elsewhere' });
    expect(second?.session().accessToken).toBeUndefined();
    await advance(TTL);
    expect(backend.refreshCalls).toBe(0);
  });

  it('does not pass on a sign-out it only followed', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    const [first, second] = openTabs(backend, 2);
    await settle();
    first?.controller.noteSignOut('signed-out');
    first?.api.signOut();
    await settle();
    // The first tab is signed in again by the time the second tab's own Amplify sign-out (the
    // Authenticator following the first tab) reports itself: that is no news for anyone.
    backend.signIn();
    first?.api.emit({ type: 'signedIn', crossTab: false });
    await settle();
    second?.api.emit({ type: 'signedOut', crossTab: false });
    await settle();
    expect(second?.session()).toMatchObject({ status: 'signedOut', reason: 'signed-out-elsewhere' });
    expect(first?.session().status).toBe('active');
  });

  it('follows another tab’s sign-in from storage, waiting for the credentials that tab shares', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    const [first, second] = openTabs(backend, 2);
    await settle();
    expect(second?.session().status).toBe('signedOut');
    if (!first || !second) throw new Error('two tabs expected');
    const peek = vi.spyOn(second.api, 'peekSession');
    backend.signIn();
    first.api.emit({ type: 'signedIn', crossTab: false });
    backend.broadcast(first.api, { type: 'signedIn', crossTab: true });
    await settle();
    expect(peek).toHaveBeenCalledWith({ awaitCredentialsMs: 2_000 });
    expect(second.session()).toMatchObject({ status: 'active', username: 'demo@example.com' });
    expect(second.session().accessKeyId).toBe(first.session().accessKeyId);
    expect(backend.credentialCalls).toBe(1);
    expect(backend.refreshCalls).toBe(0);
  });

  it('learns that another tab signed out everywhere', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    const [first, second] = openTabs(backend, 2);
    await settle();
    first?.controller.noteSignOut('signed-out-everywhere');
    first?.api.signOut();
    await settle();
    expect(second?.session()).toMatchObject({ status: 'signedOut', reason: 'signed-out-everywhere' });
  });

  it('ends the session in every tab when the refresh token was revoked', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    const [first, second] = openTabs(backend, 2);
    await settle();
    await first?.controller.revoke();
    await settle();
    expect(backend.revokeCalls).toBe(1);
    expect(first?.session()).toMatchObject({ status: 'ended', reason: 'refresh-token-revoked' });
    expect(second?.session().status).toBe('signedOut');
    expect(backend.refreshCalls).toBe(1);
  });
});
