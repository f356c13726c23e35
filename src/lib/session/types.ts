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

export interface SessionSnapshot {
  status: SessionStatus;
  /** Why the session is in this state (e.g. `refresh-token-revoked`, `user-disabled`, `network`). */
  reason?: string;
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
}
