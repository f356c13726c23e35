import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../local/clock';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { buildIdTokenClaims, providerName, signIdToken } from './idTokens';

/** Raw requests the SDK would never send: each gets an AWS-shaped JSON error, and the server keeps serving. */
describe('cognito identity: bad input', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false, clock: createManualClock() });
  });
  afterAll(() => emu.dispose());

  async function post(action: string, body: string | Uint8Array<ArrayBuffer>) {
    const res = await fetch(emu.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityService.${action}`,
      },
      body,
    });
    const text = await res.text();
    return {
      status: res.status,
      errorType: res.headers.get('x-amzn-errortype'),
      json: JSON.parse(text) as Record<string, unknown>,
    };
  }

  /** A healthy GetId: proof that the server survived whatever came before. */
  async function expectHealthy(): Promise<void> {
    const token = await signIdToken(emu, buildIdTokenClaims(emu));
    const { status, json } = await post(
      'GetId',
      JSON.stringify({ IdentityPoolId: emu.config.identityPoolId, Logins: { [providerName(emu)]: token } }),
    );
    expect(status).toBe(200);
    expect(json.IdentityId).toMatch(/^ap-northeast-1:/);
  }

  const cases: {
    name: string;
    action: string;
    body: string | Uint8Array<ArrayBuffer>;
    type: string;
    message?: string;
  }[] = [
    { name: 'malformed JSON', action: 'GetId', body: '{"IdentityPoolId": ', type: 'SerializationException' },
    { name: 'a JSON array', action: 'GetId', body: '[1,2]', type: 'SerializationException' },
    { name: 'JSON null', action: 'GetCredentialsForIdentity', body: 'null', type: 'SerializationException' },
    {
      name: 'invalid UTF-8',
      action: 'GetId',
      body: Uint8Array.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      type: 'SerializationException',
    },
    {
      name: 'a number for IdentityPoolId',
      action: 'GetId',
      body: '{"IdentityPoolId": 42}',
      type: 'SerializationException',
    },
    {
      name: 'a list for Logins',
      action: 'GetId',
      body: `{"IdentityPoolId":"ap-northeast-1:00000000-0000-4000-8000-000000000001","Logins":["x"]}`,
      type: 'SerializationException',
    },
    {
      name: 'a number as a login token',
      action: 'GetCredentialsForIdentity',
      body: '{"IdentityId":"ap-northeast-1:0a","Logins":{"x":1}}',
      type: 'SerializationException',
    },
    {
      name: 'a missing IdentityPoolId',
      action: 'GetId',
      body: '{}',
      type: 'ValidationException',
      message:
        "1 validation error detected: Value null at 'identityPoolId' failed to satisfy constraint: Member must not be null",
    },
    {
      name: 'a missing IdentityId and an over-long CustomRoleArn',
      action: 'GetCredentialsForIdentity',
      body: JSON.stringify({ CustomRoleArn: 'a'.repeat(2049) }),
      type: 'ValidationException',
    },
    {
      name: 'eleven logins',
      action: 'GetId',
      body: JSON.stringify({
        IdentityPoolId: 'ap-northeast-1:0a',
        Logins: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`p${i}`, 't'])),
      }),
      type: 'ValidationException',
    },
    {
      name: 'an action AWS has but the emulator does not',
      action: 'DescribeIdentityPool',
      body: '{}',
      type: 'NotImplementedException',
    },
    {
      name: 'an action AWS does not have',
      action: 'StealCredentials',
      body: '{}',
      type: 'UnknownOperationException',
    },
  ];

  for (const c of cases) {
    it(`answers ${c.name} with ${c.type}, then serves a healthy request`, async () => {
      const { status, errorType, json } = await post(c.action, c.body);
      expect(status).toBe(c.type === 'NotImplementedException' ? 501 : 400);
      expect(errorType).toBe(`${c.type}:`);
      expect(json.__type).toBe(c.type);
      if (c.message) expect(json.message).toBe(c.message);
      await expectHealthy();
    });
  }

  it('lists every validation problem at once', async () => {
    const { json } = await post('GetCredentialsForIdentity', JSON.stringify({ CustomRoleArn: 'short' }));
    expect(json.message).toMatch(
      /^2 validation errors detected: Value null at 'identityId'.*; Value 'short' at 'customRoleArn' failed to satisfy constraint: Member must have length greater than or equal to 20$/,
    );
  });

  it('does not echo a token into error messages', async () => {
    const token = await signIdToken(emu, buildIdTokenClaims(emu, { aud: 'wrong' }));
    const { json } = await post(
      'GetId',
      JSON.stringify({ IdentityPoolId: emu.config.identityPoolId, Logins: { [providerName(emu)]: token } }),
    );
    expect(JSON.stringify(json)).not.toContain(token.split('.')[1]);
    expect(emu.logger.lines.map((l) => JSON.stringify(l)).join('\n')).not.toContain(token);
  });
});
