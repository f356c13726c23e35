import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminUserGlobalSignOutCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsError, buildUser, createUser, expectNoSecretsLogged, passwordSignIn, startIdp, type IdpKit } from './support/idpKit';

const REVOKED_REFRESH = { name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' };
const REVOKED_ACCESS = { name: 'NotAuthorizedException', message: 'Access Token has been revoked' };
const DISABLED = { name: 'NotAuthorizedException', message: 'User is disabled.' };

/** Every way a sign-in ends: RevokeToken, GlobalSignOut, AdminUserGlobalSignOut, AdminDisableUser. */
describe('cognito-idp revocation', () => {
  let kit: IdpKit;

  beforeAll(async () => {
    kit = await startIdp();
  });
  afterAll(async () => {
    expectNoSecretsLogged(kit);
    await kit.emu.dispose();
  });

  const refresh = (token: string) => kit.user.send(new GetTokensFromRefreshTokenCommand({ ClientId: kit.clientId, RefreshToken: token }));
  const refreshByInitiate = (token: string) =>
    kit.user.send(new InitiateAuthCommand({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: kit.clientId, AuthParameters: { REFRESH_TOKEN: token } }));
  const getUser = (token: string) => kit.user.send(new GetUserCommand({ AccessToken: token }));

  async function twoDevices() {
    const user = buildUser();
    await createUser(kit, user);
    return { user, a: await passwordSignIn(kit, user.email, user.password), b: await passwordSignIn(kit, user.email, user.password) };
  }

  it('RevokeToken ends one sign-in: its refresh token and the tokens it minted, not the others', async () => {
    const { a, b } = await twoDevices();
    const minted = (await refresh(a.RefreshToken)).AuthenticationResult?.AccessToken ?? '';
    kit.secrets.add(minted);
    await kit.user.send(new RevokeTokenCommand({ ClientId: kit.clientId, Token: a.RefreshToken }));
    expect(await awsError(refresh(a.RefreshToken))).toEqual(REVOKED_REFRESH);
    expect(await awsError(refreshByInitiate(a.RefreshToken))).toEqual(REVOKED_REFRESH);
    expect(await awsError(getUser(a.AccessToken))).toEqual(REVOKED_ACCESS);
    expect(await awsError(getUser(minted))).toEqual(REVOKED_ACCESS);
    await getUser(b.AccessToken);
    await refresh(b.RefreshToken);
    // Revoking again, or a token that was never issued, succeeds as OAuth revocation does.
    await kit.user.send(new RevokeTokenCommand({ ClientId: kit.clientId, Token: a.RefreshToken }));
    await kit.user.send(new RevokeTokenCommand({ ClientId: kit.clientId, Token: 'never-issued' }));
  });

  it('RevokeToken refuses an access token: only refresh tokens are revocable', async () => {
    const { a } = await twoDevices();
    expect(await awsError(kit.user.send(new RevokeTokenCommand({ ClientId: kit.clientId, Token: a.AccessToken })))).toEqual({
      name: 'UnsupportedTokenTypeException',
      message: 'Unsupported token type',
    });
    await getUser(a.AccessToken);
  });

  it('GlobalSignOut ends every sign-in of the user, and the access token it was called with', async () => {
    const { a, b } = await twoDevices();
    const other = await twoDevices();
    await kit.user.send(new GlobalSignOutCommand({ AccessToken: a.AccessToken }));
    for (const device of [a, b]) {
      expect(await awsError(refresh(device.RefreshToken))).toEqual(REVOKED_REFRESH);
      expect(await awsError(getUser(device.AccessToken))).toEqual(REVOKED_ACCESS);
    }
    expect(await awsError(kit.user.send(new GlobalSignOutCommand({ AccessToken: a.AccessToken })))).toEqual(REVOKED_ACCESS);
    await refresh(other.a.RefreshToken);
  });

  it('AdminUserGlobalSignOut ends every sign-in; a new sign-in works', async () => {
    const { user, a, b } = await twoDevices();
    await kit.admin.send(new AdminUserGlobalSignOutCommand({ UserPoolId: kit.userPoolId, Username: user.email }));
    for (const device of [a, b]) {
      expect(await awsError(refresh(device.RefreshToken))).toEqual(REVOKED_REFRESH);
      expect(await awsError(getUser(device.AccessToken))).toEqual(REVOKED_ACCESS);
    }
    const again = await passwordSignIn(kit, user.email, user.password);
    await getUser(again.AccessToken);
  });

  it('AdminDisableUser revokes everything; after AdminEnableUser the old sign-ins stay revoked', async () => {
    const { user, a } = await twoDevices();
    await kit.admin.send(new AdminDisableUserCommand({ UserPoolId: kit.userPoolId, Username: user.email }));
    expect(await awsError(refresh(a.RefreshToken))).toEqual(DISABLED);
    expect(await awsError(getUser(a.AccessToken))).toEqual(REVOKED_ACCESS);
    expect(await awsError(passwordSignIn(kit, user.email, user.password))).toEqual(DISABLED);
    await kit.admin.send(new AdminEnableUserCommand({ UserPoolId: kit.userPoolId, Username: user.email }));
    expect(await awsError(refresh(a.RefreshToken))).toEqual(REVOKED_REFRESH);
    const again = await passwordSignIn(kit, user.email, user.password);
    await refresh(again.RefreshToken);
  });
});
