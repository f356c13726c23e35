import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { buildIdTokenClaims, providerName, signIdToken } from './idTokens';

/** The identity pool's credentials as S3 sees them: the role's policy applies, and they die at Expiration. */
describe('cognito identity: credentials at S3', () => {
  let emu: TestEmulator;
  let identity: CognitoIdentityClient;

  beforeAll(async () => {
    emu = await startTestEmulator({ env: { CREDENTIALS_TTL_SECONDS: '600' } });
    identity = new CognitoIdentityClient({ endpoint: emu.url, region: emu.config.region });
  });
  afterAll(async () => {
    identity.destroy();
    await emu.dispose();
  });

  async function s3ForNewUser(): Promise<S3Client> {
    const logins = { [providerName(emu)]: await signIdToken(emu, buildIdTokenClaims(emu)) };
    const { IdentityId } = await identity.send(
      new GetIdCommand({ IdentityPoolId: emu.config.identityPoolId, Logins: logins }),
    );
    const { Credentials } = await identity.send(
      new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }),
    );
    return new S3Client({
      endpoint: emu.url,
      region: emu.config.region,
      forcePathStyle: true,
      credentials: {
        accessKeyId: Credentials?.AccessKeyId ?? '',
        secretAccessKey: Credentials?.SecretKey ?? '',
        sessionToken: Credentials?.SessionToken,
      },
    });
  }

  /** The emulator's clock runs ahead of the test's once moved; sign requests at the emulator's time. */
  const atEmulatorTime = (s3: S3Client) => {
    s3.config.systemClockOffset = emu.clock.now() - Date.now();
  };

  it('lists both gallery buckets', async () => {
    const s3 = await s3ForNewUser();
    for (const bucket of [emu.config.buckets.cat, emu.config.buckets.dog]) {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
      expect(page.KeyCount).toBeGreaterThanOrEqual(8);
    }
    s3.destroy();
  });

  it('is denied PutObject by the role policy', async () => {
    const s3 = await s3ForNewUser();
    await expect(
      s3.send(new PutObjectCommand({ Bucket: emu.config.buckets.cat, Key: 'intruder.txt', Body: 'x' })),
    ).rejects.toMatchObject({
      name: 'AccessDenied',
      $metadata: { httpStatusCode: 403 },
    });
    s3.destroy();
  });

  it('answers ExpiredToken once Expiration has passed, and works until then', async () => {
    const s3 = await s3ForNewUser();
    emu.clock.advance(590_000);
    atEmulatorTime(s3);
    await expect(
      s3.send(new ListObjectsV2Command({ Bucket: emu.config.buckets.dog })),
    ).resolves.toBeDefined();
    emu.clock.advance(11_000);
    atEmulatorTime(s3);
    await expect(s3.send(new ListObjectsV2Command({ Bucket: emu.config.buckets.dog }))).rejects.toMatchObject(
      {
        name: 'ExpiredToken',
        message: 'The provided token has expired.',
      },
    );
    s3.destroy();
  });
});
