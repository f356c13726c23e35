/**
 * What a read of the session yields, as plain data (no Amplify types): the session feature's own model.
 * Times are epoch ms on the server's clock; `clockOffsetMs` is server − local, measured from `iat`.
 */
export interface SessionFacts {
  sub: string;
  username?: string;
  idToken: string;
  accessToken: string;
  /** `iat` of the ID token: the start of the tokens' life. */
  issuedAt: number;
  /** `auth_time`: when the user signed in (kept across refreshes) — the refresh token's life starts there. */
  authTime?: number;
  idTokenExpiresAt: number;
  accessTokenExpiresAt: number;
  identityId?: string;
  accessKeyId?: string;
  /** The AWS credentials' real `Expiration`. */
  credentialsExpireAt?: number;
  /** When this tab first saw these credentials (server clock): the start of their life, at the latest. */
  credentialsSeenAt?: number;
  clockOffsetMs: number;
}

/** True when `next` holds different tokens or credentials than `previous` (a renewal happened). */
export function factsRenewed(previous: SessionFacts | undefined, next: SessionFacts): boolean {
  if (!previous || previous.sub !== next.sub) return false;
  return previous.idToken !== next.idToken || (next.accessKeyId !== undefined && previous.accessKeyId !== next.accessKeyId);
}

/** Carries `credentialsSeenAt` over from the previous read when the credentials did not change. */
export function withCredentialsSeenAt(previous: SessionFacts | undefined, next: SessionFacts, serverNow: number): SessionFacts {
  if (!next.accessKeyId) return next;
  const same = previous?.accessKeyId === next.accessKeyId && previous.credentialsSeenAt !== undefined;
  return { ...next, credentialsSeenAt: same ? previous.credentialsSeenAt : Math.max(next.issuedAt, serverNow) };
}
