import type { SessionSnapshot } from '../../../lib/session/types';
import type { SessionState } from './sessionState';
import { refreshTokenLapse, validUntil } from './timing';

/** The public, read-only view of the state (lib/session/types.ts), as the other features consume it. */
export function toSnapshot(s: SessionState): SessionSnapshot {
  const f = s.facts;
  return {
    status: s.status,
    reason: s.reason,
    username: f?.username,
    idToken: f?.idToken,
    accessToken: f?.accessToken,
    idTokenExpiresAt: f?.idTokenExpiresAt,
    accessTokenExpiresAt: f?.accessTokenExpiresAt,
    credentialsExpireAt: f?.credentialsExpireAt,
    identityId: f?.identityId,
    accessKeyId: f?.accessKeyId,
    clockOffsetMs: f?.clockOffsetMs ?? 0,
    renewalCount: s.renewalCount,
    validUntil: f ? validUntil(f) : undefined,
    refreshTokenExpiresAt: f ? refreshTokenLapse(f, s.refreshTokenValidityMs)?.at : undefined,
    autoRenew: s.autoRenew,
    retryAt: s.retryAt,
  };
}
