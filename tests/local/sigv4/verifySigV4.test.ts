import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { SigV4Failure, verifySigV4 } from '../../../local/sigv4/verifySigV4';
import type { LocalRequest } from '../../../local/http/types';
import { CREDENTIALS_COLLECTION, type TemporaryCredentials } from '../../../local/iam/credentials';

/** Turns what the SDK signer produced into the request the emulator's server would hand a service. */
function toLocal(signed: HttpRequest): LocalRequest {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(signed.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== null) query.append(name, v);
  }
  const rawQuery = query.toString().replace(/\+/g, '%20');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) headers[name.toLowerCase()] = value;
  const body = signed.body === undefined ? Buffer.alloc(0) : Buffer.from(signed.body as string);
  return {
    method: signed.method,
    rawPath: signed.path,
    rawQuery,
    query: new URLSearchParams(rawQuery),
    headers,
    body,
    origin: `http://${headers.host}`,
    requestId: 'test',
  };
}

async function failure(promise: Promise<unknown>): Promise<SigV4Failure> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SigV4Failure)) throw new Error(`expected a SigV4Failure, got ${String(error)}`);
  return error;
}

describe('verifySigV4', () => {
  let emu: TestEmulator;
  const host = '127.0.0.1:4566';
  const role: TemporaryCredentials = {
    accessKeyId: 'ASIALOCALTEST0000001',
    secretAccessKey: 'role-secret',
    sessionToken: 'session-token-1',
    expiration: 0,
    identityId: 'ap-northeast-1:test',
    roleArn: 'arn:aws:iam::000000000000:role/gallery-authenticated-role',
  };

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false });
    await emu.deps.store.put(CREDENTIALS_COLLECTION, role.accessKeyId, {
      ...role,
      expiration: emu.clock.now() + 3_600_000,
    });
  });
  afterAll(() => emu.dispose());

  function signer(
    service: string,
    credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  ) {
    // No x-amz-content-sha256 on JSON requests: the body then enters the signature through its own hash.
    return new SignatureV4({
      service,
      region: emu.config.region,
      credentials,
      sha256: Sha256,
      uriEscapePath: service !== 's3',
      applyChecksum: false,
    });
  }
  const admin = () => ({ ...emu.config.admin });
  const base = (): HttpRequest => ({
    method: 'POST',
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4566,
    path: '/',
    query: {},
    headers: {
      host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.AdminGetUser',
    },
    body: '{"UserPoolId":"p","Username":"u"}',
  });

  it('accepts a header-signed JSON request and returns the admin principal', async () => {
    const signed = await signer('cognito-idp', admin()).sign(base(), {
      signingDate: new Date(emu.clock.now()),
    });
    const principal = await verifySigV4(emu.deps, toLocal(signed), { service: 'cognito-idp' });
    expect(principal.kind).toBe('admin');
  });

  it('refuses a tampered body, a wrong secret, an unknown key and a missing header', async () => {
    const date = new Date(emu.clock.now());
    const signed = toLocal(await signer('cognito-idp', admin()).sign(base(), { signingDate: date }));
    expect(
      (
        await failure(
          verifySigV4(emu.deps, { ...signed, body: Buffer.from('{}') }, { service: 'cognito-idp' }),
        )
      ).reason,
    ).toBe('signature-mismatch');
    const wrong = toLocal(
      await signer('cognito-idp', { ...admin(), secretAccessKey: 'nope' }).sign(base(), {
        signingDate: date,
      }),
    );
    expect((await failure(verifySigV4(emu.deps, wrong, { service: 'cognito-idp' }))).reason).toBe(
      'signature-mismatch',
    );
    const unknown = toLocal(
      await signer('cognito-idp', { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' }).sign(base(), {
        signingDate: date,
      }),
    );
    expect((await failure(verifySigV4(emu.deps, unknown, { service: 'cognito-idp' }))).reason).toBe(
      'unknown-access-key',
    );
    const { authorization: _dropped, ...unsigned } = signed.headers;
    expect(
      (await failure(verifySigV4(emu.deps, { ...signed, headers: unsigned }, { service: 'cognito-idp' })))
        .reason,
    ).toBe('missing');
    expect(
      (
        await failure(
          verifySigV4(
            emu.deps,
            { ...signed, headers: { ...signed.headers, authorization: 'AWS AKIA:abc' } },
            { service: 'cognito-idp' },
          ),
        )
      ).reason,
    ).toBe('unsupported-algorithm');
    expect(
      (
        await failure(
          verifySigV4(
            emu.deps,
            { ...signed, headers: { ...signed.headers, authorization: 'AWS4-HMAC-SHA256 Credential=x' } },
            { service: 'cognito-idp' },
          ),
        )
      ).reason,
    ).toBe('malformed');
  });

  it('refuses another service or region in the scope', async () => {
    const signed = toLocal(
      await signer('cognito-idp', admin()).sign(base(), { signingDate: new Date(emu.clock.now()) }),
    );
    expect((await failure(verifySigV4(emu.deps, signed, { service: 's3' }))).reason).toBe('malformed');
    expect(
      (await failure(verifySigV4(emu.deps, signed, { service: 'cognito-idp', region: 'us-east-1' }))).reason,
    ).toBe('wrong-region');
  });

  it('refuses requests signed more than 15 minutes away from the clock', async () => {
    const early = toLocal(
      await signer('cognito-idp', admin()).sign(base(), {
        signingDate: new Date(emu.clock.now() - 16 * 60_000),
      }),
    );
    expect((await failure(verifySigV4(emu.deps, early, { service: 'cognito-idp' }))).reason).toBe(
      'time-skewed',
    );
    const late = toLocal(
      await signer('cognito-idp', admin()).sign(base(), {
        signingDate: new Date(emu.clock.now() + 16 * 60_000),
      }),
    );
    expect((await failure(verifySigV4(emu.deps, late, { service: 'cognito-idp' }))).reason).toBe(
      'time-skewed',
    );
    const near = toLocal(
      await signer('cognito-idp', admin()).sign(base(), {
        signingDate: new Date(emu.clock.now() - 14 * 60_000),
      }),
    );
    expect((await verifySigV4(emu.deps, near, { service: 'cognito-idp' })).kind).toBe('admin');
  });

  it('checks session tokens of temporary credentials', async () => {
    const date = new Date(emu.clock.now());
    const ok = toLocal(await signer('cognito-idp', role).sign(base(), { signingDate: date }));
    expect((await verifySigV4(emu.deps, ok, { service: 'cognito-idp' })).kind).toBe('role');
    const noToken = toLocal(
      await signer('cognito-idp', { ...role, sessionToken: undefined }).sign(base(), { signingDate: date }),
    );
    expect((await failure(verifySigV4(emu.deps, noToken, { service: 'cognito-idp' }))).reason).toBe(
      'token-missing',
    );
    const badToken = toLocal(
      await signer('cognito-idp', { ...role, sessionToken: 'other' }).sign(base(), { signingDate: date }),
    );
    expect((await failure(verifySigV4(emu.deps, badToken, { service: 'cognito-idp' }))).reason).toBe(
      'token-invalid',
    );
    const adminWithToken = toLocal(
      await signer('cognito-idp', { ...admin(), sessionToken: 'x' }).sign(base(), { signingDate: date }),
    );
    expect((await failure(verifySigV4(emu.deps, adminWithToken, { service: 'cognito-idp' }))).reason).toBe(
      'token-invalid',
    );
  });

  it('refuses expired temporary credentials with token-expired', async () => {
    await emu.deps.store.put(CREDENTIALS_COLLECTION, 'ASIAEXPIRED000000001', {
      ...role,
      accessKeyId: 'ASIAEXPIRED000000001',
      expiration: emu.clock.now() - 1,
    });
    const signed = toLocal(
      await signer('cognito-idp', { ...role, accessKeyId: 'ASIAEXPIRED000000001' }).sign(base(), {
        signingDate: new Date(emu.clock.now()),
      }),
    );
    expect((await failure(verifySigV4(emu.deps, signed, { service: 'cognito-idp' }))).reason).toBe(
      'token-expired',
    );
  });

  it('verifies presigned queries, their expiry and their one-week limit', async () => {
    const get: HttpRequest = {
      method: 'GET',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4566,
      path: '/b/a%20key',
      query: { 'x-id': 'GetObject' },
      headers: { host },
    };
    // What @aws-sdk/s3-request-presigner does before presigning: the hash is hoisted into the query.
    get.headers['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
    const now = emu.clock.now();
    const presigned = toLocal(
      await signer('s3', role).presign(get, { signingDate: new Date(now), expiresIn: 60 }),
    );
    expect((await verifySigV4(emu.deps, presigned, { service: 's3' })).kind).toBe('role');
    emu.clock.advance(61_000);
    const expired = await failure(verifySigV4(emu.deps, presigned, { service: 's3' }));
    expect(expired.reason).toBe('presign-expired');
    expect(expired.details.expiresAt).toBe(Math.floor(now / 1000) * 1000 + 60_000);
    emu.clock.advance(-61_000);
    const tooLong = toLocal(
      await signer('s3', role).presign(get, { signingDate: new Date(now), expiresIn: 60 }),
    );
    tooLong.query.set('X-Amz-Expires', '604801');
    expect((await failure(verifySigV4(emu.deps, tooLong, { service: 's3' }))).reason).toBe(
      'presign-expires-too-large',
    );
    const future = toLocal(
      await signer('s3', role).presign(get, { signingDate: new Date(now + 20 * 60_000), expiresIn: 60 }),
    );
    expect((await failure(verifySigV4(emu.deps, future, { service: 's3' }))).reason).toBe('not-yet-valid');
  });

  it('accepts an alternate signing target only when it was really signed for it', async () => {
    const get: HttpRequest = {
      method: 'GET',
      protocol: 'https:',
      hostname: 'b.s3.ap-northeast-1.amazonaws.com',
      path: '/k',
      query: {},
      headers: { host: 'b.s3.ap-northeast-1.amazonaws.com', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    };
    const signed = toLocal(await signer('s3', admin()).sign(get, { signingDate: new Date(emu.clock.now()) }));
    const received: LocalRequest = { ...signed, rawPath: '/b/k', headers: { ...signed.headers, host } };
    expect((await failure(verifySigV4(emu.deps, received, { service: 's3' }))).reason).toBe(
      'signature-mismatch',
    );
    const alternateHosts = [{ host: 'b.s3.ap-northeast-1.amazonaws.com', rawPath: '/k' }];
    expect((await verifySigV4(emu.deps, received, { service: 's3', alternateHosts })).kind).toBe('admin');
    const tampered = { ...received, rawPath: '/b/other' };
    expect(
      (
        await failure(
          verifySigV4(emu.deps, tampered, {
            service: 's3',
            alternateHosts: [{ host: 'b.s3.ap-northeast-1.amazonaws.com', rawPath: '/other' }],
          }),
        )
      ).reason,
    ).toBe('signature-mismatch');
  });

  it('checks an S3 body against x-amz-content-sha256', async () => {
    const put: HttpRequest = {
      method: 'PUT',
      protocol: 'http:',
      hostname: '127.0.0.1',
      path: '/b/k',
      query: {},
      headers: { host },
      body: 'hello',
    };
    const signer3 = new SignatureV4({
      service: 's3',
      region: emu.config.region,
      credentials: admin(),
      sha256: Sha256,
      uriEscapePath: false,
      applyChecksum: true,
    });
    const signed = toLocal(await signer3.sign(put, { signingDate: new Date(emu.clock.now()) }));
    expect(signed.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifySigV4(emu.deps, signed, { service: 's3' })).kind).toBe('admin');
    expect(
      (await failure(verifySigV4(emu.deps, { ...signed, body: Buffer.from('HELLO') }, { service: 's3' })))
        .reason,
    ).toBe('content-sha256-mismatch');
    const { 'x-amz-content-sha256': _removed, ...without } = signed.headers;
    expect(
      (await failure(verifySigV4(emu.deps, { ...signed, headers: without }, { service: 's3' }))).reason,
    ).toBe('content-sha256-missing');
  });
});
