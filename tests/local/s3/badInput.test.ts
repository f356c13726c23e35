import http from 'node:http';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { adminCredentials, parseErrorXml, s3Client, signedFetch } from './support';

const BUCKET = 'local-cat-photos';

/** Sends a request with a raw path Node's fetch would normalise. */
function rawRequest(url: string, method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, path });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('S3 bad input', () => {
  let emu: TestEmulator;
  let admin: S3Client;

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false });
    admin = s3Client(emu, adminCredentials(emu));
    await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });
  afterAll(() => emu.dispose());

  const admin$ = (method: string, path: string, headers: Record<string, string> = {}) =>
    signedFetch(emu, { method, path, headers, credentials: adminCredentials(emu) });

  it('answers sub-resources it does not emulate with NotImplemented (501)', async () => {
    for (const path of [`/${BUCKET}?acl`, `/${BUCKET}/k?tagging`, `/${BUCKET}?uploads`, `/${BUCKET}`, '/']) {
      const res = await admin$('GET', path);
      expect(res.status, path).toBe(501);
      expect(parseErrorXml(await res.text()).Code).toBe('NotImplemented');
    }
    const copy = await admin$('PUT', `/${BUCKET}/k`, { 'x-amz-copy-source': `/${BUCKET}/other` });
    expect(copy.status).toBe(501);
  });

  it('answers unknown methods with MethodNotAllowed (405)', async () => {
    const res = await admin$('PATCH', `/${BUCKET}/k`);
    expect(res.status).toBe(405);
    expect(parseErrorXml(await res.text())).toMatchObject({
      Code: 'MethodNotAllowed',
      Method: 'PATCH',
      ResourceType: 'OBJECT',
    });
  });

  it('answers a path that is not valid percent-encoded UTF-8 with InvalidURI', async () => {
    for (const path of [`/${BUCKET}/%FF%FE`, `/${BUCKET}/%E7%8C`, `/${BUCKET}/%zz`]) {
      const res = await rawRequest(emu.url, 'GET', path);
      expect(res.status, path).toBe(400);
      expect(parseErrorXml(res.body).Code).toBe('InvalidURI');
    }
  });

  it('answers malformed Authorization headers and presigned queries with S3 parse errors', async () => {
    const header = await fetch(`${emu.url}/${BUCKET}?list-type=2`, {
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIA/bad', 'x-amz-date': '20260101T000000Z' },
    });
    expect(header.status).toBe(400);
    expect(parseErrorXml(await header.text()).Code).toBe('AuthorizationHeaderMalformed');
    const v2 = await fetch(`${emu.url}/${BUCKET}?list-type=2`, {
      headers: { authorization: 'AWS AKIA:c2ln' },
    });
    expect(parseErrorXml(await v2.text()).Code).toBe('InvalidRequest');
    const query = await fetch(
      `${emu.url}/${BUCKET}/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=nope&X-Amz-Expires=60`,
    );
    expect(query.status).toBe(400);
    expect(parseErrorXml(await query.text()).Code).toBe('AuthorizationQueryParametersError');
    const expires = await fetch(
      `${emu.url}/${BUCKET}/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2F20260101%2Fap-northeast-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=soon&X-Amz-SignedHeaders=host&X-Amz-Signature=00`,
    );
    expect(parseErrorXml(await expires.text()).Message).toBe('X-Amz-Expires should be a number');
  });

  it('refuses a body that does not match its signed x-amz-content-sha256', async () => {
    const body = new TextEncoder().encode('the real body');
    const res = await signedFetch(emu, {
      method: 'PUT',
      path: `/${BUCKET}/hashed`,
      body,
      payloadHash: createHash('sha256').update('another body').digest('hex'),
      credentials: adminCredentials(emu),
    });
    expect(res.status).toBe(400);
    expect(parseErrorXml(await res.text()).Code).toBe('XAmzContentSHA256Mismatch');
    const good = await signedFetch(emu, {
      method: 'PUT',
      path: `/${BUCKET}/hashed`,
      body,
      payloadHash: createHash('sha256').update(body).digest('hex'),
      credentials: adminCredentials(emu),
    });
    expect(good.status).toBe(200);
    const streaming = await signedFetch(emu, {
      method: 'PUT',
      path: `/${BUCKET}/hashed`,
      body,
      payloadHash: 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      credentials: adminCredentials(emu),
    });
    expect(streaming.status).toBe(501);
    await admin.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'hashed' }));
  });

  it('keeps serving after all of it', async () => {
    const out = await admin.send(new ListObjectsV2Command({ Bucket: BUCKET }));
    expect(out.KeyCount).toBe(0);
  });
});
