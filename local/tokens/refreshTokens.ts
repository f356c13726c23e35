import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { EmulatorDeps } from '../deps';

/**
 * Refresh tokens: opaque to clients (as Cognito's encrypted ones are), stored only as a hash, one record
 * per sign-in (collection `refresh-tokens`, keyed by the sign-in's `origin_jti`). Every ID and access
 * token minted from a sign-in carries its `origin_jti`, so revoking the record revokes them all, as
 * Cognito's token revocation does (RevokeToken, GlobalSignOut, AdminUserGlobalSignOut, disabling a user).
 */
export interface RefreshTokenRecord {
  originJti: string;
  tokenHash: string;
  /** Key of the user record (the lower-cased email). */
  userKey: string;
  clientId: string;
  /** Epoch seconds of the sign-in; every refresh keeps it, as Cognito keeps `auth_time`. */
  authTime: number;
  /** The sign-in's `event_id`; kept across refreshes like `auth_time` (unconfirmed on AWS). */
  eventId: string;
  /** Epoch milliseconds: sign-in time + REFRESH_TTL_SECONDS. */
  expiresAt: number;
  revoked: boolean;
}

export const REFRESH_TOKENS = 'refresh-tokens';

function hash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Starts a sign-in: a new record and the token the client keeps (`<origin_jti>.<secret>`). */
export async function createRefreshToken(
  deps: EmulatorDeps,
  input: { userKey: string; clientId: string },
): Promise<{ token: string; record: RefreshTokenRecord }> {
  const now = deps.clock.now();
  const secret = randomBytes(48).toString('base64url');
  const record: RefreshTokenRecord = {
    originJti: randomUUID(),
    tokenHash: hash(secret),
    userKey: input.userKey,
    clientId: input.clientId,
    authTime: Math.floor(now / 1000),
    eventId: randomUUID(),
    expiresAt: now + deps.config.refreshTtlSeconds * 1000,
    revoked: false,
  };
  await deps.store.put(REFRESH_TOKENS, record.originJti, record);
  return { token: `${record.originJti}.${secret}`, record };
}

/** The record a presented token belongs to, or undefined when the token is not one we issued. */
export function findRefreshToken(deps: EmulatorDeps, token: string): RefreshTokenRecord | undefined {
  const dot = token.indexOf('.');
  if (dot <= 0) return undefined;
  const record = deps.store.get<RefreshTokenRecord>(REFRESH_TOKENS, token.slice(0, dot));
  if (!record) return undefined;
  const expected = Buffer.from(record.tokenHash, 'hex');
  const actual = Buffer.from(hash(token.slice(dot + 1)), 'hex');
  return timingSafeEqual(expected, actual) ? record : undefined;
}

export function findOrigin(deps: EmulatorDeps, originJti: string): RefreshTokenRecord | undefined {
  return deps.store.get<RefreshTokenRecord>(REFRESH_TOKENS, originJti);
}

export async function revokeOrigin(deps: EmulatorDeps, record: RefreshTokenRecord): Promise<void> {
  if (!record.revoked) await deps.store.put(REFRESH_TOKENS, record.originJti, { ...record, revoked: true });
}

/** Revokes every sign-in of a user; expired records are dropped instead (nothing can use them). */
export async function revokeAllForUser(deps: EmulatorDeps, userKey: string): Promise<void> {
  const now = deps.clock.now();
  const mine = deps.store.list<RefreshTokenRecord>(REFRESH_TOKENS).filter((r) => r.userKey === userKey);
  await Promise.all(
    mine.map((record) =>
      record.expiresAt <= now ? deps.store.delete(REFRESH_TOKENS, record.originJti) : revokeOrigin(deps, record),
    ),
  );
}
