import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsError, buildUser, createUser, expectNoSecretsLogged, passwordSignIn, rawCall, startIdp, type IdpKit } from './support/idpKit';

/**
 * Bodies no SDK would send, unknown and unsupported operations: each gets an AWS-shaped JSON error, and the
 * emulator keeps serving (every case ends with a healthy sign-in).
 */
describe('cognito-idp bad input', () => {
  let kit: IdpKit;
  const user = buildUser();

  beforeAll(async () => {
    kit = await startIdp();
    await createUser(kit, user);
  });
  afterAll(async () => {
    expectNoSecretsLogged(kit);
    await kit.emu.dispose();
  });

  async function stillServing(): Promise<void> {
    const tokens = await passwordSignIn(kit, user.email, user.password);
    expect(tokens.TokenType).toBe('Bearer');
  }

  it.each([
    ['malformed JSON', '{"ClientId": ', 'SerializationException'],
    ['a JSON array', '[]', 'SerializationException'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'SerializationException'],
    ['a number where a string belongs', JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 5 }), 'SerializationException'],
    ['a string where a map belongs', JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'x', AuthParameters: 'USERNAME' }), 'SerializationException'],
    ['a map holding a number', JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'x', AuthParameters: { USERNAME: 1 } }), 'SerializationException'],
  ])('answers %s with %s, then serves', async (_label, body, type) => {
    const res = await rawCall(kit, 'InitiateAuth', body);
    expect(res.status).toBe(400);
    expect(res.errorType).toBe(`${type}:`);
    expect(res.json.__type).toBe(type);
    await stillServing();
  });

  it('lists every missing or invalid member in one InvalidParameterException', async () => {
    const one = await rawCall(kit, 'InitiateAuth', JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH' }));
    expect(one.json).toEqual({
      __type: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    });
    const two = await rawCall(kit, 'InitiateAuth', JSON.stringify({ AuthFlow: 'PASSWORD', ClientId: '' }));
    expect(two.json.message).toBe(
      '3 validation errors detected: ' +
        "Value 'PASSWORD' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: " +
        '[USER_SRP_AUTH, REFRESH_TOKEN_AUTH, REFRESH_TOKEN, CUSTOM_AUTH, ADMIN_NO_SRP_AUTH, USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH, USER_AUTH]; ' +
        "Value at 'clientId' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value at 'clientId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+]+",
    );
    await stillServing();
  });

  it('answers missing AuthParameters, an unknown client and flows the client does not allow, as Cognito', async () => {
    const initiate = (input: { AuthFlow: 'USER_PASSWORD_AUTH' | 'CUSTOM_AUTH' | 'ADMIN_NO_SRP_AUTH'; ClientId?: string; AuthParameters?: Record<string, string> }) =>
      awsError(kit.user.send(new InitiateAuthCommand({ ClientId: kit.clientId, ...input })));
    expect(await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: user.email } })).toEqual({
      name: 'InvalidParameterException',
      message: 'Missing required parameter PASSWORD',
    });
    expect(await initiate({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'someotherclient', AuthParameters: {} })).toEqual({
      name: 'ResourceNotFoundException',
      message: 'User pool client someotherclient does not exist.',
    });
    expect(await initiate({ AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: user.email } })).toEqual({
      name: 'InvalidParameterException',
      message: 'CUSTOM_AUTH flow not enabled for this client',
    });
    expect(await initiate({ AuthFlow: 'ADMIN_NO_SRP_AUTH' })).toEqual({
      name: 'InvalidParameterException',
      message: 'Initiate Auth method not supported.',
    });
    await stillServing();
  });

  it('answers NotImplementedException for a Cognito action it does not emulate, UnknownOperationException otherwise', async () => {
    const signUp = await rawCall(kit, 'SignUp', JSON.stringify({ ClientId: kit.clientId, Username: 'a@b.c', Password: 'x' }));
    expect(signUp.status).toBe(501);
    expect(signUp.json).toEqual({ __type: 'NotImplementedException', message: 'SignUp is not implemented by the local emulator.' });
    const unknown = await rawCall(kit, 'MakeCoffee', '{}');
    expect(unknown).toMatchObject({ status: 400, errorType: 'UnknownOperationException:', json: { __type: 'UnknownOperationException' } });
    const prototype = await rawCall(kit, 'constructor', '{}');
    expect(prototype.json.__type).toBe('UnknownOperationException');
    await stillServing();
  });
});
