import type { AuthFailure, DefinitiveReason, TemporaryReason } from '../../../lib/amplify/authErrors';
import type { SessionReason, SessionStatus } from '../../../lib/session/types';
import type { SessionFacts } from './facts';

/** The state machine's whole state. Local times (`now`) are this device's epoch ms; facts are server time. */
export interface SessionState {
  status: SessionStatus;
  reason?: SessionReason;
  facts?: SessionFacts;
  autoRenew: boolean;
  renewalCount: number;
  /** Local ms of the last renewal (the "renewed" banner shows for a few seconds). */
  renewedAt?: number;
  /** Consecutive temporary failures, and when the next automatic attempt may start (local ms). */
  failures: number;
  lastFailure?: TemporaryReason;
  retryAt?: number;
  /** Local ms of recent renewals: the storm guard. */
  recentRenewals: number[];
  /** The device clock moved backwards: expiry arithmetic is suspect until the next renewal. */
  needsRenewal: boolean;
  /** The refresh token's validity, when the settings know it (for the "sign in again" warning). */
  refreshTokenValidityMs?: number;
}

export type SessionAction =
  | { type: 'loaded'; facts: SessionFacts; now: number; source: 'read' | 'another-tab' }
  | { type: 'absent'; now: number; reason?: SessionReason }
  | { type: 'tick'; now: number }
  | { type: 'renewStarted'; now: number }
  | { type: 'renewSucceeded'; facts: SessionFacts; now: number; by: 'this-tab' | 'another-tab' }
  | { type: 'renewFailed'; failure: AuthFailure; now: number }
  | { type: 'ended'; reason: DefinitiveReason; now: number }
  | { type: 'signedOut'; reason: SessionReason; now: number }
  | { type: 'autoRenew'; value: boolean; now: number }
  | { type: 'dismiss'; now: number }
  | { type: 'online'; now: number }
  | { type: 'clockJumped'; driftMs: number; now: number };

export const RENEWED_VISIBLE_MS = 5_000;
/** Consecutive temporary failures before automatic retries stop (the banner then offers "Renew session"). */
export const MAX_FAILURES = 5;
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 30_000;
/** okta-auth-js's guard: more renewals than this within the window means something is wrong. */
export const STORM_LIMIT = 10;
export const STORM_WINDOW_MS = 30_000;

export function initialSessionState(autoRenew: boolean, refreshTokenValidityMs?: number): SessionState {
  return { status: 'loading', autoRenew, renewalCount: 0, failures: 0, recentRenewals: [], needsRenewal: false, refreshTokenValidityMs };
}

/** 1 s, 2 s, 4 s … capped at 30 s. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
}

export function isStorming(state: SessionState, now: number): boolean {
  return state.recentRenewals.filter((at) => now - at < STORM_WINDOW_MS).length >= STORM_LIMIT;
}

/** Why automatic renewal will not run right now, if it will not. */
export function blockedReason(state: SessionState, now: number): SessionReason | undefined {
  if (!state.autoRenew) return 'auto-renew-off';
  if (isStorming(state, now)) return 'renewal-storm';
  if (state.failures >= MAX_FAILURES) return 'retry-limit';
  return undefined;
}
