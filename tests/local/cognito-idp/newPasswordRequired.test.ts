import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsError, buildUser, createUser, expectNoSecretsLogged, recordTokens, startIdp, type IdpKit } from './support/idpKit';

/** The NEW_PASSWORD_REQUIRED Session at the wire level: 3-minute life, single use, bound to its user. */
describe('cognito-idp NEW_PASSWORD_REQUIRED session', () => {
  let kit: IdpKit;

  beforeAll(async () => {
    kit = await startIdp();
  });
  afterAll(async () => {
    expectNoSecretsLogged(kit);
    await kit.emu.dispose();
  });

  async function challenge(): Promise<{ email: string; session: string; userIdForSrp: string }> {
    const user = buildUser();
    await createUser(kit, { ...user, temporary: true });
    const out = await kit.user.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: kit.clientId, AuthParameters: { USERNAME: user.email, PASSWORD: user.password } }),
    );
    expect(out.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    kit.secrets.add(out.Session ?? '');
    return { email: user.email, session: out.Session ?? '', userIdForSrp: out.ChallengeParameters?.USER_ID_FOR_SRP ?? '' };
  }

  function answer(session: string | undefined, username: string, responses: Record<string, string> = {}) {
    const password = responses.NEW_PASSWORD ?? 'Brand-New-Passw0rd!';
    kit.secrets.add(password);
    return kit.user.send(
      new RespondToAuthChallengeCommand({
        ClientId: kit.clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: session,
        ChallengeResponses: { USERNAME: username, NEW_PASSWORD: password, ...responses },
      }),
    );
  }

  it('completes with tokens, once: the session cannot be replayed', async () => {
    const c = await challenge();
    const out = await answer(c.session, c.userIdForSrp, { 'userAttributes.name': 'Grace' });
    expect(out.AuthenticationResult?.RefreshToken).toBeDefined();
    recordTokens(kit, out.AuthenticationResult);
    expect(await awsError(answer(c.session, c.userIdForSrp))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session can only be used once.',
    });
  });

  it('expires the session after 3 minutes, like Cognito', async () => {
    const c = await challenge();
    kit.emu.clock.advance(3 * 60_000 + 1_000);
    expect(await awsError(answer(c.session, c.email))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it("refuses a session that is missing, forged or another user's", async () => {
    const c = await challenge();
    const other = await challenge();
    const invalid = { name: 'NotAuthorizedException', message: 'Invalid session for the user.' };
    expect(await awsError(answer(undefined, c.email))).toEqual(invalid);
    expect(await awsError(answer(Buffer.from('forged').toString('base64'), c.email))).toEqual(invalid);
    expect(await awsError(answer(other.session, c.email))).toEqual(invalid);
    expect(await awsError(answer(c.session, c.email, { NEW_PASSWORD: '' }))).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter NEW_PASSWORD',
    });
    expect(await awsError(answer(c.session, c.email, { 'userAttributes.sub': 'mine' }))).toMatchObject({ name: 'InvalidParameterException' });
    // None of the refusals used the sessions up.
    await answer(c.session, c.email);
    await answer(other.session, other.userIdForSrp);
  });
});
