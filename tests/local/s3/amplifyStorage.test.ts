import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Amplify } from 'aws-amplify';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { downloadData, getProperties, getUrl, list } from 'aws-amplify/storage';
import { decodeJWT } from '@aws-amplify/core';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { putObjectRecord } from '../../../local/s3/objects';
import { resignPresignedUrl } from '../../../src/lib/storage/resignPresignedUrl';
import { signImageUrl } from '../../../src/features/gallery/api/signImageUrl';
import { adminCredentials, mintRoleCredentials, s3Client } from './support';

/**
 * Amplify Storage's own code against the emulator: its serializers, its SigV4 signer (for the bucket's
 * AWS address), its fetch transfer handler, and its ListObjectsV2 deserializer with the IntegrityError
 * validators (KeyCount, IsTruncated ⇔ NextContinuationToken, echoed Name/Prefix/Delimiter/MaxKeys/
 * ContinuationToken, encoding-type=url decoding). Requests reach the emulator through the same rewrite
 * the app's local adapter applies: https://{bucket}.s3.{region}.amazonaws.com/{key}?… → {emulator}/{bucket}/{key}?…
 */
const CAT = 'local-cat-photos';
const DOG = 'local-dog-photos';
const PRIVATE = 'not-a-gallery';
const TRICKY = ['猫/たま 1.jpg', '猫/a+b.jpg', '猫/100% cat.png', '猫/sub dir/deep.webp'];
/** Keys a URL parser would rewrite (dot segments) or Amplify refuses (leading slash). */
const PATH_LIKE = ['a/../b.png', '/leading.png', './dot/./slash.png', 'x/..', '../../etc/passwd'];

describe('Amplify Storage against the emulator', () => {
  let emu: TestEmulator;
  let credentials: Awaited<ReturnType<typeof mintRoleCredentials>>;
  const realFetch = globalThis.fetch;
  /** Status of every response Amplify received, in order. */
  const statuses: number[] = [];

  function toEmulator(url: string): string {
    const parsed = new URL(url);
    const host = `.s3.${emu.config.region}.amazonaws.com`;
    if (parsed.protocol !== 'https:' || !parsed.hostname.endsWith(host)) return url;
    return `${emu.url}/${parsed.hostname.slice(0, -host.length)}${parsed.pathname}${parsed.search}`;
  }

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false });
    const admin = s3Client(emu, adminCredentials(emu));
    for (const bucket of [CAT, DOG, PRIVATE]) await admin.send(new CreateBucketCommand({ Bucket: bucket }));
    for (const key of [...TRICKY, ...PATH_LIKE, 'b.png', 'etc/passwd'])
      await admin.send(new PutObjectCommand({ Bucket: CAT, Key: key, Body: key, ContentType: 'image/jpeg' }));
    const body = Buffer.from('woof');
    const many = Array.from({ length: 1_234 }, (_, i) => `dogs/${String(i).padStart(4, '0')}.jpg`);
    for (let i = 0; i < many.length; i += 250) {
      await Promise.all(
        many.slice(i, i + 250).map((key) => putObjectRecord(emu.deps, DOG, key, body, 'image/jpeg')),
      );
    }
    credentials = await mintRoleCredentials(emu);

    globalThis.fetch = async (input, init) => {
      const response = await realFetch(
        input instanceof Request ? new Request(toEmulator(input.url), input) : toEmulator(String(input)),
        init,
      );
      statuses.push(response.status);
      return response;
    };
    const region = emu.config.region;
    Amplify.configure(
      {
        Storage: {
          S3: {
            bucket: CAT,
            region,
            buckets: {
              cat: { bucketName: CAT, region },
              dog: { bucketName: DOG, region },
              private: { bucketName: PRIVATE, region },
            },
          },
        },
      },
      {
        Auth: {
          credentialsProvider: {
            getCredentialsAndIdentityId: async () => ({
              credentials: {
                accessKeyId: credentials.accessKeyId,
                secretAccessKey: credentials.secretAccessKey,
                sessionToken: credentials.sessionToken,
                expiration: new Date(credentials.expiration),
              },
              identityId: credentials.identityId,
            }),
            clearCredentialsAndIdentityId: () => undefined,
          },
        },
      },
    );
  }, 120_000);

  afterAll(async () => {
    globalThis.fetch = realFetch;
    await emu.dispose();
  });

  it('lists keys with Japanese characters, spaces, + and % exactly (encoding-type=url)', async () => {
    const { items } = await list({ path: '猫/', options: { bucket: 'cat', listAll: true } });
    expect(items.map((i) => i.path).sort()).toEqual([...TRICKY].sort());
    expect(items.every((i) => i.size !== undefined && i.eTag && i.lastModified instanceof Date)).toBe(true);
  });

  it('excludes sub-paths with a delimiter and reports them', async () => {
    const out = await list({
      path: '猫/',
      options: { bucket: 'cat', subpathStrategy: { strategy: 'exclude' } },
    });
    expect(out.items.map((i) => i.path).sort()).toEqual(['猫/100% cat.png', '猫/a+b.jpg', '猫/たま 1.jpg']);
    expect(out.excludedSubpaths).toEqual(['猫/sub dir/']);
  });

  it('pages with pageSize and nextToken to the last page', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await list({ path: 'dogs/', options: { bucket: 'dog', pageSize: 500, nextToken } });
      expect(page.items.length).toBeLessThanOrEqual(500);
      seen.push(...page.items.map((i) => i.path));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen).toHaveLength(1_234);
    expect(seen.at(-1)).toBe('dogs/1233.jpg');
  });

  it('lists everything with listAll across 1000-key pages', async () => {
    const { items } = await list({ path: 'dogs/', options: { bucket: 'dog', listAll: true } });
    expect(items).toHaveLength(1_234);
    expect(new Set(items.map((i) => i.path)).size).toBe(1_234);
  });

  it('reads object properties (HeadObject) and downloads (GetObject)', async () => {
    const props = await getProperties({ path: '猫/a+b.jpg', options: { bucket: 'cat' } });
    expect(props).toMatchObject({
      path: '猫/a+b.jpg',
      size: Buffer.byteLength('猫/a+b.jpg'),
      contentType: 'image/jpeg',
    });
    const { body } = await downloadData({ path: '猫/たま 1.jpg', options: { bucket: 'cat' } }).result;
    expect(await body.text()).toBe('猫/たま 1.jpg');
  });

  it('presigns getUrl for the AWS address, and the rewritten URL serves the image until it expires', async () => {
    const { url, expiresAt } = await getUrl({
      path: '猫/100% cat.png',
      options: { bucket: 'cat', expiresIn: 120 },
    });
    expect(url.hostname).toBe(`${CAT}.s3.${emu.config.region}.amazonaws.com`);
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe(credentials.sessionToken);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    const ok = await realFetch(toEmulator(url.toString()));
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('猫/100% cat.png');
    emu.clock.advance(121_000);
    try {
      const expired = await realFetch(toEmulator(url.toString()));
      expect(expired.status).toBe(403);
      expect(await expired.text()).toContain('<Message>Request has expired</Message>');
    } finally {
      emu.clock.advance(-121_000);
    }
  });

  it("re-signs getUrl's URL for another date: same date, Amplify's exact signature; server's date, valid again", async () => {
    const { url } = await getUrl({ path: '猫/100% cat.png', options: { bucket: 'cat', expiresIn: 120 } });
    const amzDate = url.searchParams.get('X-Amz-Date') ?? '';
    const signedAt = new Date(
      amzDate.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'),
    );
    const resign = (signingDate: Date) =>
      resignPresignedUrl(url, { credentials, region: emu.config.region, signingDate, expiresInSec: 120 });

    const same = await resign(signedAt);
    expect(same.origin + same.pathname).toBe(url.origin + url.pathname);
    expect(Object.fromEntries(same.searchParams)).toEqual(Object.fromEntries(url.searchParams));

    // The server's clock half an hour ahead of this "device": Amplify's URL is long expired there.
    emu.clock.advance(30 * 60_000);
    try {
      const stale = await realFetch(toEmulator(url.toString()));
      expect(stale.status).toBe(403);
      expect(await stale.text()).toContain('<Message>Request has expired</Message>');
      const fresh = await resign(new Date(emu.clock.now()));
      expect(fresh.searchParams.get('X-Amz-Date')).not.toBe(amzDate);
      const ok = await realFetch(toEmulator(fresh.toString()));
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe('猫/100% cat.png');
    } finally {
      emu.clock.advance(-30 * 60_000);
    }
  });

  it.each(PATH_LIKE)("the app's signImageUrl addresses the path-like key %j exactly", async (key) => {
    const result = await signImageUrl({ id: 'cat', bucket: CAT, region: emu.config.region }, key);
    if (!result.ok) throw new Error(`not signed: ${result.error.code}`);
    const response = await realFetch(toEmulator(result.signed.url));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(key);
  });

  it("signs thumbnails on the server's time when the device clock is behind, from Amplify's stored clockDrift", async () => {
    // The token store as Amplify leaves it after a sign-in on a device half an hour behind: `clockDrift` is
    // server − device time, measured from the tokens' iat. (Only the drift is read; the JWT is a stand-in.)
    cognitoUserPoolsTokenProvider.setAuthConfig({
      Cognito: { userPoolId: emu.config.userPoolId, userPoolClientId: emu.config.userPoolClientId },
    });
    const body = Buffer.from(
      JSON.stringify({ sub: 'demo', exp: Math.floor(Date.now() / 1000) + 3600 }),
    ).toString('base64url');
    const storeDrift = (clockDrift: number) =>
      cognitoUserPoolsTokenProvider.authTokenStore.storeTokens({
        accessToken: decodeJWT(`e30.${body}.sig`),
        clockDrift,
        username: 'demo',
      });
    const cat = { id: 'cat', bucket: CAT, region: emu.config.region };
    const fetchImage = async (key: string) => {
      const result = await signImageUrl(cat, key);
      if (!result.ok) throw new Error(`not signed: ${result.error.code}`);
      return realFetch(toEmulator(result.signed.url));
    };
    emu.clock.advance(30 * 60_000);
    try {
      await storeDrift(0);
      expect((await fetchImage('猫/a+b.jpg')).status, 'signed on the device clock: expired on arrival').toBe(
        403,
      );
      await storeDrift(30 * 60_000);
      for (const key of ['猫/a+b.jpg', 'a/../b.png']) {
        const response = await fetchImage(key);
        expect(response.status).toBe(200);
        expect(await response.text()).toBe(key);
      }
    } finally {
      emu.clock.advance(-30 * 60_000);
      await cognitoUserPoolsTokenProvider.authTokenStore.clearTokens();
    }
  });

  it('recovers from clock skew: Amplify reads the Date header of RequestTimeTooSkewed and re-signs', async () => {
    emu.clock.advance(20 * 60_000);
    try {
      statuses.length = 0;
      const { items } = await list({ path: '猫/', options: { bucket: 'cat', listAll: true } });
      expect(items).toHaveLength(TRICKY.length);
      expect(statuses).toEqual([403, 200]);
    } finally {
      emu.clock.advance(-20 * 60_000);
    }
  });

  it('surfaces AccessDenied for a bucket outside the gallery policy', async () => {
    const error = await list({ path: '', options: { bucket: 'private' } }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'AccessDenied' });
  });
});
