import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from './support/startTestEmulator';

describe('emulator server', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false });
  });
  afterAll(() => emu.dispose());

  it('listens on 127.0.0.1 and reports health', async () => {
    expect(emu.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${emu.url}/_local/health`);
    expect(res.status).toBe(200);
  });

  it('serves the local config document with the real endpoint', async () => {
    const body = (await (await fetch(`${emu.url}/_local/config`)).json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      region: 'ap-northeast-1',
      endpoint: emu.url,
      userPoolId: emu.config.userPoolId,
      userPoolClientId: emu.config.userPoolClientId,
      identityPoolId: emu.config.identityPoolId,
      buckets: { cat: 'local-cat-photos', dog: 'local-dog-photos' },
      refreshTokenValiditySeconds: 2_592_000,
    });
  });

  it('publishes two RS256 keys at the JWKS path', async () => {
    const res = await fetch(`${emu.url}/${emu.config.userPoolId}/.well-known/jwks.json`);
    const { keys } = (await res.json()) as { keys: { kid: string; alg: string; kty: string; d?: string }[] };
    expect(keys).toHaveLength(2);
    expect(new Set(keys.map((k) => k.kid)).size).toBe(2);
    for (const key of keys) {
      expect(key).toMatchObject({ alg: 'RS256', kty: 'RSA' });
      expect(key.d).toBeUndefined();
    }
  });

  it('answers an unknown target with UnknownOperationException and keeps serving', async () => {
    const res = await fetch(emu.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'NoSuchService.Foo' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('UnknownOperationException:');
    expect(((await res.json()) as { __type: string }).__type).toBe('UnknownOperationException');
    expect((await fetch(`${emu.url}/_local/health`)).status).toBe(200);
  });

  it('answers Cognito preflights with the headers Amplify sends', async () => {
    const res = await fetch(emu.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'cache-control,content-type,x-amz-target,x-amz-user-agent',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('x-amz-user-agent');
    expect(res.headers.get('access-control-expose-headers')).toContain('x-amzn-ErrorType');
  });

  it('refuses an oversized body with an AWS-shaped error', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(`${emu.url}/local-cat-photos/big.bin`, {
        method: 'PUT',
        headers: { 'content-length': String(65 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(status).toBe(413);
    expect(body).toContain('<Code>EntityTooLarge</Code>');
    expect((await fetch(`${emu.url}/_local/health`)).status).toBe(200);
  });
});
