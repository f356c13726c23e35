import type { SessionFacts } from './facts';

/**
 * When to renew. Each expiry gets a margin of a fifth of its lifetime, between 5 s (Amplify's own
 * early-expiry window, so our renewal comes before Amplify's refresh-on-use) and 60 s (auth0's leeway).
 * A fixed margin would break short lifetimes: with 30-second local tokens a 60 s margin means "always due".
 */
export const MIN_MARGIN_MS = 5_000;
export const MAX_MARGIN_MS = 60_000;

export type ExpiryKind = 'idToken' | 'accessToken' | 'credentials';

export interface Deadline {
  kind: ExpiryKind;
  /** Server clock, epoch ms. */
  expiresAt: number;
  /** Server clock, epoch ms: expiresAt minus the margin. */
  renewAt: number;
}

export function marginFor(lifetimeMs: number): number {
  return Math.min(MAX_MARGIN_MS, Math.max(MIN_MARGIN_MS, Math.round(lifetimeMs / 5)));
}

/** The credentials' lifetime is not announced: it runs from when they were first seen (or the tokens' `iat`). */
export function deadlines(facts: SessionFacts): Deadline[] {
  const at = (kind: ExpiryKind, expiresAt: number, start: number): Deadline => ({
    kind,
    expiresAt,
    renewAt: expiresAt - marginFor(expiresAt - start),
  });
  const list = [at('idToken', facts.idTokenExpiresAt, facts.issuedAt), at('accessToken', facts.accessTokenExpiresAt, facts.issuedAt)];
  if (facts.credentialsExpireAt !== undefined) {
    list.push(at('credentials', facts.credentialsExpireAt, facts.credentialsSeenAt ?? facts.issuedAt));
  }
  return list;
}

/** The deadline that comes first: by it, the session needs renewing. */
export function firstDeadline(facts: SessionFacts): Deadline {
  return deadlines(facts).reduce((first, next) => (next.renewAt < first.renewAt ? next : first));
}

/**
 * When the sign-in itself lapses (the refresh token's expiry: `auth_time` + the client's validity), and
 * from when to warn: a tenth of the validity, at most an hour. No renewal extends it; only signing in again.
 */
export function refreshTokenLapse(facts: SessionFacts, validityMs: number | undefined) {
  if (validityMs === undefined || facts.authTime === undefined) return undefined;
  const at = facts.authTime + validityMs;
  return { at, warnFrom: at - Math.min(3_600_000, validityMs / 10) };
}

/** Earliest expiry of all: how long the session stays usable without a renewal. */
export function validUntil(facts: SessionFacts): number {
  return Math.min(...deadlines(facts).map((d) => d.expiresAt));
}
