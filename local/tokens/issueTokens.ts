import { randomUUID } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { EmulatorDeps } from '../deps';
import type { SigningKey } from './signingKeys';
import type { RefreshTokenRecord } from './refreshTokens';

/** Who the tokens are about, as the user pool knows them. */
export interface TokenSubject {
  sub: string;
  /** Cognito's username (`cognito:username` / `username`). */
  username: string;
  email: string;
  emailVerified: boolean;
}

export interface IssuedTokens {
  IdToken: string;
  AccessToken: string;
  ExpiresIn: number;
  TokenType: 'Bearer';
}

/** `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`, as on AWS (Amplify derives `Logins` from it). */
export function issuerOf(deps: EmulatorDeps): string {
  return `https://cognito-idp.${deps.config.region}.amazonaws.com/${deps.config.userPoolId}`;
}

function sign(claims: JWTPayload, key: SigningKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).sign(key.privateKey);
}

/**
 * Mints an ID and an access token for one sign-in, with exactly the claims Cognito puts in each (see
 * aws-wire-facts.md): `aud` only on the ID token, `client_id`, `scope` and `username` only on the access
 * token; `auth_time`, `origin_jti` and `event_id` from the sign-in, so refreshed tokens keep them; `iat`
 * from the injected clock and `exp` = `iat` + TOKEN_TTL_SECONDS. Different kids sign the two, as on AWS.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-tokens-with-identity-providers.html
 */
export async function issueTokens(deps: EmulatorDeps, subject: TokenSubject, signIn: RefreshTokenRecord): Promise<IssuedTokens> {
  const iat = Math.floor(deps.clock.now() / 1000);
  const ttl = deps.config.tokenTtlSeconds;
  const shared = {
    sub: subject.sub,
    iss: issuerOf(deps),
    origin_jti: signIn.originJti,
    event_id: signIn.eventId,
    auth_time: signIn.authTime,
    iat,
    exp: iat + ttl,
  };
  const idClaims = {
    ...shared,
    email_verified: subject.emailVerified,
    'cognito:username': subject.username,
    aud: signIn.clientId,
    token_use: 'id',
    jti: randomUUID(),
    email: subject.email,
  };
  const accessClaims = {
    ...shared,
    client_id: signIn.clientId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    jti: randomUUID(),
    username: subject.username,
  };
  return {
    IdToken: await sign(idClaims, deps.keys.id),
    AccessToken: await sign(accessClaims, deps.keys.access),
    ExpiresIn: ttl,
    TokenType: 'Bearer',
  };
}
