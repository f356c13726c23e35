import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_USER } from '../../../local/seed/users';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { configureAmplify } from './amplifyAgainst';

/** The seed's FORCE_CHANGE_PASSWORD user, through Amplify's signIn → confirmSignIn as the Authenticator does it. */
describe('amplify: first sign-in with a temporary password', () => {
  let emu: TestEmulator;
  const newPassword = 'Brand-New-Passw0rd!';

  beforeAll(async () => {
    emu = await startTestEmulator();
    configureAmplify(emu);
  });
  afterAll(async () => {
    await signOut().catch(() => undefined);
    await emu.dispose();
  });

  it('asks for a new password after the temporary one', async () => {
    const result = await signIn({ username: NEW_USER.email, password: NEW_USER.password });
    expect(result.isSignedIn).toBe(false);
    expect(result.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
  });

  it("refuses a new password that breaks the pool's policy, and the challenge can be answered again", async () => {
    await expect(confirmSignIn({ challengeResponse: 'short' })).rejects.toMatchObject({
      name: 'InvalidPasswordException',
    });
    // Starting over, as a user would after a refused password, brings the same challenge back.
    const again = await signIn({ username: NEW_USER.email, password: NEW_USER.password });
    expect(again.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
  });

  it('signs in with the new password through confirmSignIn and gets a session', async () => {
    const result = await confirmSignIn({ challengeResponse: newPassword });
    expect(result).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const session = await fetchAuthSession();
    expect(session.tokens?.idToken?.payload.email).toBe(NEW_USER.email);
    expect(session.credentials?.accessKeyId).toMatch(/^ASIA/);
  });

  it('leaves the user CONFIRMED: the new password works, the temporary one no longer does', async () => {
    const credentials = {
      accessKeyId: emu.config.admin.accessKeyId,
      secretAccessKey: emu.config.admin.secretAccessKey,
    };
    const idp = new CognitoIdentityProviderClient({
      endpoint: emu.url,
      region: emu.config.region,
      credentials,
    });
    const user = await idp.send(
      new AdminGetUserCommand({ UserPoolId: emu.config.userPoolId, Username: NEW_USER.email }),
    );
    expect(user.UserStatus).toBe('CONFIRMED');
    idp.destroy();
    await signOut();
    await expect(signIn({ username: NEW_USER.email, password: NEW_USER.password })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
    });
    await expect(signIn({ username: NEW_USER.email, password: newPassword })).resolves.toMatchObject({
      isSignedIn: true,
    });
  });
});
