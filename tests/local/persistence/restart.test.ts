import {
  AdminSetUserPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoIdentityClient, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER, NEW_USER } from '../../../local/seed/users';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { adminClients, passwordSignIn } from './clients';

/**
 * Every kind of state change is made, the emulator is stopped, and a new one is started on the same data
 * dir: each change must still be there (users' passwords, revocations, objects, identities, signing keys).
 */
describe('persistence across a restart', () => {
  let emu: TestEmulator;
  let clients: ReturnType<typeof adminClients>;
  const changedPassword = 'Changed-Passw0rd!';
  const chosenPassword = 'Chosen-Passw0rd!';
  const objectKey = 'uploads/ねこ 2+2.txt';
  const objectBody = `persisted at ${new Date().toISOString()}`;
  const before: {
    revokedRefreshToken?: string;
    liveAccessToken?: string;
    identityId?: string;
    idToken?: string;
  } = {};

  beforeAll(async () => {
    emu = await startTestEmulator();
    clients = adminClients(emu.url, emu.config);
    const { idp, s3 } = clients;

    // A password set by an admin, and a temporary password replaced through NEW_PASSWORD_REQUIRED.
    await idp.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: emu.config.userPoolId,
        Username: DEMO_USER.email,
        Password: changedPassword,
        Permanent: true,
      }),
    );
    const challenge = await passwordSignIn(idp, emu.config, NEW_USER.email, NEW_USER.password);
    expect(challenge.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    await idp.send(
      new RespondToAuthChallengeCommand({
        ClientId: emu.config.userPoolClientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: challenge.Session,
        ChallengeResponses: { USERNAME: NEW_USER.email, NEW_PASSWORD: chosenPassword },
      }),
    );

    // A revocation (GlobalSignOut revokes the session's refresh token) next to a session that stays alive.
    const revoked = await passwordSignIn(idp, emu.config, DEMO_USER.email, changedPassword);
    await idp.send(new GlobalSignOutCommand({ AccessToken: revoked.AuthenticationResult?.AccessToken }));
    before.revokedRefreshToken = revoked.AuthenticationResult?.RefreshToken;
    const live = await passwordSignIn(idp, emu.config, NEW_USER.email, chosenPassword);
    before.liveAccessToken = live.AuthenticationResult?.AccessToken;
    before.idToken = live.AuthenticationResult?.IdToken;

    // An object, and an identity.
    await s3.send(
      new PutObjectCommand({
        Bucket: emu.config.buckets.cat,
        Key: objectKey,
        Body: objectBody,
        ContentType: 'text/plain',
      }),
    );
    const identity = new CognitoIdentityClient({ endpoint: emu.url, region: emu.config.region });
    const providerName = `cognito-idp.${emu.config.region}.amazonaws.com/${emu.config.userPoolId}`;
    before.identityId = (
      await identity.send(
        new GetIdCommand({
          IdentityPoolId: emu.config.identityPoolId,
          Logins: { [providerName]: before.idToken ?? '' },
        }),
      )
    ).IdentityId;
    identity.destroy();

    clients.destroy();
    await emu.stop();
    emu = await startTestEmulator({ dataDir: emu.dataDir });
    clients = adminClients(emu.url, emu.config);
  });
  afterAll(async () => {
    clients.destroy();
    await emu.dispose();
  });

  it("keeps an admin's password change: the new password signs in, the old one is refused", async () => {
    const ok = await passwordSignIn(clients.idp, emu.config, DEMO_USER.email, changedPassword);
    expect(ok.AuthenticationResult?.AccessToken).toBeTruthy();
    await expect(
      passwordSignIn(clients.idp, emu.config, DEMO_USER.email, DEMO_USER.password),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });

  it('keeps the password chosen at the first sign-in, and no new-password challenge comes back', async () => {
    const answer = await passwordSignIn(clients.idp, emu.config, NEW_USER.email, chosenPassword);
    expect(answer.ChallengeName).toBeUndefined();
    expect(answer.AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('keeps a revocation: the revoked refresh token is still refused', async () => {
    await expect(
      clients.idp.send(
        new GetTokensFromRefreshTokenCommand({
          ClientId: emu.config.userPoolClientId,
          RefreshToken: before.revokedRefreshToken,
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });

  it('keeps the signing keys: an access token issued before the restart is still accepted', async () => {
    const user = await clients.idp.send(new GetUserCommand({ AccessToken: before.liveAccessToken }));
    expect(user.UserAttributes).toEqual(expect.arrayContaining([{ Name: 'email', Value: NEW_USER.email }]));
  });

  it('keeps a PutObject: listed and served byte for byte', async () => {
    const listed = await clients.s3.send(
      new ListObjectsV2Command({ Bucket: emu.config.buckets.cat, Prefix: 'uploads/' }),
    );
    expect(listed.Contents?.map((c) => c.Key)).toEqual([objectKey]);
    const got = await clients.s3.send(
      new GetObjectCommand({ Bucket: emu.config.buckets.cat, Key: objectKey }),
    );
    expect(await got.Body?.transformToString()).toBe(objectBody);
    expect(got.ContentType).toBe('text/plain');
  });

  it('keeps identities: the same user gets the same IdentityId', async () => {
    const identity = new CognitoIdentityClient({ endpoint: emu.url, region: emu.config.region });
    const providerName = `cognito-idp.${emu.config.region}.amazonaws.com/${emu.config.userPoolId}`;
    const fresh = await passwordSignIn(clients.idp, emu.config, NEW_USER.email, chosenPassword);
    const { IdentityId } = await identity.send(
      new GetIdCommand({
        IdentityPoolId: emu.config.identityPoolId,
        Logins: { [providerName]: fresh.AuthenticationResult?.IdToken ?? '' },
      }),
    );
    identity.destroy();
    expect(IdentityId).toBe(before.identityId);
  });
});
