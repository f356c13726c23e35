/**
 * What the session hook knows, as plain data: the contract between the session feature (which owns the
 * state machine) and the features that display or react to it (galleries, inspector). Times are epoch
 * milliseconds on the server's clock (the hook applies the measured offset).
 */
export type SessionStatus =
  | 'loading'
  | 'active'
  | 'expiring'
  | 'renewing'
  | 'renewed'
  | 'expired'
  | 'ended'
  | 'signedOut';

/**
 * Why the session is in its state.
 * - expiring / expired: which expiry comes first (`idToken`, `accessToken`, `credentials`), or what stops
 *   the automatic renewal (`auto-renew-off`, `retry-limit`, `renewal-storm`), or the last temporary
 *   failure (`network`, `throttled`, `service-unavailable`, `credentials-refused`, `unknown`);
 *   `clock-changed` when the device clock moved backwards.
 * - renewing: `after-expiry` when the session had already expired (the galleries stay paused until it lands).
 * - renewed: `renewed` (by this tab) or `renewed-in-another-tab`.
 * - ended: the definitive failure (`refresh-token-revoked`, `refresh-token-expired`, `user-disabled` …).
 * - signedOut: `not-signed-in`, `signed-out`, `signed-out-everywhere`, `signed-out-elsewhere`.
 */
export type SessionReason = string;

export interface SessionSnapshot {
  status: SessionStatus;
  /** Why the session is in this state (e.g. `refresh-token-revoked`, `user-disabled`, `network`). */
  reason?: SessionReason;
  username?: string;
  /** Raw JWTs, for decoding and signature checks in the panel only. Never log them. */
  idToken?: string;
  accessToken?: string;
  idTokenExpiresAt?: number;
  accessTokenExpiresAt?: number;
  /** The AWS credentials' real `Expiration`, not Amplify's fixed 50-minute cache. */
  credentialsExpireAt?: number;
  identityId?: string;
  /** Access key id of the current AWS credentials (display masks all but the last 4 characters). */
  accessKeyId?: string;
  /** server time − local time, measured from the tokens' `iat`. */
  clockOffsetMs: number;
  /** Increments on every successful renewal, so galleries can re-sign thumbnails. */
  renewalCount: number;
  /** The earliest of the three expiries: the session is usable until then without a renewal. */
  validUntil?: number;
  /** When the sign-in itself lapses (refresh token expiry), if the settings tell the refresh token validity. */
  refreshTokenExpiresAt?: number;
  /** The "Renew automatically" setting (on by default). */
  autoRenew?: boolean;
  /** Local epoch ms of the next automatic retry after a temporary failure. */
  retryAt?: number;
}
