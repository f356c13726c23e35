import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useSession } from '../../../src/features/session/hooks/useSession';
import { localTime } from '../support/builders';
import { FakeAuthBackend, network, revoked, throttled, userDisabled } from '../support/fakeAuthBackend';
import { advance, fireWake, settle, startTab, stopTabs, useFakeClock } from '../support/sessionHarness';

const START = localTime(12, 0, 0);
// 5-minute tokens (the seed's), 1-hour credentials: the margin is 60 s, so renewal is due at 12:04:00.
const TTL = 300_000;

function mount(backend: FakeAuthBackend) {
  const controller = startTab(backend.tab());
  const hook = renderHook(() => useSession(controller));
  return { controller, hook, session: () => hook.result.current.session };
}

beforeEach(() => useFakeClock(START));
afterEach(stopTabs);

describe('useSession: what it knows', () => {
  it('reads the tokens, the credentials’ real expiry, the identity and the server offset', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL, credentialsTtlMs: 900_000, serverOffsetMs: 7_000 });
    backend.signIn();
    const { session } = mount(backend);
    expect(session().status).toBe('loading');
    await settle();
    expect(session()).toMatchObject({
      status: 'active',
      username: 'demo@example.com',
      idTokenExpiresAt: START + 7_000 + TTL,
      credentialsExpireAt: START + 7_000 + 900_000,
      identityId: 'ap-northeast-1:identity-demo',
      clockOffsetMs: 7_000,
      validUntil: START + 7_000 + TTL,
      renewalCount: 0,
      autoRenew: true,
    });
    expect(session().accessKeyId).toMatch(/^ASIA/);
  });

  it('reports signed out when no one is signed in', async () => {
    const { session } = mount(new FakeAuthBackend());
    await settle();
    expect(session()).toMatchObject({ status: 'signedOut', reason: 'not-signed-in' });
  });
});

describe('useSession: renewing in time', () => {
  it('renews on its own at expiry minus the margin, then shows "renewed" for a few seconds', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    const { session } = mount(backend);
    await settle();
    await advance(TTL - 60_000 - 1);
    expect(session().status).toBe('active');
    expect(backend.refreshCalls).toBe(0);
    await advance(1);
    await settle();
    expect(backend.refreshCalls).toBe(1);
    expect(backend.credentialCalls).toBe(2);
    expect(session()).toMatchObject({ status: 'renewed', reason: 'renewed', renewalCount: 1 });
    expect(session().validUntil).toBe(START + TTL - 60_000 + TTL);
    await advance(5_000);
    expect(session().status).toBe('active');
  });

  it('scales the margin to short lifetimes instead of renewing in a loop', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: 30_000 });
    backend.signIn();
    const { session } = mount(backend);
    await settle();
    // A fifth of 30 s is 6 s: due at 24 s.
    await advance(23_000);
    expect(backend.refreshCalls).toBe(0);
    await advance(1_000);
    await settle();
    expect(backend.refreshCalls).toBe(1);
    await advance(23_000);
    expect(backend.refreshCalls).toBe(1);
    expect(session().renewalCount).toBe(1);
  });

  it('renews when the credentials expire first, by their real Expiration', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: 3_600_000, credentialsTtlMs: 120_000 });
    backend.signIn();
    const { session } = mount(backend);
    await settle();
    await advance(120_000 - 24_000);
    await settle();
    expect(backend.refreshCalls).toBe(1);
    expect(session().credentialsExpireAt).toBe(START + 96_000 + 120_000);
  });

  it('makes one renewal for many callers at once', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    const { hook } = mount(backend);
    await settle();
    await advance(TTL - 60_000 - 1);
    // The timer fires while five callers (galleries, the banner…) ask for a renewal at the same moment.
    let calls: Array<Promise<void>> = [];
    act(() => {
      calls = Array.from({ length: 5 }, () => hook.result.current.renew());
    });
    await advance(1);
    await Promise.all(calls);
    await settle();
    expect(backend.refreshCalls).toBe(1);
    expect(hook.result.current.session.renewalCount).toBe(1);
  });
});

describe('useSession: failures', () => {
  it('retries temporary failures with backoff, keeping the session, until one succeeds', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    backend.scriptedFailures.push(network, throttled);
    const { session } = mount(backend);
    await settle();
    await advance(TTL - 60_000);
    await settle();
    expect(backend.refreshCalls).toBe(1);
    expect(session()).toMatchObject({ status: 'expiring', reason: 'network' });
    expect(session().idTokenExpiresAt).toBe(START + TTL);
    await advance(1_000);
    await settle();
    expect(backend.refreshCalls).toBe(2);
    expect(session()).toMatchObject({ status: 'expiring', reason: 'throttled' });
    await advance(1_999);
    expect(backend.refreshCalls).toBe(2);
    await advance(1);
    await settle();
    expect(backend.refreshCalls).toBe(3);
    expect(session()).toMatchObject({ status: 'renewed', renewalCount: 1 });
  });

  it('stops retrying after the cap, and still renews when asked', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    backend.permanentFailure = network;
    const { hook, session } = mount(backend);
    await settle();
    await advance(TTL - 60_000);
    for (let i = 0; i < 10; i += 1) {
      await advance(30_000);
      await settle();
    }
    expect(backend.refreshCalls).toBe(5);
    expect(session()).toMatchObject({ status: 'expired', reason: 'retry-limit' });
    backend.permanentFailure = undefined;
    await hook.result.current.renew();
    await settle();
    expect(backend.refreshCalls).toBe(6);
    expect(session()).toMatchObject({ status: 'renewed' });
  });

  it('ends the session on a revoked refresh token, without retrying', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    backend.permanentFailure = revoked;
    const { session } = mount(backend);
    await settle();
    await advance(TTL - 60_000);
    await settle();
    expect(session()).toMatchObject({ status: 'ended', reason: 'refresh-token-revoked' });
    expect(session().idToken).toBeUndefined();
    await advance(600_000);
    expect(backend.refreshCalls).toBe(1);
  });

  it('ends the session when Amplify resolves with no tokens, with the reason its failure event gave', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    const tab = backend.tab();
    const controller = startTab(tab);
    const hook = renderHook(() => useSession(controller));
    await settle();
    // Amplify cleared the tokens after a failed refresh elsewhere in this tab (refresh-on-use), then the
    // renewal finds nothing: fetchAuthSession resolved without tokens.
    tab.emit({ type: 'tokenRefreshFailure', crossTab: false, failure: userDisabled });
    backend.tokens = undefined;
    await settle();
    expect(hook.result.current.session).toMatchObject({ status: 'ended', reason: 'user-disabled' });
  });
});

describe('useSession: sleep, wake and clock changes', () => {
  it('renews at once when the page wakes after the expiry passed unseen, skipping the warning', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    const { session } = mount(backend);
    await settle();
    // The laptop sleeps for an hour: the wall clock moves, performance.now() and the timers do not.
    vi.setSystemTime(START + 3_600_000);
    fireWake('visibilitychange');
    await settle();
    expect(backend.refreshCalls).toBe(1);
    expect(session()).toMatchObject({ status: 'renewed', renewalCount: 1 });
  });

  it('treats a clock moved backwards as a reason to renew', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    const { session } = mount(backend);
    await settle();
    await advance(10_000);
    vi.setSystemTime(Date.now() - 600_000);
    fireWake('focus');
    await settle();
    expect(backend.refreshCalls).toBe(1);
    expect(session().status).toBe('renewed');
  });

  it('retries at once when the browser comes back online', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    backend.scriptedFailures.push(network, network, network);
    const { session } = mount(backend);
    await settle();
    await advance(TTL - 60_000);
    await advance(1_000);
    await advance(2_000);
    await settle();
    expect(backend.refreshCalls).toBe(3);
    fireWake('online');
    await settle();
    expect(backend.refreshCalls).toBe(4);
    expect(session().status).toBe('renewed');
  });
});

describe('useSession: "Renew automatically" off', () => {
  it('warns before the expiry, lets it pass, and renews with one call', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    const { hook, session } = mount(backend);
    await settle();
    act(() => hook.result.current.setAutoRenew(false));
    await advance(TTL - 60_000);
    expect(session()).toMatchObject({ status: 'expiring', reason: 'auto-renew-off', autoRenew: false });
    await advance(60_000);
    expect(session()).toMatchObject({ status: 'expired', reason: 'auto-renew-off', validUntil: START + TTL });
    await advance(600_000);
    expect(backend.refreshCalls).toBe(0);
    await act(() => hook.result.current.renew());
    await settle();
    expect(backend.refreshCalls).toBe(1);
    expect(session()).toMatchObject({ status: 'renewed', renewalCount: 1 });
  });

  it('is remembered for the next page load', async () => {
    const backend = new FakeAuthBackend({ tokenTtlMs: TTL });
    backend.signIn();
    const first = mount(backend);
    await settle();
    act(() => first.hook.result.current.setAutoRenew(false));
    first.hook.unmount();
    const reloaded = mount(backend);
    await settle();
    expect(reloaded.session().autoRenew).toBe(false);
  });
});
