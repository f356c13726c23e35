import { InitiateAuthCommand, RespondToAuthChallengeCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsError, buildUser, createUser, expectNoSecretsLogged, recordTokens, startIdp, type IdpKit } from './support/idpKit';
import { SRP_N, srpTimestamp, startSrpSession, type SrpSession } from './support/srpClient';

/**
 * The SRP exchange at the wire level, with a client written from the formulas: what Amplify never sends
 * (a padded day, a wrong weekday, a replayed or expired SECRET_BLOCK, a bad SRP_A).
 */
describe('cognito-idp USER_SRP_AUTH protocol', () => {
  let kit: IdpKit;
  const user = buildUser();
  let username = '';

  beforeAll(async () => {
    kit = await startIdp();
    username = await createUser(kit, user);
  });
  afterAll(async () => {
    expectNoSecretsLogged(kit);
    await kit.emu.dispose();
  });

  async function challenge(session: SrpSession, name = user.email) {
    const out = await kit.user.send(
      new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: kit.clientId, AuthParameters: { USERNAME: name, SRP_A: session.A } }),
    );
    const p = out.ChallengeParameters ?? {};
    kit.secrets.add(p.SECRET_BLOCK ?? '');
    return { name: out.ChallengeName, salt: p.SALT ?? '', B: p.SRP_B ?? '', secretBlock: p.SECRET_BLOCK ?? '', userIdForSrp: p.USER_ID_FOR_SRP ?? '', username: p.USERNAME };
  }

  function respond(c: Awaited<ReturnType<typeof challenge>>, signature: string, timestamp: string) {
    return kit.user.send(
      new RespondToAuthChallengeCommand({
        ClientId: kit.clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        ChallengeResponses: { USERNAME: c.userIdForSrp, PASSWORD_CLAIM_SECRET_BLOCK: c.secretBlock, PASSWORD_CLAIM_SIGNATURE: signature, TIMESTAMP: timestamp },
      }),
    );
  }

  const poolName = () => kit.userPoolId.split('_')[1] ?? '';
  const wrongPassword = { name: 'NotAuthorizedException', message: 'Incorrect username or password.' };

  it('issues PASSWORD_VERIFIER with the UUID as USER_ID_FOR_SRP and accepts the right claim', async () => {
    const session = startSrpSession();
    const c = await challenge(session);
    expect(c).toMatchObject({ name: 'PASSWORD_VERIFIER', userIdForSrp: username, username });
    expect(c.userIdForSrp).not.toBe(user.email);
    expect(c.salt).toMatch(/^[0-9a-f]+$/);
    const timestamp = srpTimestamp(new Date());
    const signature = session.sign({ poolName: poolName(), ...c, password: user.password, timestamp });
    const out = await respond(c, signature, timestamp);
    expect(out.AuthenticationResult?.TokenType).toBe('Bearer');
    recordTokens(kit, out.AuthenticationResult);
  });

  it('refuses a claim made with the email instead of USER_ID_FOR_SRP', async () => {
    const session = startSrpSession();
    const c = await challenge(session);
    const timestamp = srpTimestamp(new Date());
    const signature = session.sign({ poolName: poolName(), ...c, userIdForSrp: user.email, password: user.password, timestamp });
    expect(await awsError(respond(c, signature, timestamp))).toEqual(wrongPassword);
  });

  it('accepts a well-formed TIMESTAMP of another day: only its format is checked', async () => {
    const session = startSrpSession();
    const c = await challenge(session);
    const timestamp = srpTimestamp(new Date(Date.UTC(2024, 2, 5, 9, 7, 3)));
    expect(timestamp).toBe('Tue Mar 5 09:07:03 UTC 2024');
    const signature = session.sign({ poolName: poolName(), ...c, password: user.password, timestamp });
    expect((await respond(c, signature, timestamp)).AuthenticationResult).toBeDefined();
  });

  it.each([
    ['a zero-padded day', (d: Date) => srpTimestamp(d).replace(/^(\w+ \w+) (\d) /, '$1 0$2 ')],
    ['a weekday that does not match the date', (d: Date) => srpTimestamp(d).replace(/^\w+/, (w) => (w === 'Mon' ? 'Tue' : 'Mon'))],
    ['an ISO timestamp', (d: Date) => d.toISOString()],
  ])('refuses a TIMESTAMP with %s, even when the signature covers it', async (_label, format) => {
    const session = startSrpSession();
    const c = await challenge(session);
    // The 5th of a month, so that zero-padding changes the text.
    const timestamp = format(new Date(Date.UTC(2024, 2, 5, 9, 7, 3)));
    const signature = session.sign({ poolName: poolName(), ...c, password: user.password, timestamp });
    expect(await awsError(respond(c, signature, timestamp))).toEqual(wrongPassword);
  });

  it('binds the SECRET_BLOCK to its SRP state: single use, altered, and expiring after 3 minutes', async () => {
    const session = startSrpSession();
    const c = await challenge(session);
    const timestamp = srpTimestamp(new Date());
    const sign = (secretBlock: string) => session.sign({ poolName: poolName(), ...c, secretBlock, password: user.password, timestamp });
    const altered = Buffer.from(c.secretBlock, 'base64');
    altered[0] = (altered[0] ?? 0) ^ 0xff;
    const alteredBlock = altered.toString('base64');
    expect(await awsError(respond({ ...c, secretBlock: alteredBlock }, sign(alteredBlock), timestamp))).toEqual(wrongPassword);
    await respond(c, sign(c.secretBlock), timestamp);
    expect(await awsError(respond(c, sign(c.secretBlock), timestamp))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session can only be used once.',
    });

    const late = startSrpSession();
    const c2 = await challenge(late);
    kit.emu.clock.advance(3 * 60_000 + 1_000);
    const lateSignature = late.sign({ poolName: poolName(), ...c2, password: user.password, timestamp });
    expect(await awsError(respond(c2, lateSignature, timestamp))).toEqual({
      name: 'NotAuthorizedException',
      message: 'Invalid session for the user, session is expired.',
    });
  });

  it('simulates a challenge for an unknown user (stable salt) that can never succeed', async () => {
    const first = await challenge(startSrpSession(), 'ghost@example.com');
    const second = await challenge(startSrpSession(), 'ghost@example.com');
    expect(first).toMatchObject({ name: 'PASSWORD_VERIFIER', userIdForSrp: 'ghost@example.com' });
    expect(second.salt).toBe(first.salt);
    expect(second.B).not.toBe(first.B);
    const session = startSrpSession();
    const c = await challenge(session, 'ghost@example.com');
    const timestamp = srpTimestamp(new Date());
    const signature = session.sign({ poolName: poolName(), ...c, password: 'Any-Passw0rd!', timestamp });
    expect(await awsError(respond(c, signature, timestamp))).toEqual(wrongPassword);
  });

  it('checks SRP_A and the required AuthParameters', async () => {
    const send = (parameters: Record<string, string>) =>
      awsError(kit.user.send(new InitiateAuthCommand({ AuthFlow: 'USER_SRP_AUTH', ClientId: kit.clientId, AuthParameters: parameters })));
    expect(await send({ USERNAME: user.email })).toEqual({ name: 'InvalidParameterException', message: 'Missing required parameter SRP_A' });
    expect(await send({ SRP_A: 'abcd' })).toEqual({ name: 'InvalidParameterException', message: 'Missing required parameter USERNAME' });
    // Not hex, zero, and N itself (0 mod N): SRP-6a requires the server to abort.
    for (const bad of ['not-hex', '0', '00000000', SRP_N.toString(16)]) {
      expect(await send({ USERNAME: user.email, SRP_A: bad })).toMatchObject({ name: 'InvalidParameterException' });
    }
  });
});
