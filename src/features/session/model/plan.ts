import { RENEWED_VISIBLE_MS, STORM_WINDOW_MS, blockedReason, type SessionState } from './sessionState';
import { firstDeadline, refreshTokenLapse, validUntil } from './timing';

export interface SessionPlan {
  /** Start a renewal now. */
  renew: boolean;
  /** Local epoch ms of the next moment the state can change by itself (expiring, expired, retry, dismiss). */
  wakeAt?: number;
}

/**
 * What the hook should do next, derived from the state alone. The timer it sets only moves the UI along
 * and starts a proactive renewal; use (Amplify's refresh-on-use, our credentials check) and the
 * wake-up events are the safeguards when background timers are throttled or the laptop sleeps.
 */
export function plan(s: SessionState, now: number): SessionPlan {
  const facts = s.facts;
  if (!facts || s.status === 'renewing' || s.status === 'ended' || s.status === 'signedOut' || s.status === 'loading') {
    return { renew: false };
  }
  const offset = facts.clockOffsetMs;
  const first = firstDeadline(facts);
  const blocked = blockedReason(s, now) !== undefined;
  const waiting = s.retryAt !== undefined && now < s.retryAt;
  const due = now + offset >= first.renewAt || s.needsRenewal;
  if (due && !blocked && !waiting) return { renew: true };
  const candidates = [
    first.renewAt - offset,
    validUntil(facts) - offset,
    (refreshTokenLapse(facts, s.refreshTokenValidityMs)?.warnFrom ?? Infinity) - offset,
    !blocked && waiting ? s.retryAt : undefined,
    s.status === 'renewed' && s.renewedAt !== undefined ? s.renewedAt + RENEWED_VISIBLE_MS : undefined,
    // The storm guard lifts as old renewals leave its window.
    blocked && s.recentRenewals.length > 0 ? Math.min(...s.recentRenewals) + STORM_WINDOW_MS : undefined,
  ].filter((t): t is number => t !== undefined && t > now && Number.isFinite(t));
  return { renew: false, wakeAt: candidates.length > 0 ? Math.min(...candidates) : undefined };
}
