import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../local/clock';
import { CREDENTIALS_COLLECTION, type TemporaryCredentials } from '../../../local/iam/credentials';
import { EXPIRED_RETENTION_MS, PRUNE_INTERVAL_MS } from '../../../local/cognito-identity/credentialIssuer';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { buildIdTokenClaims, providerName, signIdToken } from './idTokens';

describe('cognito identity: GetCredentialsForIdentity', () => {
  let emu: TestEmulator;
  let client: CognitoIdentityClient;

  beforeAll(async () => {
    emu = await startTestEmulator({
      seed: false,
      clock: createManualClock(),
      env: { CREDENTIALS_TTL_SECONDS: '900' },
    });
    client = new CognitoIdentityClient({ endpoint: emu.url, region: emu.config.region });
  });
  afterAll(async () => {
    client.destroy();
    await emu.dispose();
  });

  /** A fresh user: its Logins map (token minted now) and IdentityId. */
  async function signedInUser(sub?: string) {
    const logins = {
      [providerName(emu)]: await signIdToken(emu, buildIdTokenClaims(emu, sub ? { sub } : {})),
    };
    const { IdentityId } = await client.send(
      new GetIdCommand({ IdentityPoolId: emu.config.identityPoolId, Logins: logins }),
    );
    return { logins, identityId: IdentityId ?? '' };
  }

  it('issues temporary credentials that expire after CREDENTIALS_TTL_SECONDS', async () => {
    const { logins, identityId } = await signedInUser();
    const nowSeconds = Math.floor(emu.clock.now() / 1000);
    const answer = await client.send(
      new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins }),
    );
    expect(answer.IdentityId).toBe(identityId);
    const credentials = answer.Credentials;
    expect(credentials?.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(credentials?.SecretKey).toMatch(/^[A-Za-z0-9/+]{40}$/);
    expect(credentials?.SessionToken?.length).toBeGreaterThan(300);
    expect(credentials?.Expiration?.getTime()).toBe((nowSeconds + 900) * 1000);
  });

  it('sends Expiration as epoch seconds on the wire, as AWS does', async () => {
    const { logins, identityId } = await signedInUser();
    const res = await fetch(emu.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityService.GetCredentialsForIdentity',
      },
      body: JSON.stringify({ IdentityId: identityId, Logins: logins }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { Credentials: { Expiration: unknown } };
    expect(body.Credentials.Expiration).toBe(Math.floor(emu.clock.now() / 1000) + 900);
  });

  it('stores each issue as a TemporaryCredentials record of the authenticated role, for S3', async () => {
    const { logins, identityId } = await signedInUser();
    const a = await client.send(
      new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins }),
    );
    const b = await client.send(
      new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins }),
    );
    expect(a.Credentials?.AccessKeyId).not.toBe(b.Credentials?.AccessKeyId);
    const record = emu.deps.store.get<TemporaryCredentials>(
      CREDENTIALS_COLLECTION,
      a.Credentials?.AccessKeyId ?? '',
    );
    expect(record).toEqual({
      accessKeyId: a.Credentials?.AccessKeyId,
      secretAccessKey: a.Credentials?.SecretKey,
      sessionToken: a.Credentials?.SessionToken,
      expiration: a.Credentials?.Expiration?.getTime(),
      identityId,
      roleArn: 'arn:aws:iam::000000000000:role/gallery-authenticated-role',
    });
  });

  it("refuses another user's valid token for this identity", async () => {
    const alice = await signedInUser();
    const bob = await signedInUser();
    await expect(
      client.send(new GetCredentialsForIdentityCommand({ IdentityId: alice.identityId, Logins: bob.logins })),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message:
        "Logins don't match. Please include at least one valid login for this identity or identity pool.",
    });
  });

  it('refuses a request without Logins', async () => {
    const { identityId } = await signedInUser();
    await expect(
      client.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId })),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Unauthenticated access is not supported for this identity pool.',
    });
  });

  it('answers ResourceNotFoundException for an identity that does not exist', async () => {
    const { logins } = await signedInUser();
    const unknown = 'ap-northeast-1:11111111-2222-4333-8444-555555555555';
    await expect(
      client.send(new GetCredentialsForIdentityCommand({ IdentityId: unknown, Logins: logins })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Identity '${unknown}' not found.`,
    });
  });

  it('refuses a CustomRoleArn that is not the pool role, and accepts the pool role', async () => {
    const { logins, identityId } = await signedInUser();
    const send = (CustomRoleArn: string) =>
      client.send(
        new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins, CustomRoleArn }),
      );
    await expect(send('arn:aws:iam::000000000000:role/admin')).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(send('arn:aws:iam::000000000000:role/gallery-authenticated-role')).resolves.toMatchObject({
      IdentityId: identityId,
    });
  });

  it('prunes long-expired credential records occasionally, keeping recently expired ones', async () => {
    const first = await signedInUser();
    const old = await client.send(
      new GetCredentialsForIdentityCommand({ IdentityId: first.identityId, Logins: first.logins }),
    );
    const oldKey = old.Credentials?.AccessKeyId ?? '';
    // Just expired: still known (S3 must answer ExpiredToken for it, not InvalidAccessKeyId).
    emu.clock.advance(900_000 + PRUNE_INTERVAL_MS);
    const recent = await signedInUser();
    const recentAnswer = await client.send(
      new GetCredentialsForIdentityCommand({ IdentityId: recent.identityId, Logins: recent.logins }),
    );
    expect(emu.deps.store.get(CREDENTIALS_COLLECTION, oldKey)).toBeDefined();
    // Long expired: swept on a later issue.
    emu.clock.advance(EXPIRED_RETENTION_MS);
    const later = await signedInUser();
    await client.send(
      new GetCredentialsForIdentityCommand({ IdentityId: later.identityId, Logins: later.logins }),
    );
    expect(emu.deps.store.get(CREDENTIALS_COLLECTION, oldKey)).toBeUndefined();
    expect(
      emu.deps.store.get(CREDENTIALS_COLLECTION, recentAnswer.Credentials?.AccessKeyId ?? ''),
    ).toBeDefined();
  });
});
