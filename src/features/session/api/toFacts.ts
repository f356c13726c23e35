import type { AuthTokens, CredentialsAndIdentityId } from 'aws-amplify/auth';
import type { SessionFacts } from '../model/facts';

/**
 * Amplify's session → our plain facts. `clockDriftMs` is Amplify's own measure of server − local time,
 * taken from `iat` when the tokens arrived (stored next to them), so every tab shares one offset.
 */
export function toFacts(
  tokens: AuthTokens,
  held: Partial<CredentialsAndIdentityId> | undefined,
  clockDriftMs: number,
): SessionFacts | undefined {
  const id = tokens.idToken?.payload;
  const access = tokens.accessToken.payload;
  if (!id?.sub || id.exp === undefined || access.exp === undefined) return undefined;
  const username = [id.email, id['cognito:username'], access.username].find((v): v is string => typeof v === 'string');
  return {
    sub: id.sub,
    username,
    idToken: tokens.idToken?.toString() ?? '',
    accessToken: tokens.accessToken.toString(),
    issuedAt: (id.iat ?? access.iat ?? 0) * 1000,
    authTime: typeof id.auth_time === 'number' ? id.auth_time * 1000 : undefined,
    idTokenExpiresAt: id.exp * 1000,
    accessTokenExpiresAt: access.exp * 1000,
    identityId: held?.identityId,
    accessKeyId: held?.credentials?.accessKeyId,
    credentialsExpireAt: held?.credentials?.expiration?.getTime(),
    clockOffsetMs: Number.isFinite(clockDriftMs) ? clockDriftMs : 0,
  };
}
