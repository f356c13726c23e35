import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { demoSession, failure, faultApi } from './support';

const ORIGIN = 'http://127.0.0.1:5173';

/** Faults on S3, met by the real S3Client with the identity pool's role credentials, and by a browser-like fetch. */
describe('fault injection: S3', () => {
  let emu: TestEmulator;
  let api: ReturnType<typeof faultApi>;
  let s3: S3Client;
  let retrying: S3Client;
  let cat = '';
  let dog = '';

  beforeAll(async () => {
    emu = await startTestEmulator();
    api = faultApi(emu);
    const { credentials } = await demoSession(emu);
    const base = { endpoint: emu.url, region: emu.config.region, forcePathStyle: true, credentials };
    s3 = new S3Client({ ...base, maxAttempts: 1 });
    retrying = new S3Client({ ...base, maxAttempts: 3 });
    cat = emu.config.buckets.cat ?? '';
    dog = emu.config.buckets.dog ?? '';
  });
  afterEach(async () => {
    await api.clear();
  });
  afterAll(async () => {
    s3.destroy();
    retrying.destroy();
    await emu.dispose();
  });

  const list = (bucket: string, client = s3) => client.send(new ListObjectsV2Command({ Bucket: bucket }));

  it('throttle is S3 SlowDown 503; 500 InternalError; 503 ServiceUnavailable; a chosen code with its status', async () => {
    await api.add({ service: 's3', action: 'ListObjectsV2', fault: 'throttle', count: 1 });
    await api.add({ service: 's3', action: 'ListObjectsV2', fault: '500', count: 1 });
    await api.add({ service: 's3', action: 'ListObjectsV2', fault: '503', count: 1 });
    await api.add({ service: 's3', action: 'ListObjectsV2', fault: 'AccessDenied', status: 403, message: 'Access Denied', count: 1 });
    const expected = [
      { name: 'SlowDown', status: 503, message: 'Please reduce your request rate.' },
      { name: 'InternalError', status: 500, message: 'We encountered an internal error. Please try again.' },
      { name: 'ServiceUnavailable', status: 503, message: 'Service is unable to handle request.' },
      { name: 'AccessDenied', status: 403, message: 'Access Denied' },
    ];
    for (const { name, status, message } of expected) {
      expect(await failure(list(cat))).toMatchObject({ name, message, $metadata: { httpStatusCode: status } });
    }
    expect((await list(cat)).KeyCount).toBeGreaterThan(0);
  });

  it('a bucket selector faults one gallery and leaves the other browsing', async () => {
    await api.add({ service: 's3', action: 'ListObjectsV2', bucket: cat, fault: '503' });
    expect(await failure(list(cat))).toMatchObject({ name: 'ServiceUnavailable' });
    expect((await list(dog)).KeyCount).toBeGreaterThan(0);
    expect(await failure(list(cat))).toMatchObject({ name: 'ServiceUnavailable' });
  });

  it("the S3 client's own retry gets through two SlowDowns", async () => {
    await api.resetStats();
    await api.add({ service: 's3', action: 'ListObjectsV2', fault: 'throttle', count: 2 });
    const page = await list(cat, retrying);
    expect(page.KeyCount).toBeGreaterThan(0);
    expect(page.$metadata.attempts).toBe(3);
    const stats = await api.stats();
    expect(stats.buckets[cat]).toEqual({ ListObjectsV2: 3 });
    expect(stats.faulted.s3).toEqual({ ListObjectsV2: 2 });
  });

  it('a presigned GetObject fault carries the bucket CORS headers, so a browser can read it', async () => {
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: cat, Key: 'mochi-tabby.jpg' }), { expiresIn: 300 });
    await api.add({ service: 's3', action: 'GetObject', fault: '503', count: 1 });
    const faulted = await fetch(url, { headers: { origin: ORIGIN } });
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await faulted.text()).toMatch(/<Error><Code>ServiceUnavailable<\/Code>/);
    const served = await fetch(url, { headers: { origin: ORIGIN } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
  });

  it('HEAD meets the fault status with no body', async () => {
    await api.add({ service: 's3', action: 'HeadObject', fault: 'throttle', count: 1 });
    expect(await failure(s3.send(new HeadObjectCommand({ Bucket: cat, Key: 'mochi-tabby.jpg' })))).toMatchObject({
      $metadata: { httpStatusCode: 503 },
    });
  });

  it('reset drops a GetObject connection; latency slows a list and then serves it', async () => {
    const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: dog, Key: 'max-golden.jpg' }), { expiresIn: 300 });
    await api.add({ service: 's3', action: 'GetObject', fault: 'reset', count: 1 });
    await expect(fetch(url)).rejects.toThrow(TypeError);
    expect((await fetch(url)).status).toBe(200);

    await api.add({ service: 's3', action: 'ListObjectsV2', fault: 'latency', latencyMs: 300, count: 1 });
    const started = performance.now();
    expect((await list(dog)).KeyCount).toBeGreaterThan(0);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});
