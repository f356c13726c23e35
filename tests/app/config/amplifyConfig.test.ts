import { describe, expect, it, vi } from 'vitest';
import { configFromEmulator, configFromEnv, configFromLocalDocument, type ConfigResult } from '../../../amplify-config';
import { buildEnv, CLIENT_ID, IDENTITY_POOL_ID, REGION, USER_POOL_ID } from '../support/builders';

function problemsOf(result: ConfigResult) {
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

function settingsOf(result: ConfigResult) {
  if (!result.ok) throw new Error(`unexpected problems: ${JSON.stringify(result.problems)}`);
  return result;
}

const localDocument = {
  region: 'ap-northeast-1',
  endpoint: 'http://127.0.0.1:4566',
  userPoolId: 'ap-northeast-1_LocalPool',
  userPoolClientId: 'local0app0client0id0000000',
  identityPoolId: 'ap-northeast-1:00000000-0000-4000-8000-000000000001',
  buckets: { cat: 'local-cat-photos', dog: 'local-dog-photos' },
};

describe('configFromEnv (production settings)', () => {
  it('builds Amplify’s Cognito and S3 configuration and one gallery per entry, in order', () => {
    const { settings, amplify } = settingsOf(configFromEnv(buildEnv()));
    expect(settings.galleries).toEqual([
      { id: 'cat', bucket: 'test-cat-photos', region: REGION },
      { id: 'dog', bucket: 'test-dog-photos', region: REGION },
    ]);
    expect(amplify.Auth?.Cognito).toMatchObject({
      userPoolId: USER_POOL_ID,
      userPoolClientId: CLIENT_ID,
      identityPoolId: IDENTITY_POOL_ID,
      allowGuestAccess: false,
      loginWith: { email: true },
    });
    expect(amplify.Auth?.Cognito).not.toHaveProperty('userPoolEndpoint');
    expect(amplify.Storage?.S3?.buckets).toEqual({
      cat: { bucketName: 'test-cat-photos', region: REGION },
      dog: { bucketName: 'test-dog-photos', region: REGION },
    });
    expect(settings.issuer).toBe(`https://cognito-idp.${REGION}.amazonaws.com/${USER_POOL_ID}`);
    expect(settings.jwksUri).toBe(`${settings.issuer}/.well-known/jwks.json`);
  });

  it('takes any number of galleries, bucket names with dots, and access point aliases', () => {
    const galleries = 'cat=cats.example.org, dog = my-dogs-ap-abc123xyz-s3alias ,birds=birds-2026';
    const { settings } = settingsOf(configFromEnv(buildEnv({ VITE_GALLERIES: galleries })));
    expect(settings.galleries.map((g) => [g.id, g.bucket])).toEqual([
      ['cat', 'cats.example.org'],
      ['dog', 'my-dogs-ap-abc123xyz-s3alias'],
      ['birds', 'birds-2026'],
    ]);
  });

  it('reads the optional refresh token validity, in days', () => {
    expect(settingsOf(configFromEnv(buildEnv())).settings.refreshTokenValidityMs).toBeUndefined();
    const { settings } = settingsOf(configFromEnv(buildEnv({ VITE_REFRESH_TOKEN_VALIDITY_DAYS: '30' })));
    expect(settings.refreshTokenValidityMs).toBe(30 * 86_400_000);
    expect(problemsOf(configFromEnv(buildEnv({ VITE_REFRESH_TOKEN_VALIDITY_DAYS: 'a month' })))).toEqual([
      { setting: 'VITE_REFRESH_TOKEN_VALIDITY_DAYS', code: 'refreshTokenValidity', value: 'a month' },
    ]);
  });

  it('names every missing setting at once', () => {
    const problems = problemsOf(configFromEnv({}));
    expect(problems.map((p) => p.setting)).toEqual([
      'VITE_AWS_REGION',
      'VITE_USER_POOL_ID',
      'VITE_USER_POOL_CLIENT_ID',
      'VITE_IDENTITY_POOL_ID',
      'VITE_GALLERIES',
    ]);
    expect(problems.every((p) => p.code === 'missing')).toBe(true);
  });

  it.each([
    ['VITE_AWS_REGION', 'Tokyo', 'region'],
    ['VITE_USER_POOL_ID', 'my-pool', 'userPoolId'],
    ['VITE_USER_POOL_ID', 'us-east-1_AbC123', 'regionMismatch'],
    ['VITE_USER_POOL_CLIENT_ID', 'client id with spaces', 'clientId'],
    ['VITE_IDENTITY_POOL_ID', '00000000-0000-4000-8000-000000000001', 'identityPoolId'],
    ['VITE_IDENTITY_POOL_ID', 'eu-west-1:00000000-0000-4000-8000-000000000001', 'regionMismatch'],
  ])('reports a malformed %s (%s) as %s', (setting, value, code) => {
    expect(problemsOf(configFromEnv(buildEnv({ [setting]: value })))).toEqual([{ setting, code, value }]);
  });

  it('reports each faulty gallery entry with what is wrong', () => {
    const raw = 'cat,Dog=dogs,fish=My_Bucket,ip=192.168.1.10,cat=cats-again,dots=a..b';
    expect(problemsOf(configFromEnv(buildEnv({ VITE_GALLERIES: raw })))).toEqual([
      { setting: 'VITE_GALLERIES', code: 'galleryEntry', value: 'cat' },
    ]);
    expect(problemsOf(configFromEnv(buildEnv({ VITE_GALLERIES: raw.slice(4) })))).toEqual([
      { setting: 'VITE_GALLERIES', code: 'galleryId', value: 'Dog' },
      { setting: 'VITE_GALLERIES', code: 'bucketName', value: 'My_Bucket' },
      { setting: 'VITE_GALLERIES', code: 'bucketName', value: '192.168.1.10' },
      { setting: 'VITE_GALLERIES', code: 'bucketName', value: 'a..b' },
    ]);
    expect(problemsOf(configFromEnv(buildEnv({ VITE_GALLERIES: 'cat=a-cats,cat=b-cats' })))).toEqual([
      { setting: 'VITE_GALLERIES', code: 'duplicateGallery', value: 'cat' },
    ]);
  });
});

describe('local mode (the emulator’s /_local/config)', () => {
  it('points Auth at the emulator and keeps the AWS-style issuer', () => {
    const { settings, amplify } = settingsOf(configFromLocalDocument(localDocument, 'http://127.0.0.1:4566'));
    expect(amplify.Auth?.Cognito).toMatchObject({
      userPoolId: 'ap-northeast-1_LocalPool',
      userPoolEndpoint: 'http://127.0.0.1:4566',
      identityPoolEndpoint: 'http://127.0.0.1:4566',
    });
    expect(settings.galleries.map((g) => g.bucket)).toEqual(['local-cat-photos', 'local-dog-photos']);
    expect(settings.issuer).toBe('https://cognito-idp.ap-northeast-1.amazonaws.com/ap-northeast-1_LocalPool');
    expect(settings.jwksUri).toBe('http://127.0.0.1:4566/ap-northeast-1_LocalPool/.well-known/jwks.json');
    expect(settings.localEndpoint).toBe('http://127.0.0.1:4566');
  });

  it('fetches the document from the endpoint', async () => {
    const fetchImpl = vi.fn(async () => ({ ok: true, json: async () => localDocument }));
    const result = await configFromEmulator('http://127.0.0.1:4566/', fetchImpl);
    expect(result.ok).toBe(true);
    expect(fetchImpl).toHaveBeenCalledWith('http://127.0.0.1:4566/_local/config', expect.anything());
  });

  it('turns an unreachable emulator into a problem, not an exception', async () => {
    const refused = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect(problemsOf(await configFromEmulator('http://127.0.0.1:4566', refused))).toEqual([
      { setting: 'VITE_LOCAL_AWS_ENDPOINT', code: 'emulatorUnreachable', value: 'http://127.0.0.1:4566' },
    ]);
    const failing = vi.fn(async () => ({ ok: false, json: async () => ({}) }));
    expect(problemsOf(await configFromEmulator('http://127.0.0.1:4566', failing))[0]?.code).toBe('emulatorUnreachable');
  });

  it('refuses an answer that is not the emulator’s configuration', async () => {
    const html = vi.fn(async () => ({ ok: true, json: async () => 'hello' }));
    expect(problemsOf(await configFromEmulator('http://127.0.0.1:4566', html))[0]?.code).toBe('emulatorResponse');
    const broken = { ...localDocument, userPoolId: 'nope', buckets: { cat: 'Bad_Bucket' } };
    expect(problemsOf(configFromLocalDocument(broken, 'http://127.0.0.1:4566'))).toEqual([
      { setting: '/_local/config userPoolId', code: 'userPoolId', value: 'nope' },
      { setting: '/_local/config buckets', code: 'bucketName', value: 'Bad_Bucket' },
    ]);
  });

  it('only ever talks to an emulator on this machine', async () => {
    const fetchImpl = vi.fn();
    const result = await configFromEmulator('http://192.168.1.20:4566', fetchImpl);
    expect(problemsOf(result)).toEqual([
      { setting: 'VITE_LOCAL_AWS_ENDPOINT', code: 'localEndpoint', value: 'http://192.168.1.20:4566' },
    ]);
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
