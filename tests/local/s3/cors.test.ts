import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { BUCKETS_COLLECTION, type BucketRecord } from '../../../local/s3/objects';
import { adminCredentials, mintRoleCredentials, parseErrorXml, s3Client, signedFetch } from './support';

const BUCKET = 'local-cat-photos';
const NO_CORS = 'bucket-without-cors';
const APP = 'http://127.0.0.1:5173';
/** What a browser asks before Amplify's signed GET. */
const AMPLIFY_HEADERS =
  'authorization,x-amz-content-sha256,x-amz-date,x-amz-security-token,x-amz-user-agent,cache-control';

describe('S3 CORS', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false });
    const admin = s3Client(emu, adminCredentials(emu));
    await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await admin.send(new CreateBucketCommand({ Bucket: NO_CORS }));
    await admin.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'cat.jpg', Body: 'meow', ContentType: 'image/jpeg' }),
    );
    const record = emu.deps.store.get<BucketRecord>(BUCKETS_COLLECTION, NO_CORS);
    if (!record) throw new Error('bucket missing');
    await emu.deps.store.put(BUCKETS_COLLECTION, NO_CORS, { ...record, corsRules: [] });
  });
  afterAll(() => emu.dispose());

  const preflight = (path: string, headers: Record<string, string>) =>
    fetch(`${emu.url}${path}`, { method: 'OPTIONS', headers });

  it('allows the app origin to GET with the headers Amplify signs', async () => {
    const res = await preflight(`/${BUCKET}/cat.jpg`, {
      origin: APP,
      'access-control-request-method': 'GET',
      'access-control-request-headers': AMPLIFY_HEADERS,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    expect(res.headers.get('access-control-allow-headers')).toBe(AMPLIFY_HEADERS.split(',').join(', '));
    expect(res.headers.get('access-control-max-age')).toBe('3000');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-amz-request-id');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('refuses another origin, or a method no rule allows, with 403 AccessForbidden', async () => {
    const origin = await preflight(`/${BUCKET}/cat.jpg`, {
      origin: 'http://evil.example',
      'access-control-request-method': 'GET',
    });
    expect(origin.status).toBe(403);
    expect(origin.headers.get('access-control-allow-origin')).toBeNull();
    const error = parseErrorXml(await origin.text());
    expect(error.Code).toBe('AccessForbidden');
    expect(error.Message).toMatch(/^CORSResponse: This CORS request is not allowed/);
    const method = await preflight(`/${BUCKET}/cat.jpg`, {
      origin: APP,
      'access-control-request-method': 'PUT',
    });
    expect(method.status).toBe(403);
    expect(parseErrorXml(await method.text())).toMatchObject({ Method: 'PUT', ResourceType: 'OBJECT' });
  });

  it('answers "CORS is not enabled for this bucket" when the bucket has no rules', async () => {
    const res = await preflight(`/${NO_CORS}/x`, { origin: APP, 'access-control-request-method': 'GET' });
    expect(res.status).toBe(403);
    expect(parseErrorXml(await res.text()).Message).toBe(
      'CORSResponse: CORS is not enabled for this bucket.',
    );
  });

  it('needs an Origin header', async () => {
    const res = await preflight(`/${BUCKET}/cat.jpg`, { 'access-control-request-method': 'GET' });
    expect(res.status).toBe(400);
  });

  it('adds the Access-Control headers to actual responses, errors included', async () => {
    const role = await mintRoleCredentials(emu);
    const ok = await signedFetch(emu, {
      method: 'GET',
      path: `/${BUCKET}/cat.jpg`,
      credentials: role,
      headers: { origin: APP, 'x-amz-security-token': role.sessionToken },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(APP);
    expect(ok.headers.get('access-control-expose-headers')).toBe(
      'ETag, Content-Length, Content-Type, Content-Range, Date, x-amz-request-id',
    );
    const denied = await fetch(`${emu.url}/${BUCKET}/cat.jpg`, { headers: { origin: APP } });
    expect(denied.status).toBe(403);
    expect(denied.headers.get('access-control-allow-origin')).toBe(APP);
    const missing = await signedFetch(emu, {
      method: 'GET',
      path: `/${BUCKET}/nope.jpg`,
      credentials: role,
      headers: { origin: APP, 'x-amz-security-token': role.sessionToken },
    });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe(APP);
    const foreign = await fetch(`${emu.url}/${BUCKET}/cat.jpg`, {
      headers: { origin: 'http://evil.example' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect(foreign.headers.get('vary')).toContain('Origin');
  });
});
