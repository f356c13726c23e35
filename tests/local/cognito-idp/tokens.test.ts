import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator } from '../support/startTestEmulator';
import { awsError, buildUser, createUser, expectNoSecretsLogged, passwordSignIn, startIdp, type IdpKit } from './support/idpKit';

const TTL = 600;

/** ID and access tokens: claims, signatures against the published JWKS, expiry, refresh. */
describe('cognito-idp tokens', () => {
  let kit: IdpKit;
  const user = buildUser();
  let username = '';

  beforeAll(async () => {
    kit = await startIdp({ env: { TOKEN_TTL_SECONDS: String(TTL), REFRESH_TTL_SECONDS: '3600' } });
    username = await createUser(kit, user);
  });
  afterAll(async () => {
    expectNoSecretsLogged(kit);
    await kit.emu.dispose();
  });

  const issuer = () => `https://cognito-idp.${kit.emu.config.region}.amazonaws.com/${kit.userPoolId}`;
  const jwks = () => createRemoteJWKSet(new URL(`${kit.emu.url}/${kit.userPoolId}/.well-known/jwks.json`));
  const refresh = (refreshToken: string) =>
    kit.user.send(new GetTokensFromRefreshTokenCommand({ ClientId: kit.clientId, RefreshToken: refreshToken }));

  it('signs ID and access tokens with different kids, verifiable against the JWKS endpoint', async () => {
    const tokens = await passwordSignIn(kit, user.email, user.password);
    expect(tokens).toMatchObject({ ExpiresIn: TTL, TokenType: 'Bearer' });
    const idHeader = decodeProtectedHeader(tokens.IdToken);
    const accessHeader = decodeProtectedHeader(tokens.AccessToken);
    expect(idHeader.alg).toBe('RS256');
    expect(accessHeader.alg).toBe('RS256');
    expect(idHeader.kid).not.toBe(accessHeader.kid);
    const currentDate = new Date(kit.emu.clock.now());
    const id = (await jwtVerify(tokens.IdToken, jwks(), { issuer: issuer(), audience: kit.clientId, currentDate })).payload;
    const access = (await jwtVerify(tokens.AccessToken, jwks(), { issuer: issuer(), currentDate })).payload;

    expect(Object.keys(id).sort()).toEqual(
      ['aud', 'auth_time', 'cognito:username', 'email', 'email_verified', 'event_id', 'exp', 'iat', 'iss', 'jti', 'origin_jti', 'sub', 'token_use'].sort(),
    );
    expect(Object.keys(access).sort()).toEqual(
      ['auth_time', 'client_id', 'event_id', 'exp', 'iat', 'iss', 'jti', 'origin_jti', 'scope', 'sub', 'token_use', 'username'].sort(),
    );
    expect(id).toMatchObject({ sub: username, 'cognito:username': username, email: user.email, email_verified: true, token_use: 'id' });
    expect(access).toMatchObject({ sub: username, username, client_id: kit.clientId, token_use: 'access', scope: 'aws.cognito.signin.user.admin' });
    const nowSeconds = Math.floor(kit.emu.clock.now() / 1000);
    for (const claims of [id, access]) {
      expect(claims.iat).toBe(nowSeconds);
      expect(claims.auth_time).toBe(nowSeconds);
      expect(claims.exp).toBe(nowSeconds + TTL);
    }
    expect(id.origin_jti).toBe(access.origin_jti);
    expect(id.event_id).toBe(access.event_id);
    expect(id.jti).not.toBe(access.jti);
  });

  it('GetUser answers with the attributes, then "Access Token has expired" once the clock passes exp', async () => {
    const tokens = await passwordSignIn(kit, user.email, user.password);
    const me = await kit.user.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    expect(me.Username).toBe(username);
    expect(me.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'sub', Value: username },
        { Name: 'email', Value: user.email },
        { Name: 'email_verified', Value: 'true' },
      ]),
    );
    kit.emu.clock.advance((TTL + 1) * 1000);
    expect(await awsError(kit.user.send(new GetUserCommand({ AccessToken: tokens.AccessToken })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has expired',
    });
  });

  it('refuses a tampered access token and an ID token in its place', async () => {
    const tokens = await passwordSignIn(kit, user.email, user.password);
    const [header, payload, signature] = tokens.AccessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, username: 'someone-else' })).toString('base64url');
    for (const token of [`${header}.${forged}.${signature}`, tokens.IdToken, 'not-a-jwt']) {
      expect(await awsError(kit.user.send(new GetUserCommand({ AccessToken: token })))).toEqual({
        name: 'NotAuthorizedException',
        message: 'Invalid Access Token',
      });
    }
  });

  it('refreshes with GetTokensFromRefreshToken and InitiateAuth(REFRESH_TOKEN_AUTH), keeping auth_time', async () => {
    const signIn = await passwordSignIn(kit, user.email, user.password);
    const first = (await jwtVerify(signIn.AccessToken, jwks(), { currentDate: new Date(kit.emu.clock.now()) })).payload;
    kit.emu.clock.advance(200_000);
    const viaGetTokens = (await refresh(signIn.RefreshToken)).AuthenticationResult;
    kit.emu.clock.advance(200_000);
    const viaInitiate = (
      await kit.user.send(
        new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: kit.clientId, AuthParameters: { REFRESH_TOKEN: signIn.RefreshToken } }),
      )
    ).AuthenticationResult;
    for (const [result, elapsed] of [
      [viaGetTokens, 200],
      [viaInitiate, 400],
    ] as const) {
      // No rotation: the answer carries no refresh token, and the client keeps its own.
      expect(result?.RefreshToken).toBeUndefined();
      expect(result).toMatchObject({ ExpiresIn: TTL, TokenType: 'Bearer' });
      const currentDate = new Date(kit.emu.clock.now());
      for (const token of [result?.AccessToken ?? '', result?.IdToken ?? '']) {
        kit.secrets.add(token);
        const claims = (await jwtVerify(token, jwks(), { issuer: issuer(), currentDate })).payload;
        expect(claims.iat).toBe(Number(first.iat) + elapsed);
        expect(claims.auth_time).toBe(first.auth_time);
        expect(claims.origin_jti).toBe(first.origin_jti);
      }
    }
  });

  it('refuses a garbage refresh token and one past REFRESH_TTL_SECONDS', async () => {
    expect(await awsError(refresh('garbage'))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token.' });
    const signIn = await passwordSignIn(kit, user.email, user.password);
    const [originJti] = signIn.RefreshToken.split('.');
    expect(await awsError(refresh(`${originJti}.wrong-secret`))).toEqual({ name: 'NotAuthorizedException', message: 'Invalid Refresh Token.' });
    kit.emu.clock.advance(3_599_000);
    await refresh(signIn.RefreshToken);
    kit.emu.clock.advance(2_000);
    expect(await awsError(refresh(signIn.RefreshToken))).toEqual({ name: 'NotAuthorizedException', message: 'Refresh Token has expired' });
  });

  it('keeps users, passwords and sign-ins across a restart', async () => {
    const signIn = await passwordSignIn(kit, user.email, user.password);
    expectNoSecretsLogged(kit);
    await kit.emu.stop();
    const emu = await startTestEmulator({ seed: false, dataDir: kit.emu.dataDir, clock: kit.emu.clock, env: { TOKEN_TTL_SECONDS: String(TTL) } });
    kit = { ...kit, emu, user: new CognitoIdentityProviderClient({ endpoint: emu.url, region: emu.config.region, maxAttempts: 1 }) };
    const refreshed = (await refresh(signIn.RefreshToken)).AuthenticationResult;
    kit.secrets.add(refreshed?.AccessToken ?? '');
    const me = await kit.user.send(new GetUserCommand({ AccessToken: refreshed?.AccessToken ?? '' }));
    expect(me.Username).toBe(username);
    // The signing keys survived too: the token issued before the restart still verifies.
    await kit.user.send(new GetUserCommand({ AccessToken: signIn.AccessToken }));
    await passwordSignIn(kit, user.email, user.password);
  });
});
