import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
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

const BUCKET = 'local-cat-photos';
const OTHER = 'not-a-gallery-bucket';

/** Keys S3 allows that trip naive servers: non-ASCII, spaces, a literal plus, percent, dot segments. */
const TRICKY_KEYS = [
  '猫の写真/たま 1.jpg',
  'a b+c.png',
  '100% cat.webp',
  '../../etc/passwd',
  './x/../y',
  'a%2Fb',
  '<script>alert(1)</script>.txt',
  'trailing/',
];

describe('S3 objects: PutObject, GetObject, HeadObject, DeleteObject', () => {
  let emu: TestEmulator;
  let admin: S3Client;

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false });
    admin = s3Client(emu, adminCredentials(emu));
    await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await admin.send(new CreateBucketCommand({ Bucket: OTHER }));
  });
  afterAll(() => emu.dispose());

  it('stores an object and reads it back with S3 headers', async () => {
    const body = Buffer.from('a cat picture');
    const put = await admin.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'cats/tama.jpg', Body: body, ContentType: 'image/jpeg' }),
    );
    const md5 = createHash('md5').update(body).digest('hex');
    expect(put.ETag).toBe(`"${md5}"`);
    const got = await admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'cats/tama.jpg' }));
    expect(got.$metadata.httpStatusCode).toBe(200);
    expect(got.ContentType).toBe('image/jpeg');
    expect(got.ContentLength).toBe(body.length);
    expect(got.ETag).toBe(`"${md5}"`);
    expect(got.AcceptRanges).toBe('bytes');
    expect(got.LastModified?.getTime()).toBe(Math.floor(emu.clock.now() / 1000) * 1000);
    expect(await bodyText(got)).toBe('a cat picture');
  });

  it('answers HeadObject with the same headers and no body', async () => {
    await admin.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'head.png',
        Body: Buffer.alloc(321, 7),
        ContentType: 'image/png',
      }),
    );
    const head = await admin.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'head.png' }));
    expect(head.ContentLength).toBe(321);
    expect(head.ContentType).toBe('image/png');
    expect(head.ETag).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('defaults Content-Type to binary/octet-stream', async () => {
    // The SDK always sends a Content-Type; a bare signed request does not.
    const res = await signedFetch(emu, {
      method: 'PUT',
      path: `/${BUCKET}/notype`,
      body: new Uint8Array([1, 2, 3]),
      credentials: adminCredentials(emu),
    });
    expect(res.status).toBe(200);
    const head = await admin.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'notype' }));
    expect(head.ContentType).toBe('binary/octet-stream');
  });

  it.each(TRICKY_KEYS)('round-trips the key %j exactly, never as a file path', async (key) => {
    await admin.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: `body of ${key}`, ContentType: 'text/plain' }),
    );
    const got = await admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(await bodyText(got)).toBe(`body of ${key}`);
    // The key is only a record id: nothing with that name exists on disk, only hashed file names.
    expect(emu.deps.store.get(`s3-objects/${BUCKET}`, key)).toMatchObject({ key });
  });

  it('keeps a literal + in a path distinct from a space', async () => {
    await admin.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'x+y', Body: 'plus' }));
    await admin.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'x y', Body: 'space' }));
    expect(await bodyText(await admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'x+y' })))).toBe(
      'plus',
    );
    expect(await bodyText(await admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'x y' })))).toBe(
      'space',
    );
  });

  it('serves byte ranges with 206 and Content-Range, and 416 InvalidRange beyond the end', async () => {
    await admin.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'range.bin', Body: Buffer.from('0123456789') }),
    );
    const part = await admin.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'range.bin', Range: 'bytes=2-5' }),
    );
    expect(part.$metadata.httpStatusCode).toBe(206);
    expect(part.ContentRange).toBe('bytes 2-5/10');
    expect(part.ContentLength).toBe(4);
    expect(await bodyText(part)).toBe('2345');
    const suffix = await admin.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'range.bin', Range: 'bytes=-3' }),
    );
    expect(await bodyText(suffix)).toBe('789');
    const open = await admin.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'range.bin', Range: 'bytes=8-' }),
    );
    expect(open.ContentRange).toBe('bytes 8-9/10');
    const clamped = await admin.send(
      new GetObjectCommand({ Bucket: BUCKET, Key: 'range.bin', Range: 'bytes=7-100' }),
    );
    expect(await bodyText(clamped)).toBe('789');
    const error = await sdkError(
      admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'range.bin', Range: 'bytes=10-' })),
    );
    expect(error.name).toBe('InvalidRange');
    expect(error.$metadata.httpStatusCode).toBe(416);
  });

  it('answers 304 to If-None-Match with the current ETag', async () => {
    const put = await admin.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'etag.txt', Body: 'v1' }));
    const error = await sdkError(
      admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'etag.txt', IfNoneMatch: put.ETag })),
    );
    expect(error.$metadata.httpStatusCode).toBe(304);
  });

  it('checks Content-MD5 when sent', async () => {
    const body = Buffer.from('checked');
    const good = createHash('md5').update(body).digest('base64');
    await admin.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'md5.txt', Body: body, ContentMD5: good }));
    const bad = createHash('md5').update('other').digest('base64');
    const error = await sdkError(
      admin.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'md5.txt', Body: body, ContentMD5: bad })),
    );
    expect(error.name).toBe('BadDigest');
    const invalid = await sdkError(
      admin.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'md5.txt', Body: body, ContentMD5: 'not-md5' })),
    );
    expect(invalid.name).toBe('InvalidDigest');
  });

  it('refuses keys longer than 1024 bytes', async () => {
    const error = await sdkError(
      admin.send(new PutObjectCommand({ Bucket: BUCKET, Key: '猫'.repeat(342), Body: 'x' })),
    );
    expect(error.name).toBe('KeyTooLongError');
  });

  it('deletes with 204, then the key is NoSuchKey (404) for a caller who may list', async () => {
    await admin.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'gone.txt', Body: 'bye' }));
    const deleted = await admin.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'gone.txt' }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    const again = await admin.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'gone.txt' }));
    expect(again.$metadata.httpStatusCode).toBe(204);
    const error = await sdkError(admin.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'gone.txt' })));
    expect(error.name).toBe('NoSuchKey');
    expect(error.$metadata.httpStatusCode).toBe(404);
    const head = await sdkError(admin.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'gone.txt' })));
    expect(head.name).toBe('NotFound');
    expect(head.$metadata.httpStatusCode).toBe(404);
  });

  it('answers NoSuchBucket for a bucket that does not exist, and BucketAlreadyOwnedByYou on re-creation', async () => {
    const error = await sdkError(admin.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'k' })));
    expect(error.name).toBe('NoSuchBucket');
    expect(error.$metadata.httpStatusCode).toBe(404);
    const again = await sdkError(admin.send(new CreateBucketCommand({ Bucket: BUCKET })));
    expect(again.name).toBe('BucketAlreadyOwnedByYou');
    const invalid = await signedFetch(emu, {
      method: 'PUT',
      path: '/Invalid_Bucket',
      credentials: adminCredentials(emu),
    });
    expect(invalid.status).toBe(400);
    expect(parseErrorXml(await invalid.text()).Code).toBe('InvalidBucketName');
  });

  it('lets the gallery role read but answers AccessDenied for a missing key in a bucket it cannot list', async () => {
    const role = s3Client(emu, await mintRoleCredentials(emu));
    await admin.send(new PutObjectCommand({ Bucket: OTHER, Key: 'secret.txt', Body: 'no' }));
    const got = await role.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'cats/tama.jpg' }));
    expect(got.ContentType).toBe('image/jpeg');
    const missing = await sdkError(role.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'nothing-here' })));
    expect(missing.name).toBe('NoSuchKey');
    const denied = await sdkError(role.send(new GetObjectCommand({ Bucket: OTHER, Key: 'secret.txt' })));
    expect(denied.name).toBe('AccessDenied');
    expect(denied.message).toBe('Access Denied');
    expect(denied.$metadata.httpStatusCode).toBe(403);
  });

  it('survives a restart: objects and buckets are on disk', async () => {
    await admin.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'persist/猫.txt', Body: 'still here' }));
    await emu.stop();
    const again = await startTestEmulator({ seed: false, dataDir: emu.dataDir, clock: emu.clock });
    emu = again;
    const client = s3Client(again, adminCredentials(again));
    const got = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'persist/猫.txt' }));
    expect(await bodyText(got)).toBe('still here');
  });
});
