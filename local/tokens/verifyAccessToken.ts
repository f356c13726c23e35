import { errors, importJWK, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';
import type { EmulatorDeps } from '../deps';
import { issuerOf } from './issueTokens';
import { findOrigin, type RefreshTokenRecord } from './refreshTokens';
import type { SigningKeys } from './signingKeys';

export interface VerifiedAccessToken {
  sub: string;
  username: string;
  clientId: string;
  /** The sign-in the token came from. */
  signIn: RefreshTokenRecord;
}

/** Why a token was refused; the user pool turns each into Cognito's NotAuthorizedException message. */
export type AccessTokenRejection = 'invalid' | 'expired' | 'revoked';

export type AccessTokenCheck = { ok: true; token: VerifiedAccessToken } | { ok: false; reason: AccessTokenRejection };

const publicKeys = new WeakMap<SigningKeys, Promise<CryptoKey | Uint8Array>>();

function accessPublicKey(keys: SigningKeys): Promise<CryptoKey | Uint8Array> {
  let key = publicKeys.get(keys);
  if (!key) {
    key = importJWK(keys.access.publicJwk, 'RS256');
    publicKeys.set(keys, key);
  }
  return key;
}

function claim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Checks an access token as Cognito does before GetUser or GlobalSignOut: signed by the pool's access
 * key, issued by this pool, `token_use` = access, not expired by the injected clock, and its sign-in
 * (`origin_jti`) neither revoked nor gone.
 */
export async function verifyAccessToken(deps: EmulatorDeps, token: string): Promise<AccessTokenCheck> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, await accessPublicKey(deps.keys), {
      algorithms: ['RS256'],
      issuer: issuerOf(deps),
      currentDate: new Date(deps.clock.now()),
    }));
  } catch (error) {
    // jose raises JWTExpired only once the signature and issuer checked out.
    return { ok: false, reason: error instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
  const sub = claim(payload, 'sub');
  const username = claim(payload, 'username');
  const clientId = claim(payload, 'client_id');
  const originJti = claim(payload, 'origin_jti');
  if (payload.token_use !== 'access' || !sub || !username || !clientId || !originJti) return { ok: false, reason: 'invalid' };
  const signIn = findOrigin(deps, originJti);
  if (!signIn || signIn.revoked) return { ok: false, reason: 'revoked' };
  return { ok: true, token: { sub, username, clientId, signIn } };
}
