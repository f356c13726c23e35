import type { DefinitiveReason } from '../../../lib/amplify/authErrors';
import type { SessionReason } from '../../../lib/session/types';
import { factsRenewed, withCredentialsSeenAt, type SessionFacts } from './facts';
import {
  backoffMs,
  blockedReason,
  RENEWED_VISIBLE_MS,
  STORM_WINDOW_MS,
  type SessionAction,
  type SessionState,
} from './sessionState';
import { deadlines, firstDeadline, refreshTokenLapse, validUntil } from './timing';

const settled = (s: SessionState) => s.status === 'ended' || s.status === 'signedOut' || s.status === 'loading';

/** Places the session on its timeline: active → expiring (renewal due) → expired (an expiry has passed). */
export function evaluate(s: SessionState, now: number): SessionState {
  if (!s.facts || s.status === 'renewing' || settled(s)) return s;
  const serverNow = now + s.facts.clockOffsetMs;
  if (serverNow >= validUntil(s.facts)) {
    const lapsed = deadlines(s.facts).reduce((a, b) => (b.expiresAt < a.expiresAt ? b : a));
    return { ...s, status: 'expired', reason: blockedReason(s, now) ?? s.lastFailure ?? lapsed.kind };
  }
  const showingRenewed = s.status === 'renewed' && s.renewedAt !== undefined && now < s.renewedAt + RENEWED_VISIBLE_MS;
  if (showingRenewed && !s.needsRenewal) return s;
  const first = firstDeadline(s.facts);
  if (serverNow >= first.renewAt || s.needsRenewal) {
    const why = s.needsRenewal ? 'clock-changed' : first.kind;
    return { ...s, status: 'expiring', reason: blockedReason(s, now) ?? s.lastFailure ?? why };
  }
  const lapse = refreshTokenLapse(s.facts, s.refreshTokenValidityMs);
  if (lapse && serverNow >= lapse.warnFrom) return { ...s, status: 'expiring', reason: 'refresh-token-lapsing' };
  return { ...s, status: 'active', reason: undefined, renewedAt: undefined };
}

function renewed(s: SessionState, facts: SessionFacts, now: number, reason: SessionReason): SessionState {
  return {
    ...s,
    facts,
    status: 'renewed',
    reason,
    renewedAt: now,
    renewalCount: s.renewalCount + 1,
    failures: 0,
    lastFailure: undefined,
    retryAt: undefined,
    needsRenewal: false,
    recentRenewals: [...s.recentRenewals.filter((at) => now - at < STORM_WINDOW_MS), now],
  };
}

/** Leaving the session: tokens are dropped from memory, retries stop. */
function leave(s: SessionState, status: 'ended' | 'signedOut', reason: SessionReason): SessionState {
  return {
    ...s,
    status,
    reason,
    facts: undefined,
    failures: 0,
    lastFailure: undefined,
    retryAt: undefined,
    renewedAt: undefined,
    needsRenewal: false,
  };
}

function isDefinitive(reason: SessionReason | undefined): reason is DefinitiveReason {
  return reason !== undefined && /^(refresh-token-|user-|password-reset|not-authorized)/.test(reason);
}

export function sessionReducer(s: SessionState, action: SessionAction): SessionState {
  const { now } = action;
  switch (action.type) {
    case 'loaded': {
      const facts = withCredentialsSeenAt(s.facts, action.facts, now + action.facts.clockOffsetMs);
      if (s.status === 'renewing') return { ...s, facts };
      if (factsRenewed(s.facts, facts)) {
        const reason = action.source === 'another-tab' ? 'renewed-in-another-tab' : 'renewed';
        return evaluate(renewed(s, facts, now, reason), now);
      }
      // A first read, or a sign-in after the session had ended: a fresh start.
      const fresh = settled(s) ? { status: 'active' as const, failures: 0, retryAt: undefined, lastFailure: undefined } : {};
      return evaluate({ ...s, ...fresh, facts }, now);
    }
    case 'absent':
      if (s.status === 'ended') return s;
      if (isDefinitive(action.reason)) return leave(s, 'ended', action.reason);
      if (s.status === 'signedOut') return s;
      return leave(s, 'signedOut', action.reason ?? (s.facts ? 'signed-out-elsewhere' : 'not-signed-in'));
    case 'tick':
      return evaluate(s, now);
    case 'renewStarted': {
      if (!s.facts || settled(s)) return s;
      // After expiry (the banner's "Renew session", or waking from sleep) the credentials in hand are dead
      // until the renewal lands: the reason tells the galleries to stay paused rather than sign with them.
      const expired = s.status === 'expired' || now + s.facts.clockOffsetMs >= validUntil(s.facts);
      return { ...s, status: 'renewing', reason: expired ? 'after-expiry' : undefined };
    }
    case 'renewSucceeded': {
      if (settled(s) && s.status !== 'loading') return s;
      const facts = withCredentialsSeenAt(s.facts, action.facts, now + action.facts.clockOffsetMs);
      return evaluate(renewed(s, facts, now, action.by === 'this-tab' ? 'renewed' : 'renewed-in-another-tab'), now);
    }
    case 'renewFailed': {
      if (settled(s)) return s;
      if (action.failure.kind === 'definitive') return leave(s, 'ended', action.failure.reason);
      const failures = s.failures + 1;
      const failed = { ...s, status: 'active' as const, failures, lastFailure: action.failure.reason, retryAt: now + backoffMs(failures) };
      return evaluate(failed, now);
    }
    case 'ended':
      return s.status === 'ended' ? s : leave(s, 'ended', action.reason);
    case 'signedOut':
      if (s.status === 'ended') return s;
      // Another tab may tell us more precisely why (it signed out everywhere).
      if (s.status === 'signedOut') return action.reason === 'signed-out-everywhere' ? { ...s, reason: action.reason } : s;
      return leave(s, 'signedOut', action.reason);
    case 'autoRenew':
      return evaluate({ ...s, autoRenew: action.value, failures: 0, retryAt: undefined, lastFailure: undefined }, now);
    case 'dismiss':
      return s.status === 'renewed' ? evaluate({ ...s, status: 'active', renewedAt: undefined }, now) : s;
    case 'online':
      return evaluate({ ...s, retryAt: undefined, failures: s.lastFailure === 'network' ? 0 : s.failures }, now);
    case 'clockJumped': {
      // Only a backwards jump is unambiguous (sleep never moves the wall clock back relative to the
      // monotonic clock): the local clock lost |drift|, so server − local grew by as much.
      if (action.driftMs >= 0 || !s.facts) return evaluate(s, now);
      const facts = { ...s.facts, clockOffsetMs: s.facts.clockOffsetMs - action.driftMs };
      return evaluate({ ...s, facts, needsRenewal: true }, now);
    }
  }
}
