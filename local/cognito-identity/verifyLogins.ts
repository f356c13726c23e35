import { createLocalJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { EmulatorDeps } from '../deps';
import type { IdentityPool } from './identityPool';
import { LOGIN_MESSAGES, NotAuthorizedException } from './errors';

/** The user a verified `Logins` map names: the provider and the token's `sub`. */
export interface VerifiedLogin {
  providerName: string;
  sub: string;
}

export type LoginVerifier = (
  pool: IdentityPool,
  logins: Record<string, string> | undefined,
) => Promise<VerifiedLogin>;

const refuse = (message: string) => new NotAuthorizedException(message);

/**
 * Verifies the ID token of a `Logins` map as the identity pool does before GetId and
 * GetCredentialsForIdentity: the RS256 signature against the user pool's JWKS, then `iss` against the
 * provider name (the map's key), the provider against the pool's providers, `aud` against the app
 * client, `token_use`, and `exp` against the injected clock — each failure with AWS's own message.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-integrating-user-pools-with-identity-pools.html
 */
export function createLoginVerifier(deps: EmulatorDeps): LoginVerifier {
  const jwks = createLocalJWKSet(deps.keys.jwks());

  async function verifySignature(
    token: string,
    nowMs: number,
  ): Promise<{ payload: JWTPayload; expired: boolean }> {
    try {
      const { payload } = await jwtVerify(token, jwks, {
        algorithms: ['RS256'],
        currentDate: new Date(nowMs),
      });
      return { payload, expired: false };
    } catch (error) {
      // jose reports expiry only after the signature checked out, so its payload is trustworthy; the other
      // claims are checked first below, as AWS names a wrong issuer before an old token.
      if (error instanceof errors.JWTExpired) return { payload: error.payload, expired: true };
      throw refuse(LOGIN_MESSAGES.couldNotVerify);
    }
  }

  async function verifyOne(pool: IdentityPool, providerName: string, token: string): Promise<VerifiedLogin> {
    const nowMs = deps.clock.now();
    const { payload, expired } = await verifySignature(token, nowMs);
    if (payload.iss !== `https://${providerName}`) throw refuse(LOGIN_MESSAGES.issuerMismatch);
    if (providerName !== pool.providerName) throw refuse(LOGIN_MESSAGES.unsupportedProvider);
    // An access token has no `aud`: AWS answers "Missing a required claim: aud" for it.
    if (payload.aud === undefined) throw refuse(LOGIN_MESSAGES.missingClaim('aud'));
    const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audiences.includes(pool.clientId)) throw refuse(LOGIN_MESSAGES.unsupportedProvider);
    if (payload.token_use !== 'id') throw refuse(LOGIN_MESSAGES.notIdToken);
    if (typeof payload.sub !== 'string' || payload.sub === '')
      throw refuse(LOGIN_MESSAGES.missingClaim('sub'));
    if (typeof payload.exp !== 'number') throw refuse(LOGIN_MESSAGES.missingClaim('exp'));
    if (expired) throw refuse(LOGIN_MESSAGES.expired(Math.floor(nowMs / 1000), payload.exp));
    return { providerName, sub: payload.sub };
  }

  return async (pool, logins) => {
    let login: VerifiedLogin | undefined;
    // Every login sent must verify, as on AWS. verifyOne refuses any provider but the pool's one, so a map
    // that passes holds exactly that provider.
    for (const [providerName, token] of Object.entries(logins ?? {}))
      login = await verifyOne(pool, providerName, token);
    // The pool allows no guests (the CDK stack's AllowUnauthenticatedIdentities: false).
    if (!login) throw refuse(LOGIN_MESSAGES.unauthenticated);
    return login;
  };
}
