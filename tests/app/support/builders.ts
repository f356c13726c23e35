import { buildResourcesConfig, type ConfigResult, type Env } from '../../../amplify-config';
import type { SessionFacts } from '../../../src/features/session/model/facts';
import type { AppSettings, ConfigProblem } from '../../../src/lib/config/appSettings';
import type { SessionSnapshot } from '../../../src/lib/session/types';

/** Typed builders for test data: every field has a realistic default, tests override what they are about. */

export const REGION = 'ap-northeast-1';
export const USER_POOL_ID = `${REGION}_TestPool1`;
export const CLIENT_ID = 'testclient0app0id000000000';
export const IDENTITY_POOL_ID = `${REGION}:00000000-0000-4000-8000-000000000001`;

export function buildEnv(overrides: Env = {}): Env {
  return {
    VITE_AWS_REGION: REGION,
    VITE_USER_POOL_ID: USER_POOL_ID,
    VITE_USER_POOL_CLIENT_ID: CLIENT_ID,
    VITE_IDENTITY_POOL_ID: IDENTITY_POOL_ID,
    VITE_GALLERIES: 'cat=test-cat-photos,dog=test-dog-photos',
    ...overrides,
  };
}

export function buildSettings(overrides: Partial<AppSettings> = {}): AppSettings {
  const issuer = `https://cognito-idp.${REGION}.amazonaws.com/${USER_POOL_ID}`;
  return {
    region: REGION,
    userPoolId: USER_POOL_ID,
    userPoolClientId: CLIENT_ID,
    identityPoolId: IDENTITY_POOL_ID,
    galleries: [
      { id: 'cat', bucket: 'test-cat-photos', region: REGION },
      { id: 'dog', bucket: 'test-dog-photos', region: REGION },
    ],
    issuer,
    jwksUri: `${issuer}/.well-known/jwks.json`,
    ...overrides,
  };
}

export function buildConfigResult(settings: AppSettings = buildSettings()): ConfigResult {
  return { ok: true, settings, amplify: buildResourcesConfig(settings) };
}

export function buildProblems(...problems: ConfigProblem[]): ConfigResult {
  return { ok: false, problems };
}

/** A session read: tokens issued at `issuedAt` (server clock) living `ttlMs`, credentials for an hour. */
export function buildFacts(overrides: Partial<SessionFacts> & { ttlMs?: number } = {}): SessionFacts {
  const { ttlMs = 300_000, ...rest } = overrides;
  const issuedAt = rest.issuedAt ?? Date.now();
  return {
    sub: 'sub-demo',
    username: 'demo@example.com',
    idToken: 'id-token-1',
    accessToken: 'access-token-1',
    issuedAt,
    idTokenExpiresAt: issuedAt + ttlMs,
    accessTokenExpiresAt: issuedAt + ttlMs,
    identityId: `${REGION}:identity-demo`,
    accessKeyId: 'ASIATESTKEY000000001',
    credentialsExpireAt: issuedAt + 3_600_000,
    clockOffsetMs: 0,
    ...rest,
  };
}

export function buildSnapshot(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    status: 'active',
    username: 'demo@example.com',
    clockOffsetMs: 0,
    renewalCount: 0,
    autoRenew: true,
    ...overrides,
  };
}

/** Epoch ms of a local wall-clock time today (what the banner prints, whatever the machine's time zone). */
export function localTime(hours: number, minutes: number, seconds: number): number {
  return new Date(2026, 0, 15, hours, minutes, seconds).getTime();
}
