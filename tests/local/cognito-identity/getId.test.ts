import { CognitoIdentityClient, GetIdCommand } from '@aws-sdk/client-cognito-identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../local/clock';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { buildIdTokenClaims, providerName, signIdToken } from './idTokens';

describe('cognito identity: GetId', () => {
  let emu: TestEmulator;
  let client: CognitoIdentityClient;

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false, clock: createManualClock() });
    client = new CognitoIdentityClient({ endpoint: emu.url, region: emu.config.region });
  });
  afterAll(async () => {
    client.destroy();
    await emu.dispose();
  });

  const getId = async (token: string, identityPoolId = emu.config.identityPoolId) =>
    client.send(new GetIdCommand({ IdentityPoolId: identityPoolId, Logins: { [providerName(emu)]: token } }));

  it('answers an IdentityId of the form {region}:{uuid}', async () => {
    const { IdentityId } = await getId(await signIdToken(emu, buildIdTokenClaims(emu)));
    expect(IdentityId).toMatch(
      /^ap-northeast-1:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('gives the same user the same IdentityId every time, even with a new token', async () => {
    const sub = '0f1e2d3c-aaaa-4bbb-8ccc-111122223333';
    const first = await getId(await signIdToken(emu, buildIdTokenClaims(emu, { sub })));
    emu.clock.advance(60_000);
    const second = await getId(await signIdToken(emu, buildIdTokenClaims(emu, { sub })));
    expect(second.IdentityId).toBe(first.IdentityId);
  });

  it('gives concurrent first calls of one user a single IdentityId', async () => {
    const token = await signIdToken(emu, buildIdTokenClaims(emu));
    const answers = await Promise.all(Array.from({ length: 5 }, () => getId(token)));
    expect(new Set(answers.map((a) => a.IdentityId)).size).toBe(1);
  });

  it('gives different users different IdentityIds', async () => {
    const a = await getId(await signIdToken(emu, buildIdTokenClaims(emu)));
    const b = await getId(await signIdToken(emu, buildIdTokenClaims(emu)));
    expect(a.IdentityId).not.toBe(b.IdentityId);
  });

  it('refuses guests: the pool allows no unauthenticated identities', async () => {
    for (const Logins of [undefined, {}]) {
      await expect(
        client.send(new GetIdCommand({ IdentityPoolId: emu.config.identityPoolId, Logins })),
      ).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: 'Unauthenticated access is not supported for this identity pool.',
      });
    }
  });

  it('answers ResourceNotFoundException for an unknown pool', async () => {
    const unknown = 'ap-northeast-1:00000000-0000-4000-8000-0000000000ff';
    const token = await signIdToken(emu, buildIdTokenClaims(emu));
    await expect(getId(token, unknown)).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `IdentityPool '${unknown}' not found.`,
    });
  });

  it('answers ValidationException for a malformed pool id, naming the constraint', async () => {
    const token = await signIdToken(emu, buildIdTokenClaims(emu));
    await expect(getId(token, 'ap-northeast-1_LocalPool')).rejects.toMatchObject({
      name: 'ValidationException',
      message:
        "1 validation error detected: Value 'ap-northeast-1_LocalPool' at 'identityPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+:[0-9a-f-]+",
    });
  });
});
