import { describe, expect, it } from 'vitest';
import { plan } from '../../../src/features/session/model/plan';
import { sessionReducer } from '../../../src/features/session/model/sessionReducer';
import {
  backoffMs,
  initialSessionState,
  MAX_FAILURES,
  STORM_LIMIT,
  type SessionAction,
  type SessionState,
} from '../../../src/features/session/model/sessionState';
import { firstDeadline, marginFor } from '../../../src/features/session/model/timing';
import { buildFacts } from '../support/builders';
import { network, revoked } from '../support/fakeAuthBackend';

const T0 = Date.UTC(2026, 0, 15, 3, 0, 0);

function run(state: SessionState, ...actions: SessionAction[]): SessionState {
  return actions.reduce(sessionReducer, state);
}

function signedIn(ttlMs = 300_000, autoRenew = true): SessionState {
  return run(initialSessionState(autoRenew), { type: 'loaded', facts: buildFacts({ issuedAt: T0, ttlMs }), now: T0, source: 'read' });
}

describe('session timing', () => {
  it('gives each expiry a fifth of its lifetime as margin, between 5 and 60 seconds', () => {
    expect(marginFor(300_000)).toBe(60_000);
    expect(marginFor(3_600_000)).toBe(60_000);
    expect(marginFor(100_000)).toBe(20_000);
    expect(marginFor(10_000)).toBe(5_000);
  });

  it('takes the first deadline across ID token, access token and credentials', () => {
    const facts = buildFacts({ issuedAt: T0, ttlMs: 3_600_000, credentialsExpireAt: T0 + 600_000 });
    expect(firstDeadline(facts)).toMatchObject({ kind: 'credentials', renewAt: T0 + 540_000 });
  });
});

describe('session state machine', () => {
  it('moves active → expiring → expired on the server clock', () => {
    const s = run(initialSessionState(false), {
      type: 'loaded',
      facts: buildFacts({ issuedAt: T0 + 30_000, ttlMs: 300_000, clockOffsetMs: 30_000 }),
      now: T0,
      source: 'read',
    });
    expect(s.status).toBe('active');
    expect(run(s, { type: 'tick', now: T0 + 239_999 }).status).toBe('active');
    expect(run(s, { type: 'tick', now: T0 + 240_000 })).toMatchObject({ status: 'expiring', reason: 'auto-renew-off' });
    expect(run(s, { type: 'tick', now: T0 + 300_000 })).toMatchObject({ status: 'expired', reason: 'auto-renew-off' });
  });

  it('says when a renewal started after expiry, so the galleries can wait for it', () => {
    const s = signedIn(300_000, false);
    expect(run(s, { type: 'tick', now: T0 + 240_000 }, { type: 'renewStarted', now: T0 + 240_000 })).toMatchObject({
      status: 'renewing',
      reason: undefined,
    });
    expect(run(s, { type: 'tick', now: T0 + 300_000 }, { type: 'renewStarted', now: T0 + 300_000 })).toMatchObject({
      status: 'renewing',
      reason: 'after-expiry',
    });
    // Woken from sleep past the expiry: the renewal starts before any tick has said "expired".
    expect(run(signedIn(), { type: 'renewStarted', now: T0 + 400_000 })).toMatchObject({ reason: 'after-expiry' });
  });

  it('plans a renewal when due, and a wake-up otherwise', () => {
    const s = signedIn();
    expect(plan(s, T0)).toEqual({ renew: false, wakeAt: T0 + 240_000 });
    expect(plan(run(s, { type: 'tick', now: T0 + 240_000 }), T0 + 240_000)).toEqual({ renew: true });
    expect(plan(signedIn(300_000, false), T0 + 250_000)).toEqual({ renew: false, wakeAt: T0 + 300_000 });
  });

  it('counts renewals and shows "renewed" until dismissed or 5 s later', () => {
    const renewed = run(signedIn(), { type: 'renewStarted', now: T0 + 240_000 }, {
      type: 'renewSucceeded',
      facts: buildFacts({ idToken: 'id-token-2', issuedAt: T0 + 240_000 }),
      now: T0 + 240_000,
      by: 'this-tab',
    });
    expect(renewed).toMatchObject({ status: 'renewed', renewalCount: 1, failures: 0 });
    expect(run(renewed, { type: 'tick', now: T0 + 244_999 }).status).toBe('renewed');
    expect(run(renewed, { type: 'tick', now: T0 + 245_000 }).status).toBe('active');
    expect(run(renewed, { type: 'dismiss', now: T0 + 241_000 }).status).toBe('active');
  });

  it('backs off 1, 2, 4 … 30 s between temporary failures and stops after the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffMs)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    let s = run(signedIn(), { type: 'tick', now: T0 + 240_000 });
    for (let i = 1; i <= MAX_FAILURES; i += 1) {
      s = run(s, { type: 'renewStarted', now: T0 + 240_000 }, { type: 'renewFailed', failure: network, now: T0 + 240_000 });
    }
    expect(s).toMatchObject({ status: 'expiring', reason: 'retry-limit', failures: MAX_FAILURES });
    expect(s.facts?.idToken).toBe('id-token-1');
    expect(plan(s, T0 + 290_000).renew).toBe(false);
  });

  it('ends on a definitive failure and forgets the tokens', () => {
    const s = run(signedIn(), { type: 'renewStarted', now: T0 }, { type: 'renewFailed', failure: revoked, now: T0 });
    expect(s).toMatchObject({ status: 'ended', reason: 'refresh-token-revoked', facts: undefined });
    expect(run(s, { type: 'signedOut', reason: 'signed-out', now: T0 })).toBe(s);
    expect(plan(s, T0)).toEqual({ renew: false });
  });

  it('distrusts its arithmetic after the clock moved backwards', () => {
    const s = run(signedIn(), { type: 'clockJumped', driftMs: -600_000, now: T0 - 590_000 });
    expect(s).toMatchObject({ status: 'expiring', reason: 'clock-changed', needsRenewal: true });
    expect(s.facts?.clockOffsetMs).toBe(600_000);
    expect(plan(s, T0 - 590_000).renew).toBe(true);
  });

  it('stops renewing automatically after a storm of renewals', () => {
    let s = signedIn(10_000);
    for (let i = 0; i < STORM_LIMIT; i += 1) {
      s = run(s, { type: 'renewStarted', now: T0 + i }, {
        type: 'renewSucceeded',
        facts: buildFacts({ idToken: `id-token-${i + 2}`, issuedAt: T0, ttlMs: 10_000 }),
        now: T0 + i,
        by: 'this-tab',
      });
    }
    const later = run(s, { type: 'tick', now: T0 + 6_000 });
    expect(later).toMatchObject({ status: 'expiring', reason: 'renewal-storm' });
    expect(plan(later, T0 + 6_000).renew).toBe(false);
  });

  it('warns before the refresh token lapses, without trying to renew it away', () => {
    const validity = 600_000;
    const s = run(initialSessionState(true, validity), {
      type: 'loaded',
      facts: buildFacts({ issuedAt: T0, authTime: T0, ttlMs: 3_600_000 }),
      now: T0,
      source: 'read',
    });
    expect(s.status).toBe('active');
    expect(plan(s, T0).wakeAt).toBe(T0 + 540_000);
    const warned = run(s, { type: 'tick', now: T0 + 540_000 });
    expect(warned).toMatchObject({ status: 'expiring', reason: 'refresh-token-lapsing' });
    expect(plan(warned, T0 + 540_000).renew).toBe(false);
  });

  it('treats tokens vanishing from storage as a sign-out elsewhere, or the end the failure event named', () => {
    expect(run(signedIn(), { type: 'absent', now: T0 })).toMatchObject({ status: 'signedOut', reason: 'signed-out-elsewhere' });
    expect(run(signedIn(), { type: 'absent', now: T0, reason: 'user-disabled' })).toMatchObject({ status: 'ended', reason: 'user-disabled' });
    expect(run(initialSessionState(true), { type: 'absent', now: T0 })).toMatchObject({ status: 'signedOut', reason: 'not-signed-in' });
  });
});
