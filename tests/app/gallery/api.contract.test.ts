import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { Amplify } from 'aws-amplify';
import { signIn, signOut } from 'aws-amplify/auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../../local/seed/users';
import { currentAccessKeyId } from '../../../src/features/gallery/api/currentAccessKeyId';
import { listImages } from '../../../src/features/gallery/api/listImages';
import { signImageUrl } from '../../../src/features/gallery/api/signImageUrl';
import { accessKeyFromPresignedUrl } from '../../../src/features/gallery/model/accessKeyFromPresignedUrl';
import { isImageObject } from '../../../src/features/gallery/model/imageFilter';
import type { GalleryConfig } from '../../../src/lib/config/galleryConfig';
import { installLocalS3Routing } from '../../../src/lib/local-aws/installLocalS3Routing';
import { startEmulator, type ContractEmulator } from './support/startEmulator';

/**
 * The gallery's api/ layer — the one seam the component tests stub — against the real emulator, with the
 * real Amplify (SRP sign-in, identity-pool credentials, Storage `list` and `getUrl`, SigV4 verified by the
 * emulator) routed as the app routes it in local mode. This is what makes the stubs honest.
 */
describe('gallery api against the emulator', () => {
  let emu: ContractEmulator;
  let cat: GalleryConfig;
  let dog: GalleryConfig;
  // A bucket the identity pool's role may not read (routed to the emulator all the same).
  let secret: GalleryConfig;

  beforeAll(async () => {
    emu = await startEmulator();
    const region = emu.config.region;
    cat = { id: 'cat', bucket: emu.config.buckets.cat ?? '', region };
    dog = { id: 'dog', bucket: emu.config.buckets.dog ?? '', region };
    secret = { id: 'secret', bucket: 'local-secret-photos', region };
    // It exists (S3 answers NoSuchBucket, not AccessDenied, for a bucket that does not).
    const admin = new S3Client({
      endpoint: emu.url,
      region,
      forcePathStyle: true,
      credentials: emu.config.admin,
    });
    await admin.send(new CreateBucketCommand({ Bucket: secret.bucket }));
    admin.destroy();
    Amplify.configure({
      Auth: {
        Cognito: {
          userPoolId: emu.config.userPoolId,
          userPoolClientId: emu.config.userPoolClientId,
          identityPoolId: emu.config.identityPoolId,
          userPoolEndpoint: emu.url,
          identityPoolEndpoint: emu.url,
          allowGuestAccess: false,
        },
      },
      Storage: { S3: { bucket: cat.bucket, region } },
    });
    installLocalS3Routing({ endpoint: emu.url, region, buckets: [cat.bucket, dog.bucket, secret.bucket] });
  });
  // The app tests' setup clears localStorage (where Amplify keeps tokens in a browser) after each test.
  beforeEach(async () => {
    await signIn({ username: DEMO_USER.email, password: DEMO_USER.password });
  });
  afterAll(async () => {
    await signOut().catch(() => undefined);
    await emu.dispose();
  });

  it('lists a bucket page by page with the continuation token', async () => {
    const first = await listImages({ gallery: cat, pageSize: 3 });
    if (!first.ok) throw new Error(`first page failed: ${first.error.code}`);
    expect(first.page.objects).toHaveLength(3);
    expect(first.page.nextToken).toBeTruthy();
    const second = await listImages({ gallery: cat, pageSize: 3, nextToken: first.page.nextToken });
    if (!second.ok) throw new Error(`second page failed: ${second.error.code}`);
    const firstKeys = first.page.objects.map((o) => o.key);
    expect(second.page.objects.map((o) => o.key).some((key) => firstKeys.includes(key))).toBe(false);
  });

  it('signs a thumbnail URL that loads from the emulator, signed by the same credentials as the listing', async () => {
    const listed = await listImages({ gallery: dog, pageSize: 100 });
    if (!listed.ok) throw new Error(`list failed: ${listed.error.code}`);
    const image = listed.page.objects.find(isImageObject);
    if (!image) throw new Error('the seeded dog bucket has no image');
    const signed = await signImageUrl(dog, image.key);
    if (!signed.ok) throw new Error(`sign failed: ${signed.error.code}`);
    expect(signed.signed.url.startsWith(emu.url)).toBe(true);
    expect(signed.signed.expiresAt).toBeGreaterThan(Date.now());

    const response = await fetch(signed.signed.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^image\//);
    const keyId = await currentAccessKeyId();
    expect(keyId).toMatch(/^ASIA/);
    expect(accessKeyFromPresignedUrl(signed.signed.url)).toBe(keyId);
  });

  it('translates a bucket the role may not read into "accessDenied"', async () => {
    const result = await listImages({ gallery: secret, pageSize: 10 });
    expect(result).toEqual({ ok: false, error: { kind: 'accessDenied', code: 'AccessDenied' } });
  });

  it('translates credentials S3 no longer accepts into "sessionExpired" (ExpiredToken)', async () => {
    expect((await listImages({ gallery: cat, pageSize: 1 })).ok).toBe(true);
    // The credentials Amplify holds outlive their real Expiration on the emulator's clock.
    const skip = (emu.config.credentialsTtlSeconds + 60) * 1000;
    emu.clock.advance(skip);
    try {
      const result = await listImages({ gallery: cat, pageSize: 10 });
      expect(result).toEqual({ ok: false, error: { kind: 'sessionExpired', code: 'ExpiredToken' } });
    } finally {
      emu.clock.advance(-skip);
    }
  });

  it('translates an ID token the identity pool refuses into "sessionExpired" (NotAuthorizedException)', async () => {
    // Fresh tokens from beforeEach, but expired on the emulator's clock before credentials are fetched.
    const skip = (emu.config.tokenTtlSeconds + 60) * 1000;
    emu.clock.advance(skip);
    try {
      const result = await listImages({ gallery: cat, pageSize: 10 });
      expect(result).toEqual({
        ok: false,
        error: { kind: 'sessionExpired', code: 'NotAuthorizedException' },
      });
    } finally {
      emu.clock.advance(-skip);
    }
  });
});
