import { GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { GetTokensFromRefreshTokenCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../../local/seed/users';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { clients, demoSession, failure, faultApi } from './support';

/** Faults on the two Cognito services, met by the real SDK clients. */
describe('fault injection: Cognito', () => {
  let emu: TestEmulator;
  let api: ReturnType<typeof faultApi>;
  let session: Awaited<ReturnType<typeof demoSession>>;
  let sdk: ReturnType<typeof clients>;

  beforeAll(async () => {
    emu = await startTestEmulator();
    api = faultApi(emu);
    session = await demoSession(emu);
    sdk = clients(emu);
  });
  afterEach(async () => {
    await api.clear();
  });
  afterAll(async () => {
    sdk.idp.destroy();
    sdk.identity.destroy();
    sdk.admin.destroy();
    await emu.dispose();
  });

  const refresh = (client = sdk.idp) =>
    client.send(new GetTokensFromRefreshTokenCommand({ ClientId: emu.config.userPoolClientId, RefreshToken: session.refreshToken }));
  const signIn = () =>
    sdk.idp.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: emu.config.userPoolClientId,
        AuthParameters: { USERNAME: DEMO_USER.email, PASSWORD: DEMO_USER.password },
      }),
    );
  const credentials = () => sdk.identity.send(new GetCredentialsForIdentityCommand({ IdentityId: session.identityId, Logins: session.logins }));

  it('throttle answers TooManyRequestsException (400, "Rate exceeded") on the chosen action only', async () => {
    await api.add({ service: 'cognito-idp', action: 'GetTokensFromRefreshToken', fault: 'throttle' });
    const error = await failure(refresh());
    expect(error).toMatchObject({ name: 'TooManyRequestsException', message: 'Rate exceeded', $metadata: { httpStatusCode: 400 } });
    await signIn();
  });

  it('500, 503 and a chosen AWS error code, with the JSON protocol headers and open CORS', async () => {
    await api.add({ service: 'cognito-idp', action: 'InitiateAuth', fault: '500', count: 1 });
    await api.add({ service: 'cognito-idp', action: 'InitiateAuth', fault: '503', count: 1 });
    await api.add({
      service: 'cognito-idp',
      action: 'GetTokensFromRefreshToken',
      fault: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
      count: 1,
    });
    expect(await failure(signIn())).toMatchObject({ name: 'InternalErrorException', $metadata: { httpStatusCode: 500 } });
    expect(await failure(signIn())).toMatchObject({ name: 'ServiceUnavailableException', $metadata: { httpStatusCode: 503 } });
    expect(await failure(refresh())).toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
      $metadata: { httpStatusCode: 400 },
    });
    // What a browser sees: the code in x-amzn-ErrorType, readable across origins.
    await api.add({ service: 'cognito-idp', action: 'InitiateAuth', fault: 'throttle', count: 1 });
    const raw = await fetch(emu.url, {
      method: 'POST',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: '{}',
    });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException:');
    expect(raw.headers.get('access-control-allow-origin')).toBe('*');
    expect(raw.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
    expect(await raw.json()).toEqual({ __type: 'TooManyRequestsException', message: 'Rate exceeded' });
    await signIn();
  });

  it('throttles the identity pool: GetCredentialsForIdentity meets TooManyRequestsException', async () => {
    const id = await api.add({ service: 'cognito-identity', action: 'GetCredentialsForIdentity', fault: 'throttle', count: 1 });
    expect(await failure(credentials())).toMatchObject({ name: 'TooManyRequestsException', message: 'Rate exceeded' });
    expect((await credentials()).Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(await api.rule(id)).toMatchObject({ remaining: 0, hits: 1, matched: 1, active: false });
  });

  it('reset cuts the connection with no answer; the next call is served', async () => {
    await api.add({ service: 'cognito-idp', action: 'GetTokensFromRefreshToken', fault: 'reset', count: 1 });
    const error = await failure(refresh());
    expect(error.$metadata?.httpStatusCode).toBeUndefined();
    expect(`${error.name} ${error.message} ${error.code ?? ''}`).toMatch(/ECONNRESET|socket hang up|aborted/i);
    expect((await refresh()).AuthenticationResult?.IdToken).toBeTruthy();
  });

  it('latency delays the real action by at least latencyMs (wall clock), then it succeeds', async () => {
    await api.add({ service: 'cognito-identity', action: 'GetCredentialsForIdentity', fault: 'latency', latencyMs: 400, count: 1 });
    const started = performance.now();
    const out = await credentials();
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
    expect(out.Credentials?.AccessKeyId).toMatch(/^ASIA/);
  });

  it('the SDK retries throttling and 5xx by itself: two 503s, then the refresh succeeds', async () => {
    const retrying = clients(emu, 3);
    await api.resetStats();
    await api.add({ service: 'cognito-idp', action: 'GetTokensFromRefreshToken', fault: '503', count: 2 });
    const out = await refresh(retrying.idp);
    expect(out.AuthenticationResult?.AccessToken).toBeTruthy();
    expect(out.$metadata.attempts).toBe(3);
    const stats = await api.stats();
    expect(stats.calls['cognito-idp']).toEqual({ GetTokensFromRefreshToken: 3 });
    expect(stats.faulted['cognito-idp']).toEqual({ GetTokensFromRefreshToken: 2 });
    retrying.idp.destroy();
  });
});
