import { CLIENT_ID, REGION, USER_POOL_ID } from './builders';

/**
 * Puts a signed-in session where Amplify keeps it (localStorage, its key format), so the Authenticator
 * starts on "authenticated" without any request. The JWTs are unsigned look-alikes: Amplify only decodes
 * them on the client; nothing here verifies them.
 */
function base64url(value: object): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** An unsigned look-alike of a Cognito JWT (header, claims, a placeholder signature). */
export function fakeJwt(payload: object): string {
  return `${base64url({ alg: 'RS256', kid: 'test' })}.${base64url(payload)}.c2lnbmF0dXJl`;
}

export function storeSignedInSession(options: { username?: string; issuedAt?: number; ttlSeconds?: number } = {}): void {
  const username = options.username ?? 'sub-demo';
  const iat = Math.floor((options.issuedAt ?? Date.now()) / 1000);
  const exp = iat + (options.ttlSeconds ?? 300);
  const iss = `https://cognito-idp.${REGION}.amazonaws.com/${USER_POOL_ID}`;
  // No `origin_jti`: Amplify's signOut() then revokes nothing, so signing out makes no request.
  const common = { sub: 'sub-demo', iss, iat, exp, auth_time: iat };
  const prefix = `CognitoIdentityServiceProvider.${CLIENT_ID}`;
  localStorage.setItem(`${prefix}.LastAuthUser`, username);
  localStorage.setItem(`${prefix}.${username}.accessToken`, fakeJwt({ ...common, token_use: 'access', client_id: CLIENT_ID, username, jti: 'a-1' }));
  localStorage.setItem(`${prefix}.${username}.idToken`, fakeJwt({ ...common, token_use: 'id', aud: CLIENT_ID, 'cognito:username': username, email: 'demo@example.com', jti: 'i-1' }));
  localStorage.setItem(`${prefix}.${username}.refreshToken`, 'refresh-token-opaque');
  localStorage.setItem(`${prefix}.${username}.clockDrift`, '0');
}
