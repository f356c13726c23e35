import { ConfirmForgotPasswordCommand, ForgotPasswordCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsError, buildUser, createUser, expectNoSecretsLogged, passwordSignIn, startIdp, type IdpKit } from './support/idpKit';

/** ForgotPassword / ConfirmForgotPassword, with the code read from the emulator's log as the README says. */
describe('cognito-idp forgot password', () => {
  let kit: IdpKit;

  beforeAll(async () => {
    kit = await startIdp();
  });
  afterAll(async () => {
    expectNoSecretsLogged(kit);
    await kit.emu.dispose();
  });

  const forgot = (username: string) => kit.user.send(new ForgotPasswordCommand({ ClientId: kit.clientId, Username: username }));
  const confirm = (username: string, code: string, password: string) => {
    kit.secrets.add(password);
    return kit.user.send(new ConfirmForgotPasswordCommand({ ClientId: kit.clientId, Username: username, ConfirmationCode: code, Password: password }));
  };

  /** The last code the emulator logged for this email. */
  function loggedCode(email: string): string {
    const line = kit.emu.logger.lines.filter((l) => l.event === 'forgot-password code' && l.fields.username === email).pop();
    const code = line?.fields.code;
    if (typeof code !== 'string') throw new Error(`no forgot-password code logged for ${email}`);
    return code;
  }

  it('logs a code, refuses a wrong one, and sets the new password with the right one', async () => {
    const user = buildUser();
    await createUser(kit, user);
    const out = await forgot(user.email);
    expect(out.CodeDeliveryDetails).toEqual({ Destination: `${user.email[0]}***@e***`, DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const code = loggedCode(user.email);
    expect(code).toMatch(/^\d{6}$/);
    const wrongCode = code === '000000' ? '111111' : '000000';
    expect(await awsError(confirm(user.email, wrongCode, 'Reset-Passw0rd!'))).toEqual({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
    });
    expect(await awsError(confirm(user.email, code, 'weakpassword'))).toEqual({
      name: 'InvalidPasswordException',
      message: 'Password did not conform with password policy: Password must have uppercase characters',
    });
    await confirm(user.email, code, 'Reset-Passw0rd!');
    expect(await awsError(passwordSignIn(kit, user.email, user.password))).toMatchObject({ name: 'NotAuthorizedException' });
    await passwordSignIn(kit, user.email, 'Reset-Passw0rd!');
    // The code is used up.
    expect(await awsError(confirm(user.email, code, 'Again-Passw0rd!'))).toMatchObject({ name: 'CodeMismatchException' });
  });

  it('answers ExpiredCodeException an hour later, and a new code works', async () => {
    const user = buildUser();
    await createUser(kit, user);
    await forgot(user.email);
    const stale = loggedCode(user.email);
    kit.emu.clock.advance(60 * 60_000 + 1_000);
    expect(await awsError(confirm(user.email, stale, 'Late-Passw0rd!'))).toEqual({
      name: 'ExpiredCodeException',
      message: 'Invalid code provided, please request a code again.',
    });
    await forgot(user.email);
    await confirm(user.email, loggedCode(user.email), 'Fresh-Passw0rd!');
    await passwordSignIn(kit, user.email, 'Fresh-Passw0rd!');
  });

  it('refuses a user still on a temporary password, and reveals nothing about unknown users', async () => {
    const temporary = buildUser();
    await createUser(kit, { ...temporary, temporary: true });
    expect(await awsError(forgot(temporary.email))).toEqual({
      name: 'NotAuthorizedException',
      message: 'User password cannot be reset in the current state.',
    });
    const ghost = await forgot('ghost@example.com');
    expect(ghost.CodeDeliveryDetails).toEqual({ Destination: 'g***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(kit.emu.logger.lines.some((l) => l.event === 'forgot-password code' && l.fields.username === 'ghost@example.com')).toBe(false);
    expect(await awsError(confirm('ghost@example.com', '123456', 'Ghost-Passw0rd!'))).toMatchObject({ name: 'CodeMismatchException' });
  });
});
