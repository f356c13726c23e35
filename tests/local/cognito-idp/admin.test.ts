import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient, GetCredentialsForIdentityCommand, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsError, buildUser, createUser, expectNoSecretsLogged, passwordSignIn, rawCall, startIdp, type IdpKit } from './support/idpKit';

/** Admin* actions and their IAM side: SigV4 with the local administrator's keys, nobody else. */
describe('cognito-idp admin actions', () => {
  let kit: IdpKit;

  beforeAll(async () => {
    kit = await startIdp({ env: { CREDENTIALS_TTL_SECONDS: '60' } });
  });
  afterAll(async () => {
    expectNoSecretsLogged(kit);
    await kit.emu.dispose();
  });

  const getUser = (username: string, client = kit.admin) =>
    client.send(new AdminGetUserCommand({ UserPoolId: kit.userPoolId, Username: username }));
  const clientWith = (credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, region = kit.emu.config.region) =>
    new CognitoIdentityProviderClient({ endpoint: kit.emu.url, region, credentials, maxAttempts: 1 });

  it('AdminCreateUser creates a FORCE_CHANGE_PASSWORD user with a UUID username and the given attributes', async () => {
    const user = buildUser();
    kit.secrets.add(user.password);
    const out = await kit.admin.send(
      new AdminCreateUserCommand({
        UserPoolId: kit.userPoolId,
        Username: user.email,
        TemporaryPassword: user.password,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email_verified', Value: 'true' }, { Name: 'name', Value: 'Ada' }],
      }),
    );
    const created = out.User;
    expect(created?.Username).toMatch(/^[0-9a-f-]{36}$/);
    expect(created).toMatchObject({ Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' });
    expect(created?.Attributes).toEqual([
      { Name: 'sub', Value: created?.Username },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: 'Ada' },
      { Name: 'email', Value: user.email },
    ]);
    expect(created?.UserCreateDate).toBeInstanceOf(Date);
    expect(Math.abs((created?.UserCreateDate?.getTime() ?? 0) - kit.emu.clock.now())).toBeLessThan(1000);
    // The same user by email (any case) or by Cognito username.
    const byEmail = await getUser(user.email.toUpperCase());
    const byUsername = await getUser(created?.Username ?? '');
    expect(byEmail).toMatchObject({ Username: created?.Username, UserStatus: 'FORCE_CHANGE_PASSWORD', Enabled: true });
    expect(byUsername.UserAttributes).toEqual(byEmail.UserAttributes);
  });

  it('AdminCreateUser refuses a duplicate, a non-email username, a weak password and unknown attributes', async () => {
    const user = buildUser();
    await createUser(kit, user);
    const create = (input: { Username: string; TemporaryPassword?: string; Name?: string }) =>
      awsError(
        kit.admin.send(
          new AdminCreateUserCommand({
            UserPoolId: kit.userPoolId,
            Username: input.Username,
            TemporaryPassword: input.TemporaryPassword ?? 'Temp-Passw0rd!',
            UserAttributes: input.Name ? [{ Name: input.Name, Value: 'x' }] : undefined,
          }),
        ),
      );
    expect(await create({ Username: user.email.toUpperCase() })).toEqual({ name: 'UsernameExistsException', message: 'User account already exists' });
    expect(await create({ Username: 'not-an-email' })).toEqual({ name: 'InvalidParameterException', message: 'Username should be an email.' });
    expect(await create({ Username: 'weak@example.com', TemporaryPassword: 'password' })).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with password policy: Password must have uppercase characters',
    });
    expect(await create({ Username: 'custom@example.com', Name: 'custom:team' })).toEqual({
      name: 'InvalidParameterException',
      message: 'Attributes did not conform to the schema: Type for attribute {custom:team} could not be determined',
    });
  });

  it('AdminSetUserPassword sets a temporary (NEW_PASSWORD_REQUIRED) or a permanent password', async () => {
    const user = buildUser();
    const username = await createUser(kit, user);
    const set = (password: string, permanent: boolean) => {
      kit.secrets.add(password);
      return kit.admin.send(
        new AdminSetUserPasswordCommand({ UserPoolId: kit.userPoolId, Username: user.email, Password: password, Permanent: permanent }),
      );
    };
    await set('Temporary-Passw0rd!', false);
    expect((await getUser(user.email)).UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    const challenge = await kit.user.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: kit.clientId,
        AuthParameters: { USERNAME: user.email, PASSWORD: 'Temporary-Passw0rd!' },
      }),
    );
    kit.secrets.add(challenge.Session ?? '');
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(challenge.AuthenticationResult).toBeUndefined();
    const { userAttributes, ...parameters } = challenge.ChallengeParameters ?? {};
    expect(parameters).toEqual({ USER_ID_FOR_SRP: username, requiredAttributes: '[]' });
    // Cognito lists the attributes without `sub`, as a JSON string.
    expect(JSON.parse(userAttributes ?? '')).toEqual({ email_verified: 'true', email: user.email });
    await set('Permanent-Passw0rd!', true);
    expect((await getUser(user.email)).UserStatus).toBe('CONFIRMED');
    await passwordSignIn(kit, user.email, 'Permanent-Passw0rd!');
    expect(await awsError(set('Short1!', true))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with password policy: Password not long enough',
    });
    expect(await awsError(set(' Leading-Space-0!', true))).toEqual({
      name: 'InvalidParameterException',
      message: "1 validation error detected: Value at 'password' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[\\S]+.*[\\S]+$",
    });
  });

  it('AdminDisableUser / AdminEnableUser flip Enabled; unknown users and pools are refused', async () => {
    const user = buildUser();
    await createUser(kit, user);
    await kit.admin.send(new AdminDisableUserCommand({ UserPoolId: kit.userPoolId, Username: user.email }));
    expect((await getUser(user.email)).Enabled).toBe(false);
    await kit.admin.send(new AdminEnableUserCommand({ UserPoolId: kit.userPoolId, Username: user.email }));
    expect((await getUser(user.email)).Enabled).toBe(true);
    expect(await awsError(getUser('nobody@example.com'))).toEqual({ name: 'UserNotFoundException', message: 'User does not exist.' });
    const otherPool = kit.admin.send(new AdminGetUserCommand({ UserPoolId: 'ap-northeast-1_Other', Username: user.email }));
    expect(await awsError(otherPool)).toEqual({ name: 'ResourceNotFoundException', message: 'User pool ap-northeast-1_Other does not exist.' });
  });

  it('refuses Admin* calls that are unsigned, signed by an unknown key, with a wrong secret or for another region', async () => {
    const user = buildUser();
    await createUser(kit, user);
    const unsigned = await rawCall(kit, 'AdminGetUser', JSON.stringify({ UserPoolId: kit.userPoolId, Username: user.email }));
    expect(unsigned).toMatchObject({ status: 400, errorType: 'MissingAuthenticationTokenException:', json: { __type: 'MissingAuthenticationTokenException' } });
    const { accessKeyId } = kit.emu.config.admin;
    expect(await awsError(getUser(user.email, clientWith({ accessKeyId: 'AKIAUNKNOWNKEY000001', secretAccessKey: 'x' })))).toEqual({
      name: 'UnrecognizedClientException',
      message: 'The security token included in the request is invalid.',
    });
    expect(await awsError(getUser(user.email, clientWith({ accessKeyId, secretAccessKey: 'not-the-secret' })))).toMatchObject({
      name: 'InvalidSignatureException',
      message: expect.stringContaining('The request signature we calculated does not match the signature you provided.'),
    });
    const otherRegion = clientWith(kit.emu.config.admin, 'us-east-1');
    expect(await awsError(getUser(user.email, otherRegion))).toMatchObject({ name: 'InvalidSignatureException' });
  });

  it("denies the identity pool's role (the app's credentials), and refuses them once expired", async () => {
    const user = buildUser();
    await createUser(kit, user);
    const tokens = await passwordSignIn(kit, user.email, user.password);
    const identity = new CognitoIdentityClient({ endpoint: kit.emu.url, region: kit.emu.config.region });
    const logins = { [`cognito-idp.${kit.emu.config.region}.amazonaws.com/${kit.userPoolId}`]: tokens.IdToken };
    const { IdentityId } = await identity.send(new GetIdCommand({ IdentityPoolId: kit.emu.config.identityPoolId, Logins: logins }));
    const { Credentials } = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    const role = clientWith({
      accessKeyId: Credentials?.AccessKeyId ?? '',
      secretAccessKey: Credentials?.SecretKey ?? '',
      sessionToken: Credentials?.SessionToken ?? '',
    });
    for (const secret of [Credentials?.SecretKey, Credentials?.SessionToken]) kit.secrets.add(secret ?? '');
    const denied = await awsError(getUser(user.email, role));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toContain('is not authorized to perform: cognito-idp:AdminGetUser on resource: arn:aws:cognito-idp:');
    kit.emu.clock.advance(61_000);
    expect(await awsError(getUser(user.email, role))).toEqual({
      name: 'ExpiredTokenException',
      message: 'The security token included in the request is expired',
    });
  });
});
