import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import {
  adminCredentials,
  bodyText,
  mintRoleCredentials,
  parseErrorXml,
  s3Client,
  sdkError,
  signedFetch,
} from './support';

const GALLERY = 'local-cat-photos';
const PRIVATE = 'admin-only-bucket';
const KEY = '猫/たま 1+2.jpg';

describe('S3 authentication and authorisation', () => {
  let emu: TestEmulator;
  let admin: S3Client;

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false });
    admin = s3Client(emu, adminCredentials(emu));
    await admin.send(new CreateBucketCommand({ Bucket: GALLERY }));
    await admin.send(new CreateBucketCommand({ Bucket: PRIVATE }));
    await admin.send(
      new PutObjectCommand({ Bucket: GALLERY, Key: KEY, Body: 'meow', ContentType: 'image/jpeg' }),
    );
    await admin.send(new PutObjectCommand({ Bucket: PRIVATE, Key: 'secret.txt', Body: 'no' }));
  });
  afterAll(() => emu.dispose());

  const get = (client: S3Client, bucket = GALLERY, key = KEY) =>
    client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));

  it('refuses a wrong secret with SignatureDoesNotMatch', async () => {
    const error = await sdkError(get(s3Client(emu, { ...adminCredentials(emu), secretAccessKey: 'wrong' })));
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe(
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
  });

  it('refuses an unknown access key with InvalidAccessKeyId', async () => {
    const error = await sdkError(
      get(s3Client(emu, { accessKeyId: 'AKIANOBODY0000000000', secretAccessKey: 'x' })),
    );
    expect(error.name).toBe('InvalidAccessKeyId');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it('requires the session token of temporary credentials, and the right one', async () => {
    const role = await mintRoleCredentials(emu);
    expect(await bodyText(await get(s3Client(emu, role)))).toBe('meow');
    const missing = await sdkError(get(s3Client(emu, { ...role, sessionToken: undefined })));
    expect(missing.name).toBe('InvalidAccessKeyId');
    const wrong = await sdkError(get(s3Client(emu, { ...role, sessionToken: 'forged-token' })));
    expect(wrong.name).toBe('InvalidToken');
    expect(wrong.$metadata.httpStatusCode).toBe(400);
    expect(wrong.message).toBe('The provided token is malformed or otherwise invalid.');
  });

  it('answers ExpiredToken once the credentials expire (Amplify retries on exactly this)', async () => {
    const role = await mintRoleCredentials(emu, { expiration: emu.clock.now() + 60_000 });
    const client = s3Client(emu, role);
    await get(client);
    emu.clock.advance(61_000);
    try {
      // The client signs with the system clock; stay inside the 15-minute window.
      const error = await sdkError(get(client));
      expect(error.name).toBe('ExpiredToken');
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toBe('The provided token has expired.');
    } finally {
      emu.clock.advance(-61_000);
    }
  });

  it('answers RequestTimeTooSkewed beyond 15 minutes of skew, with both times', async () => {
    const early = new Date(emu.clock.now() - 16 * 60_000);
    const res = await signedFetch(emu, {
      method: 'GET',
      path: `/${GALLERY}?list-type=2`,
      credentials: adminCredentials(emu),
      signingDate: early,
    });
    expect(res.status).toBe(403);
    const error = parseErrorXml(await res.text());
    expect(error).toMatchObject({ Code: 'RequestTimeTooSkewed', MaxAllowedSkewMilliseconds: '900000' });
    expect(error.RequestTime).toMatch(/^\d{8}T\d{6}Z$/);
    expect(new Date(res.headers.get('date') ?? '').getTime()).toBeGreaterThan(early.getTime());
  });

  it('serves a presigned GetObject URL fetched without any other credentials', async () => {
    const role = await mintRoleCredentials(emu);
    const url = await getSignedUrl(s3Client(emu, role), new GetObjectCommand({ Bucket: GALLERY, Key: KEY }), {
      expiresIn: 900,
    });
    expect(url).toContain('X-Amz-Security-Token=');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('meow');
  });

  it('answers an expired presigned URL with AccessDenied "Request has expired"', async () => {
    const role = await mintRoleCredentials(emu);
    const url = await getSignedUrl(s3Client(emu, role), new GetObjectCommand({ Bucket: GALLERY, Key: KEY }), {
      expiresIn: 60,
    });
    emu.clock.advance(61_000);
    try {
      const res = await fetch(url);
      expect(res.status).toBe(403);
      const error = parseErrorXml(await res.text());
      expect(error).toMatchObject({
        Code: 'AccessDenied',
        Message: 'Request has expired',
        'X-Amz-Expires': '60',
      });
      expect(error.Expires).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(Date.parse(error.ServerTime ?? '')).toBeGreaterThan(Date.parse(error.Expires ?? ''));
    } finally {
      emu.clock.advance(-61_000);
    }
  });

  it('answers a presigned URL dated in the future with AccessDenied "Request is not yet valid"', async () => {
    const signingDate = new Date(emu.clock.now() + 20 * 60_000);
    const url = await getSignedUrl(admin, new GetObjectCommand({ Bucket: GALLERY, Key: KEY }), {
      expiresIn: 60,
      signingDate,
    });
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(parseErrorXml(await res.text())).toMatchObject({
      Code: 'AccessDenied',
      Message: 'Request is not yet valid',
    });
  });

  it('refuses X-Amz-Expires over a week with AuthorizationQueryParametersError', async () => {
    const url = new URL(
      await getSignedUrl(admin, new GetObjectCommand({ Bucket: GALLERY, Key: KEY }), { expiresIn: 600 }),
    );
    url.searchParams.set('X-Amz-Expires', '604801');
    const res = await fetch(url);
    expect(res.status).toBe(400);
    expect(parseErrorXml(await res.text()).Code).toBe('AuthorizationQueryParametersError');
  });

  it('refuses a tampered presigned URL', async () => {
    const url = new URL(
      await getSignedUrl(admin, new GetObjectCommand({ Bucket: GALLERY, Key: KEY }), { expiresIn: 600 }),
    );
    url.searchParams.set('response-content-type', 'text/html');
    const res = await fetch(url);
    expect(res.status).toBe(403);
    expect(parseErrorXml(await res.text()).Code).toBe('SignatureDoesNotMatch');
  });

  it('denies anonymous requests with AccessDenied', async () => {
    const res = await fetch(`${emu.url}/${GALLERY}?list-type=2`);
    expect(res.status).toBe(403);
    expect(parseErrorXml(await res.text())).toMatchObject({ Code: 'AccessDenied', Message: 'Access Denied' });
  });

  it('applies the gallery policy to the role: list and read gallery buckets, nothing else', async () => {
    const role = s3Client(emu, await mintRoleCredentials(emu));
    expect((await role.send(new ListObjectsV2Command({ Bucket: GALLERY }))).KeyCount).toBe(1);
    for (const attempt of [
      () => role.send(new ListObjectsV2Command({ Bucket: PRIVATE })),
      () => get(role, PRIVATE, 'secret.txt'),
      () => role.send(new PutObjectCommand({ Bucket: GALLERY, Key: 'upload.jpg', Body: 'x' })),
      () => role.send(new DeleteObjectCommand({ Bucket: GALLERY, Key: KEY })),
      () => role.send(new CreateBucketCommand({ Bucket: 'role-made-bucket' })),
    ]) {
      const error = await sdkError(attempt());
      expect(error.name).toBe('AccessDenied');
      expect(error.$metadata.httpStatusCode).toBe(403);
    }
    // Nothing changed.
    expect(await bodyText(await get(admin))).toBe('meow');
  });

  it('gives credentials of another role no permissions at all', async () => {
    const other = s3Client(
      emu,
      await mintRoleCredentials(emu, { roleArn: 'arn:aws:iam::000000000000:role/someone-else' }),
    );
    expect((await sdkError(other.send(new ListObjectsV2Command({ Bucket: GALLERY })))).name).toBe(
      'AccessDenied',
    );
  });
});

describe('S3 signatures made for the AWS address (the local routing rule)', () => {
  let emu: TestEmulator;
  const region = 'ap-northeast-1';

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false });
    const admin = s3Client(emu, adminCredentials(emu));
    await admin.send(new CreateBucketCommand({ Bucket: GALLERY }));
    await admin.send(new PutObjectCommand({ Bucket: GALLERY, Key: KEY, Body: 'meow' }));
  });
  afterAll(() => emu.dispose());

  const encodedKey = KEY.split('/').map(encodeURIComponent).join('/');

  it('accepts a request signed for {bucket}.s3.{region}.amazonaws.com and sent path-style', async () => {
    const role = await mintRoleCredentials(emu);
    const res = await signedFetch(emu, {
      method: 'GET',
      path: `/${GALLERY}/${encodedKey}`,
      credentials: role,
      headers: { 'x-amz-security-token': role.sessionToken },
      signFor: { host: `${GALLERY}.s3.${region}.amazonaws.com`, path: `/${encodedKey}` },
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('meow');
    const list = await signedFetch(emu, {
      method: 'GET',
      path: `/${GALLERY}/?list-type=2&encoding-type=url&max-keys=1000&prefix=`,
      credentials: role,
      headers: { 'x-amz-security-token': role.sessionToken },
      signFor: {
        host: `${GALLERY}.s3.${region}.amazonaws.com`,
        path: '/?list-type=2&encoding-type=url&max-keys=1000&prefix=',
      },
    });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('<KeyCount>1</KeyCount>');
  });

  it('accepts a request signed path-style for s3.{region}.amazonaws.com', async () => {
    const res = await signedFetch(emu, {
      method: 'GET',
      path: `/${GALLERY}/${encodedKey}`,
      credentials: adminCredentials(emu),
      signFor: { host: `s3.${region}.amazonaws.com`, path: `/${GALLERY}/${encodedKey}` },
    });
    expect(res.status).toBe(200);
  });

  it('refuses it once tampered: another key, another bucket host, or a foreign host', async () => {
    const credentials = adminCredentials(emu);
    const otherKey = await signedFetch(emu, {
      method: 'GET',
      path: `/${GALLERY}/other.jpg`,
      credentials,
      signFor: { host: `${GALLERY}.s3.${region}.amazonaws.com`, path: `/${encodedKey}` },
    });
    expect(otherKey.status).toBe(403);
    expect(parseErrorXml(await otherKey.text()).Code).toBe('SignatureDoesNotMatch');
    const otherBucket = await signedFetch(emu, {
      method: 'GET',
      path: `/${GALLERY}/${encodedKey}`,
      credentials,
      signFor: { host: `local-dog-photos.s3.${region}.amazonaws.com`, path: `/${encodedKey}` },
    });
    expect(otherBucket.status).toBe(403);
    const foreign = await signedFetch(emu, {
      method: 'GET',
      path: `/${GALLERY}/${encodedKey}`,
      credentials,
      signFor: { host: `${GALLERY}.s3.us-east-1.amazonaws.com`, path: `/${encodedKey}` },
    });
    expect(foreign.status).toBe(403);
  });

  it('accepts presigned URLs made for the virtual-hosted address after the same rewrite', async () => {
    const role = await mintRoleCredentials(emu);
    const awsAddressed = new S3Client({
      region,
      credentials: {
        accessKeyId: role.accessKeyId,
        secretAccessKey: role.secretAccessKey,
        sessionToken: role.sessionToken,
      },
    });
    const signed = new URL(
      await getSignedUrl(awsAddressed, new GetObjectCommand({ Bucket: GALLERY, Key: KEY }), {
        expiresIn: 300,
      }),
    );
    expect(signed.host).toBe(`${GALLERY}.s3.${region}.amazonaws.com`);
    const res = await fetch(`${emu.url}/${GALLERY}${signed.pathname}${signed.search}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('meow');
    signed.searchParams.set('X-Amz-Expires', '301');
    const tampered = await fetch(`${emu.url}/${GALLERY}${signed.pathname}${signed.search}`);
    expect(tampered.status).toBe(403);
  });
});
