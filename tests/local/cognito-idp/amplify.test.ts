import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { defaultStorage } from 'aws-amplify/utils';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { awsError, buildUser, createUser, expectNoSecretsLogged, passwordSignIn, startIdp, type IdpKit } from './support/idpKit';

/**
 * Amplify v6's own sign-in code (SRP, NEW_PASSWORD_REQUIRED, refresh, sign-out) against the emulator, in
 * Node with Amplify's in-memory token storage, exactly as the app configures it in local mode.
 */
describe('cognito-idp with Amplify', () => {
  let kit: IdpKit;
  const targets: string[] = [];

  beforeAll(async () => {
    kit = await startIdp();
    Amplify.configure({
      Auth: { Cognito: { userPoolId: kit.userPoolId, userPoolClientId: kit.clientId, userPoolEndpoint: kit.emu.url } },
    });
    // Records which Cognito operations Amplify calls, without changing what it sends.
    const realFetch = globalThis.fetch;
    vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
      const target = new Headers(init?.headers).get('x-amz-target');
      if (target) targets.push(target.split('.').pop() ?? '');
      return realFetch(input, init);
    });
  });
  afterEach(async () => {
    await signOut().catch(() => undefined);
    targets.length = 0;
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    expectNoSecretsLogged(kit);
    await kit.emu.dispose();
  });

  async function storedRefreshToken(): Promise<string> {
    const prefix = `CognitoIdentityServiceProvider.${kit.clientId}`;
    const lastUser = await defaultStorage.getItem(`${prefix}.LastAuthUser`);
    const token = await defaultStorage.getItem(`${prefix}.${lastUser ?? ''}.refreshToken`);
    if (!token) throw new Error('Amplify holds no refresh token');
    kit.secrets.add(token);
    return token;
  }

  it('signs in with USER_SRP_AUTH: the server verifies the password claim', async () => {
    const user = buildUser();
    const username = await createUser(kit, user);
    const result = await signIn({ username: user.email, password: user.password });
    expect(result).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    expect(targets).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
    // The pool signs in by email; Cognito's username is the UUID, which USER_ID_FOR_SRP carried.
    expect(await getCurrentUser()).toMatchObject({ username, signInDetails: { loginId: user.email, authFlowType: 'USER_SRP_AUTH' } });
    const { tokens } = await fetchAuthSession();
    expect(tokens?.idToken?.payload).toMatchObject({ email: user.email, 'cognito:username': username, token_use: 'id' });
    kit.secrets.add(String(tokens?.accessToken));
  });

  it('answers a wrong password and an unknown user with the same NotAuthorizedException', async () => {
    const user = buildUser();
    await createUser(kit, user);
    const wrong = await awsError(signIn({ username: user.email, password: 'Wrong-Passw0rd!' }));
    const unknown = await awsError(signIn({ username: 'nobody@example.com', password: 'Wrong-Passw0rd!' }));
    expect(wrong).toEqual({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
    expect(unknown).toEqual(wrong);
    // Both went through the full SRP exchange: the unknown user got a simulated challenge.
    expect(targets).toEqual(['InitiateAuth', 'RespondToAuthChallenge', 'InitiateAuth', 'RespondToAuthChallenge']);
  });

  it('refuses a disabled user and lets them in again once enabled', async () => {
    const user = buildUser();
    await createUser(kit, user);
    await kit.admin.send(new AdminDisableUserCommand({ UserPoolId: kit.userPoolId, Username: user.email }));
    expect(await awsError(signIn({ username: user.email, password: user.password }))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User is disabled.',
    });
    await kit.admin.send(new AdminEnableUserCommand({ UserPoolId: kit.userPoolId, Username: user.email }));
    expect((await signIn({ username: user.email, password: user.password })).isSignedIn).toBe(true);
  });

  it('takes a temporary password through NEW_PASSWORD_REQUIRED with the default policy', async () => {
    const user = buildUser();
    await createUser(kit, { ...user, temporary: true });
    const first = await signIn({ username: user.email, password: user.password });
    expect(first.nextStep).toEqual({ signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: [] });
    const policy = (problem: string) => ({ name: 'InvalidPasswordException', message: `Password did not conform with password policy: ${problem}` });
    // A refused password leaves the session usable, so the user can try again.
    expect(await awsError(confirmSignIn({ challengeResponse: 'Sh0rt!' }))).toEqual(policy('Password not long enough'));
    expect(await awsError(confirmSignIn({ challengeResponse: 'lower-case-0nly' }))).toEqual(policy('Password must have uppercase characters'));
    expect(await awsError(confirmSignIn({ challengeResponse: 'UPPER-CASE-0NLY' }))).toEqual(policy('Password must have lowercase characters'));
    expect(await awsError(confirmSignIn({ challengeResponse: 'No-Numbers-Here' }))).toEqual(policy('Password must have numeric characters'));
    expect(await awsError(confirmSignIn({ challengeResponse: 'NoSymbols1234' }))).toEqual(policy('Password must have symbol characters'));
    const newPassword = 'Chosen-Passw0rd!';
    kit.secrets.add(newPassword);
    expect(await confirmSignIn({ challengeResponse: newPassword })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const stored = await kit.admin.send(new AdminGetUserCommand({ UserPoolId: kit.userPoolId, Username: user.email }));
    expect(stored.UserStatus).toBe('CONFIRMED');
    await signOut();
    expect(await awsError(signIn({ username: user.email, password: user.password }))).toMatchObject({ name: 'NotAuthorizedException' });
    expect(await signIn({ username: user.email, password: newPassword })).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  });

  it('refreshes with GetTokensFromRefreshToken and keeps auth_time and origin_jti', async () => {
    const user = buildUser();
    await createUser(kit, user);
    await signIn({ username: user.email, password: user.password });
    const before = (await fetchAuthSession()).tokens;
    kit.emu.clock.advance(120_000);
    targets.length = 0;
    const after = (await fetchAuthSession({ forceRefresh: true })).tokens;
    expect(targets).toEqual(['GetTokensFromRefreshToken']);
    expect(after?.accessToken.payload.iat).toBeGreaterThanOrEqual(Number(before?.accessToken.payload.iat) + 120);
    expect(after?.accessToken.payload.auth_time).toBe(before?.accessToken.payload.auth_time);
    expect(after?.idToken?.payload.auth_time).toBe(before?.idToken?.payload.auth_time);
    expect(after?.accessToken.payload.origin_jti).toBe(before?.accessToken.payload.origin_jti);
    expect(after?.accessToken.toString()).not.toBe(before?.accessToken.toString());
  });

  it('signOut() revokes the refresh token and the tokens of its sign-in (RevokeToken)', async () => {
    const user = buildUser();
    await createUser(kit, user);
    await signIn({ username: user.email, password: user.password });
    const refreshToken = await storedRefreshToken();
    const accessToken = String((await fetchAuthSession()).tokens?.accessToken);
    kit.secrets.add(accessToken);
    targets.length = 0;
    await signOut();
    expect(targets).toEqual(['RevokeToken']);
    expect(await awsError(kit.user.send(new GetTokensFromRefreshTokenCommand({ ClientId: kit.clientId, RefreshToken: refreshToken })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
    expect(await awsError(kit.user.send(new GetUserCommand({ AccessToken: accessToken })))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Access Token has been revoked',
    });
  });

  it('signOut({ global: true }) signs out every device (GlobalSignOut)', async () => {
    const user = buildUser();
    await createUser(kit, user);
    const otherDevice = await passwordSignIn(kit, user.email, user.password);
    await signIn({ username: user.email, password: user.password });
    targets.length = 0;
    await signOut({ global: true });
    expect(targets).toEqual(['GlobalSignOut']);
    const refresh = kit.user.send(new GetTokensFromRefreshTokenCommand({ ClientId: kit.clientId, RefreshToken: otherDevice.RefreshToken }));
    expect(await awsError(refresh)).toEqual({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });

  it('fetchAuthSession resolves without tokens once an admin revoked the sign-in', async () => {
    const user = buildUser();
    await createUser(kit, user);
    await signIn({ username: user.email, password: user.password });
    await kit.admin.send(new AdminUserGlobalSignOutCommand({ UserPoolId: kit.userPoolId, Username: user.email }));
    const session = await fetchAuthSession({ forceRefresh: true });
    expect(session.tokens).toBeUndefined();
  });
});
