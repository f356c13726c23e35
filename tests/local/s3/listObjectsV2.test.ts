import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { ensureBucket, putObjectRecord } from '../../../local/s3/objects';
import { adminCredentials, parseErrorXml, s3Client, sdkError, signedFetch } from './support';

const BUCKET = 'local-dog-photos';
const ENCODED_BUCKET = 'encoded-keys';

/** Keys chosen so that UTF-8 byte order differs from UTF-16 order (U+FF5E vs U+1F436). */
const KEYS = [
  'a.jpg',
  'b/1.jpg',
  'b/2.jpg',
  'b/c/3.jpg',
  'c.jpg',
  'd/4.jpg',
  'e.jpg',
  'z/～.jpg',
  'z/🐶.jpg',
];

describe('S3 ListObjectsV2', () => {
  let emu: TestEmulator;
  let admin: S3Client;

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false });
    admin = s3Client(emu, adminCredentials(emu));
    await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await admin.send(new CreateBucketCommand({ Bucket: ENCODED_BUCKET }));
    // Written in reverse so that insertion order cannot pass for sorted order.
    for (const key of [...KEYS].reverse()) {
      await admin.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key, ContentType: 'image/jpeg' }),
      );
    }
  });
  afterAll(() => emu.dispose());

  it('lists every key in UTF-8 binary order with S3 fields', async () => {
    const out = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(out.Contents?.map((c) => c.Key)).toEqual(KEYS);
    expect(out).toMatchObject({
      Name: BUCKET,
      Prefix: '',
      KeyCount: KEYS.length,
      MaxKeys: 1000,
      IsTruncated: false,
    });
    expect(out.NextContinuationToken).toBeUndefined();
    expect(out.Delimiter).toBeUndefined();
    expect(out.StartAfter).toBeUndefined();
    expect(out.ContinuationToken).toBeUndefined();
    expect(out.EncodingType).toBeUndefined();
    const first = out.Contents?.[0];
    expect(first).toMatchObject({ Key: 'a.jpg', Size: 5, StorageClass: 'STANDARD' });
    expect(first?.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    expect(first?.LastModified).toBeInstanceOf(Date);
  });

  it('pages with max-keys and continuation tokens to the last page', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await admin.send(
        new ListObjectsV2Command({ Bucket: BUCKET, MaxKeys: 2, ContinuationToken: token }),
      );
      pages++;
      expect(out.MaxKeys).toBe(2);
      expect(out.ContinuationToken).toBe(token);
      expect(out.KeyCount).toBe(out.Contents?.length ?? 0);
      expect(out.IsTruncated).toBe(out.NextContinuationToken !== undefined);
      seen.push(...(out.Contents ?? []).map((c) => c.Key ?? ''));
      token = out.NextContinuationToken;
    } while (token);
    expect(seen).toEqual(KEYS);
    expect(pages).toBe(5);
  });

  it('starts after a key, and ignores start-after once a continuation token is given', async () => {
    const out = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET, StartAfter: 'c.jpg' }));
    expect(out.StartAfter).toBe('c.jpg');
    expect(out.Contents?.map((c) => c.Key)).toEqual(['d/4.jpg', 'e.jpg', 'z/～.jpg', 'z/🐶.jpg']);
    const page1 = await admin.send(
      new ListObjectsV2Command({ Bucket: BUCKET, StartAfter: 'b/2.jpg', MaxKeys: 1 }),
    );
    expect(page1.Contents?.map((c) => c.Key)).toEqual(['b/c/3.jpg']);
    const page2 = await admin.send(
      new ListObjectsV2Command({
        Bucket: BUCKET,
        StartAfter: 'b/2.jpg',
        MaxKeys: 1,
        ContinuationToken: page1.NextContinuationToken,
      }),
    );
    expect(page2.Contents?.map((c) => c.Key)).toEqual(['c.jpg']);
  });

  it('rolls keys up into CommonPrefixes with a delimiter, each counting against max-keys', async () => {
    const out = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET, Delimiter: '/' }));
    expect(out.Delimiter).toBe('/');
    expect(out.Contents?.map((c) => c.Key)).toEqual(['a.jpg', 'c.jpg', 'e.jpg']);
    expect(out.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['b/', 'd/', 'z/']);
    expect(out.KeyCount).toBe(6);

    const entries: string[] = [];
    let token: string | undefined;
    do {
      const page = await admin.send(
        new ListObjectsV2Command({ Bucket: BUCKET, Delimiter: '/', MaxKeys: 2, ContinuationToken: token }),
      );
      expect(page.KeyCount).toBe((page.Contents?.length ?? 0) + (page.CommonPrefixes?.length ?? 0));
      expect(page.KeyCount).toBeLessThanOrEqual(2);
      entries.push(
        ...(page.Contents ?? []).map((c) => c.Key ?? ''),
        ...(page.CommonPrefixes ?? []).map((p) => p.Prefix ?? ''),
      );
      token = page.NextContinuationToken;
    } while (token);
    expect(entries.sort()).toEqual(['a.jpg', 'b/', 'c.jpg', 'd/', 'e.jpg', 'z/']);

    const nested = await admin.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'b/', Delimiter: '/' }),
    );
    expect(nested.Prefix).toBe('b/');
    expect(nested.Contents?.map((c) => c.Key)).toEqual(['b/1.jpg', 'b/2.jpg']);
    expect(nested.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['b/c/']);
  });

  it('answers an empty page for a prefix nothing has', async () => {
    const out = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'nothing/' }));
    expect(out).toMatchObject({ KeyCount: 0, IsTruncated: false, Prefix: 'nothing/' });
    expect(out.Contents).toBeUndefined();
  });

  it('URL-encodes keys, prefixes and the delimiter with encoding-type=url', async () => {
    const keys = ['写真/たま 1.jpg', '写真/a+b.jpg', '写真/100%.jpg', '写真/sub dir/x.jpg'];
    for (const key of keys)
      await putObjectRecord(emu.deps, ENCODED_BUCKET, key, Buffer.from(key), 'image/jpeg');
    const res = await signedFetch(emu, {
      method: 'GET',
      path: `/${ENCODED_BUCKET}?list-type=2&encoding-type=url&prefix=${encodeURIComponent('写真/')}&delimiter=%2F&start-after=${encodeURIComponent('写真/ ')}`,
      credentials: adminCredentials(emu),
    });
    const xml = await res.text();
    expect(res.status).toBe(200);
    expect(xml).toContain('<EncodingType>url</EncodingType>');
    expect(xml).toContain('<Prefix>%E5%86%99%E7%9C%9F/</Prefix>');
    expect(xml).toContain('<Delimiter>/</Delimiter>');
    expect(xml).toContain('<StartAfter>%E5%86%99%E7%9C%9F/+</StartAfter>');
    expect(xml).toContain('<Key>%E5%86%99%E7%9C%9F/%E3%81%9F%E3%81%BE+1.jpg</Key>');
    expect(xml).toContain('<Key>%E5%86%99%E7%9C%9F/a%2Bb.jpg</Key>');
    expect(xml).toContain('<Key>%E5%86%99%E7%9C%9F/100%25.jpg</Key>');
    expect(xml).toContain('<CommonPrefixes><Prefix>%E5%86%99%E7%9C%9F/sub+dir/</Prefix></CommonPrefixes>');
    // What Amplify does with each value: decodeURIComponent after + → space.
    const decoded = [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) =>
      decodeURIComponent((m[1] ?? '').replace(/\+/g, ' ')),
    );
    expect(decoded.sort()).toEqual(['写真/100%.jpg', '写真/a+b.jpg', '写真/たま 1.jpg']);
  });

  it('refuses bad max-keys and continuation tokens with InvalidArgument, then keeps serving', async () => {
    for (const value of ['abc', '1.5', '99999999999']) {
      const res = await signedFetch(emu, {
        method: 'GET',
        path: `/${BUCKET}?list-type=2&max-keys=${value}`,
        credentials: adminCredentials(emu),
      });
      expect(res.status).toBe(400);
      expect(parseErrorXml(await res.text())).toMatchObject({
        Code: 'InvalidArgument',
        ArgumentName: 'max-keys',
        ArgumentValue: value,
      });
    }
    const negative = await sdkError(admin.send(new ListObjectsV2Command({ Bucket: BUCKET, MaxKeys: -1 })));
    expect(negative.name).toBe('InvalidArgument');
    const token = await sdkError(
      admin.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: 'garbage!' })),
    );
    expect(token.name).toBe('InvalidArgument');
    expect(token.message).toBe('The continuation token provided is incorrect');
    const forged = Buffer.from('{"v":9}').toString('base64url');
    expect(
      (await sdkError(admin.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: forged }))))
        .name,
    ).toBe('InvalidArgument');
    const encoding = await signedFetch(emu, {
      method: 'GET',
      path: `/${BUCKET}?list-type=2&encoding-type=base64`,
      credentials: adminCredentials(emu),
    });
    expect(parseErrorXml(await encoding.text()).Code).toBe('InvalidArgument');
    const healthy = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET, MaxKeys: 1 }));
    expect(healthy.KeyCount).toBe(1);
  });

  it('caps a page at 1000 entries whatever max-keys asks', async () => {
    const bucket = 'big-bucket';
    await ensureBucket(emu.deps, bucket);
    const body = Buffer.from('x');
    const keys = Array.from({ length: 1_100 }, (_, i) => `photos/${String(i).padStart(5, '0')}.jpg`);
    for (let i = 0; i < keys.length; i += 250) {
      await Promise.all(
        keys.slice(i, i + 250).map((key) => putObjectRecord(emu.deps, bucket, key, body, 'image/jpeg')),
      );
    }
    const first = await admin.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 5000 }));
    expect(first).toMatchObject({ MaxKeys: 5000, KeyCount: 1000, IsTruncated: true });
    const last = await admin.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        MaxKeys: 5000,
        ContinuationToken: first.NextContinuationToken,
      }),
    );
    expect(last).toMatchObject({ KeyCount: 100, IsTruncated: false });
    expect(last.Contents?.at(-1)?.Key).toBe('photos/01099.jpg');
  });
});
