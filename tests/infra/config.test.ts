import { describe, expect, it } from 'vitest';
import { DEFAULT_ALLOWED_ORIGINS, InfraConfigError, parseAllowedOrigins, parseInfraConfig } from '../../infra/lib/config';
import { DEFAULT_STACK_NAME } from '../../infra/lib/contract';
import { contentSecurityPolicy } from '../../infra/lib/contentSecurityPolicy';
import { accessPointName, generatedBucketName, nameSlug } from '../../infra/lib/resourceNames';

const read = (context: Record<string, unknown>) => (key: string) => context[key];

describe('parseInfraConfig', () => {
  it('defaults to the seed: 5-minute tokens, 30-day refresh, dev origins, no hosting or access points, env-agnostic', () => {
    expect(parseInfraConfig(read({}))).toEqual({
      stackName: DEFAULT_STACK_NAME,
      env: {},
      allowedOrigins: DEFAULT_ALLOWED_ORIGINS,
      idTokenValidityMinutes: 5,
      accessTokenValidityMinutes: 5,
      refreshTokenValidityDays: 30,
      accessPoints: false,
      hosting: false,
      bucketNames: {},
    });
  });

  it('reads strings from `-c key=value` and typed values from cdk.json alike', () => {
    const fromCli = parseInfraConfig(read({ hosting: 'true', idTokenValidityMinutes: '60', account: '123456789012', region: 'eu-west-1' }));
    const fromJson = parseInfraConfig(read({ hosting: true, idTokenValidityMinutes: 60, account: '123456789012', region: 'eu-west-1' }));
    expect(fromCli).toEqual(fromJson);
    expect(fromCli.env).toEqual({ account: '123456789012', region: 'eu-west-1' });
  });

  it('takes the stack name from context, then GALLERY_STACK_NAME', () => {
    expect(parseInfraConfig(read({}), { GALLERY_STACK_NAME: 'FromEnv' }).stackName).toBe('FromEnv');
    expect(parseInfraConfig(read({ stackName: 'FromContext' }), { GALLERY_STACK_NAME: 'FromEnv' }).stackName).toBe('FromContext');
  });

  it.each([
    [{ stackName: '1bad' }, 'stackName'],
    [{ account: '1234' }, 'account'],
    [{ region: 'tokyo' }, 'region'],
    [{ hosting: 'yes' }, 'hosting'],
    [{ idTokenValidityMinutes: 4 }, 'idTokenValidityMinutes'],
    [{ accessTokenValidityMinutes: '1441' }, 'accessTokenValidityMinutes'],
    [{ refreshTokenValidityDays: '1.5' }, 'refreshTokenValidityDays'],
    [{ catBucketName: 'Has.Dots' }, 'catBucketName'],
    [{ dogBucketName: 'x-s3alias' }, 'dogBucketName'],
    [{ catBucketName: 'same-name', dogBucketName: 'same-name' }, 'dogBucketName'],
    [{ hosting: true, accessPoints: true }, 'accessPoints'],
  ])('rejects %j naming the setting', (context, setting) => {
    expect(() => parseInfraConfig(read(context))).toThrow(InfraConfigError);
    try {
      parseInfraConfig(read(context));
    } catch (error) {
      expect((error as InfraConfigError).setting).toBe(setting);
      expect((error as Error).message).toContain(`"${setting}"`);
    }
  });
});

describe('parseAllowedOrigins', () => {
  it('accepts a list or a comma-separated string, trimmed and de-duplicated', () => {
    expect(parseAllowedOrigins(['https://a.example', 'http://localhost:5173'])).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(parseAllowedOrigins(' https://a.example , https://a.example,http://127.0.0.1:4173 ')).toEqual([
      'https://a.example',
      'http://127.0.0.1:4173',
    ]);
  });

  it.each(['*', 'https://*.example.com', 'https://example.com*'])('rejects the wildcard %s with a clear error', (origin) => {
    expect(() => parseAllowedOrigins(origin)).toThrow(/never a wildcard/);
  });

  it.each(['http://example.com', 'http://192.168.1.10:5173'])('rejects plain http %s outside localhost', (origin) => {
    expect(() => parseAllowedOrigins(origin)).toThrow(/must use https/);
  });

  it.each(['example.com', 'https://example.com/', 'https://example.com/app', 'ftp://example.com', ','])('rejects %j, which is not an origin', (origin) => {
    expect(() => parseAllowedOrigins(origin)).toThrow(InfraConfigError);
  });
});

describe('resource names', () => {
  it('builds bucket names S3 accepts even from a long stack name and the longest region names', () => {
    const name = generatedBucketName('My-Very-Long-Gallery-Stack-Name-For-Testing-Limits', 'dog', '123456789012', 'ap-southeast-5');
    expect(name).toMatch(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/);
    expect(name.length).toBeLessThanOrEqual(63 - 2);
    expect(name.endsWith('-dog-123456789012-ap-southeast-5')).toBe(true);
    expect(accessPointName('CognitoGalleryStack', 'cat')).toBe('cognitogallerystack-cat');
  });

  it('slugs to lower-case letters, digits and single inner hyphens', () => {
    expect(nameSlug('--Cognito__Gallery  Stack--', 40)).toBe('cognito-gallery-stack');
    expect(nameSlug('abc-def', 4)).toBe('abc');
    expect(() => nameSlug('___', 10)).toThrow();
  });
});

describe('contentSecurityPolicy', () => {
  it('names exactly the Cognito endpoints and each bucket endpoint of the region', () => {
    const csp = contentSecurityPolicy({ region: 'us-east-1', urlSuffix: 'amazonaws.com', bucketNames: ['a-bucket', 'b-bucket'] });
    expect(csp).toContain(
      "connect-src 'self' https://cognito-idp.us-east-1.amazonaws.com https://cognito-identity.us-east-1.amazonaws.com https://a-bucket.s3.us-east-1.amazonaws.com https://b-bucket.s3.us-east-1.amazonaws.com;",
    );
    expect(csp).toContain("img-src 'self' data: blob: https://a-bucket.s3.us-east-1.amazonaws.com https://b-bucket.s3.us-east-1.amazonaws.com;");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(csp).not.toMatch(/\s\*[\s;]|https:\/\/\*/);
    expect(csp.startsWith("default-src 'none';")).toBe(true);
  });
});
