import { readFile } from 'node:fs/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type ListObjectsV2CommandOutput,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_BUCKET, ConfigError, loadConfig } from '../../../local/config';
import { SEED_IMAGES_DIR } from '../../../local/seed/manifest';
import { compareUtf8 } from '../../../local/s3/keyIndex';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { demoSession, failure } from '../faults/support';

const COUNT = 20_000;

async function listAll(s3: S3Client, input: { Prefix?: string } = {}): Promise<{ keys: string[]; pages: number }> {
  const keys: string[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const page: ListObjectsV2CommandOutput = await s3.send(
      new ListObjectsV2Command({ Bucket: BULK_BUCKET, ContinuationToken: token, ...input }),
    );
    pages += 1;
    keys.push(...(page.Contents ?? []).map((c) => c.Key ?? ''));
    token = page.NextContinuationToken;
  } while (token);
  return { keys, pages };
}

/** LOCAL_AWS_BULK_OBJECTS: a bucket of 20,000 generated objects, read through the identity pool's role. */
describe('bulk gallery (very large bucket)', () => {
  let emu: TestEmulator;
  let role: S3Client;
  let admin: S3Client;
  const env = { LOCAL_AWS_BULK_OBJECTS: String(COUNT) };

  beforeAll(async () => {
    const started = performance.now();
    emu = await startTestEmulator({ env });
    console.log(`bulk gallery: emulator with ${COUNT} objects started in ${Math.round(performance.now() - started)} ms`);
    const { credentials } = await demoSession(emu);
    const base = { endpoint: emu.url, region: emu.config.region, forcePathStyle: true, maxAttempts: 1 };
    role = new S3Client({ ...base, credentials });
    admin = new S3Client({ ...base, credentials: emu.config.admin });
  }, 60_000);
  afterAll(async () => {
    role.destroy();
    admin.destroy();
    await emu.dispose();
  });

  it('is off by default: the world is cat and dog only', () => {
    expect(loadConfig({}).buckets).toEqual({ cat: 'local-cat-photos', dog: 'local-dog-photos' });
    expect(() => loadConfig({ LOCAL_AWS_BULK_OBJECTS: 'many' })).toThrow(ConfigError);
    expect(() => loadConfig({ LOCAL_AWS_BULK_OBJECTS: '200001' })).toThrow(/LOCAL_AWS_BULK_OBJECTS/);
  });

  it('appears in /_local/config as the bulk gallery', async () => {
    const doc = (await (await fetch(`${emu.url}/_local/config`)).json()) as { buckets: Record<string, string> };
    expect(doc.buckets).toEqual({ cat: 'local-cat-photos', dog: 'local-dog-photos', bulk: BULK_BUCKET });
  });

  it('lists all 20,000 objects page by page to the role, in S3 order, about a tenth not images', { timeout: 120_000 }, async () => {
    const started = performance.now();
    const { keys, pages } = await listAll(role);
    console.log(`bulk gallery: listed ${keys.length} keys in ${pages} pages in ${Math.round(performance.now() - started)} ms`);
    expect(keys.length).toBe(COUNT);
    expect(pages).toBe(COUNT / 1000);
    expect(new Set(keys).size).toBe(COUNT);
    expect([...keys].sort(compareUtf8)).toEqual(keys);
    expect(keys.filter((k) => /\.(txt|json)$/.test(k)).length).toBe(COUNT / 10);
    expect(keys.every((k) => /^20(23|24)\/(0[1-9]|1[0-2])\/(cat|dog|notes)-\d{6}\.(jpg|png|webp|txt|json)$/.test(k))).toBe(true);
  });

  it('pages by prefix and rolls folders up with a delimiter', async () => {
    const top = await role.send(new ListObjectsV2Command({ Bucket: BULK_BUCKET, Delimiter: '/' }));
    expect(top.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['2023/', '2024/']);
    const may = await listAll(role, { Prefix: '2024/05/' });
    expect(may.keys.length).toBeGreaterThan(700);
    expect(may.keys.every((k) => k.startsWith('2024/05/'))).toBe(true);
  });

  it('serves a generated object with the seed picture as body, ETag and ranges as S3 does', async () => {
    const first = await role.send(new ListObjectsV2Command({ Bucket: BULK_BUCKET, MaxKeys: 1 }));
    const entry = first.Contents?.[0];
    const key = entry?.Key ?? '';
    expect(key).toBe('2023/01/cat-000000.jpg');
    const object = await role.send(new GetObjectCommand({ Bucket: BULK_BUCKET, Key: key }));
    const body = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
    expect(body.equals(await readFile(`${SEED_IMAGES_DIR}/cat/mochi-tabby.jpg`))).toBe(true);
    expect(object.ContentType).toBe('image/jpeg');
    expect(object.ETag).toBe(entry?.ETag);
    const range = await role.send(new GetObjectCommand({ Bucket: BULK_BUCKET, Key: key, Range: 'bytes=0-9' }));
    expect(range.ContentRange).toBe(`bytes 0-9/${body.length}`);
  });

  it('the role may only read it; admin writes and deletes shadow generated keys and survive a restart', { timeout: 60_000 }, async () => {
    const denied = await failure(role.send(new PutObjectCommand({ Bucket: BULK_BUCKET, Key: 'x.txt', Body: 'x' })));
    expect(denied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    await admin.send(new PutObjectCommand({ Bucket: BULK_BUCKET, Key: '2024/05/added.txt', Body: 'added', ContentType: 'text/plain' }));
    await admin.send(new PutObjectCommand({ Bucket: BULK_BUCKET, Key: '2023/01/cat-000000.jpg', Body: 'replaced' }));
    await admin.send(new DeleteObjectCommand({ Bucket: BULK_BUCKET, Key: '2023/01/dog-000001.jpg' }));

    await emu.stop();
    emu = await startTestEmulator({ env, dataDir: emu.dataDir });
    const { credentials } = await demoSession(emu);
    role.destroy();
    role = new S3Client({ endpoint: emu.url, region: emu.config.region, forcePathStyle: true, maxAttempts: 1, credentials });

    const { keys } = await listAll(role);
    expect(keys.length).toBe(COUNT);
    expect(keys).toContain('2024/05/added.txt');
    expect(keys).not.toContain('2023/01/dog-000001.jpg');
    const replaced = await role.send(new GetObjectCommand({ Bucket: BULK_BUCKET, Key: '2023/01/cat-000000.jpg' }));
    expect(await replaced.Body?.transformToString()).toBe('replaced');
    expect(await failure(role.send(new GetObjectCommand({ Bucket: BULK_BUCKET, Key: '2023/01/dog-000001.jpg' })))).toMatchObject({
      name: 'NoSuchKey',
    });
  });
});
