import type { ResourcesConfig } from 'aws-amplify';
import type { AppSettings, ConfigProblem } from './src/lib/config/appSettings';
import {
  type Check,
  checkClientId,
  checkGalleries,
  checkIdentityPoolId,
  checkLocalEndpoint,
  checkRefreshValidityDays,
  checkRegion,
  checkUserPoolId,
  parseGalleryList,
  required,
} from './src/lib/config/settingRules';

/**
 * The one place that reads the app's settings and turns them into Amplify's configuration.
 *
 * - Production: `VITE_*` variables baked in by Vite (documented in `.env.example`).
 * - Local mode (`npm start` sets `VITE_LOCAL_AWS_ENDPOINT`): the emulator's `GET /_local/config`, and Auth
 *   pointed at the emulator with `userPoolEndpoint` / `identityPoolEndpoint`.
 *
 * Everything is validated once, and every problem is returned (not just the first) so the configuration
 * screen can list them all. `configFromEnv` and `configFromLocalDocument` are pure and run without Vite.
 */
export type ConfigResult =
  | { ok: true; settings: AppSettings; amplify: ResourcesConfig }
  | { ok: false; problems: ConfigProblem[] };

export type Env = Record<string, string | boolean | undefined>;

const issuerOf = (region: string, userPoolId: string) => `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;

/** Amplify's ResourcesConfig: Cognito (email sign-in, the pool's password policy) and one S3 bucket per gallery. */
export function buildResourcesConfig(settings: AppSettings): ResourcesConfig {
  const { region, galleries, localEndpoint } = settings;
  const endpoints = localEndpoint ? { userPoolEndpoint: localEndpoint, identityPoolEndpoint: localEndpoint } : {};
  return {
    Auth: {
      Cognito: {
        userPoolId: settings.userPoolId,
        userPoolClientId: settings.userPoolClientId,
        identityPoolId: settings.identityPoolId,
        allowGuestAccess: false,
        loginWith: { email: true },
        // Cognito's default policy, as the CDK stack and the emulator enforce it: the Authenticator then
        // checks a new password before sending it, with messages in the user's language.
        passwordFormat: {
          minLength: 8,
          requireLowercase: true,
          requireUppercase: true,
          requireNumbers: true,
          requireSpecialCharacters: true,
        },
        ...endpoints,
      },
    },
    Storage: {
      S3: {
        // `bucket`/`region` are Amplify's default; galleries always name their bucket explicitly.
        bucket: galleries[0]?.bucket,
        region,
        buckets: Object.fromEntries(galleries.map((g) => [g.id, { bucketName: g.bucket, region: g.region }])),
      },
    },
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function collect<T>(problems: ConfigProblem[], check: Check<T>): T | undefined {
  problems.push(...check.problems);
  return check.value;
}

function finish(settings: Omit<AppSettings, 'issuer' | 'jwksUri'>, problems: ConfigProblem[]): ConfigResult {
  if (problems.length > 0) return { ok: false, problems };
  const issuer = issuerOf(settings.region, settings.userPoolId);
  const jwksUri = settings.localEndpoint
    ? `${settings.localEndpoint}/${settings.userPoolId}/.well-known/jwks.json`
    : `${issuer}/.well-known/jwks.json`;
  const full: AppSettings = { ...settings, issuer, jwksUri };
  return { ok: true, settings: full, amplify: buildResourcesConfig(full) };
}

/** Production settings from the `VITE_*` variables. */
export function configFromEnv(env: Env): ConfigResult {
  const problems: ConfigProblem[] = [];
  const get = (name: string) => collect(problems, required(name, text(env[name])));
  const rawRegion = get('VITE_AWS_REGION');
  const region = rawRegion === undefined ? undefined : collect(problems, checkRegion('VITE_AWS_REGION', rawRegion));
  const poolId = get('VITE_USER_POOL_ID');
  const clientId = get('VITE_USER_POOL_CLIENT_ID');
  const identityPoolId = get('VITE_IDENTITY_POOL_ID');
  const rawGalleries = get('VITE_GALLERIES');
  const userPoolId = poolId && collect(problems, checkUserPoolId('VITE_USER_POOL_ID', poolId, region));
  const userPoolClientId = clientId && collect(problems, checkClientId('VITE_USER_POOL_CLIENT_ID', clientId));
  const identity = identityPoolId && collect(problems, checkIdentityPoolId('VITE_IDENTITY_POOL_ID', identityPoolId, region));
  const entries = rawGalleries && collect(problems, parseGalleryList('VITE_GALLERIES', rawGalleries));
  const galleries = entries && collect(problems, checkGalleries('VITE_GALLERIES', entries, region ?? ''));
  const validity = checkRefreshValidityDays('VITE_REFRESH_TOKEN_VALIDITY_DAYS', text(env.VITE_REFRESH_TOKEN_VALIDITY_DAYS));
  const refreshTokenValidityMs = collect(problems, validity);
  if (!region || !userPoolId || !userPoolClientId || !identity || !galleries) return { ok: false, problems };
  const settings = { region, userPoolId, userPoolClientId, identityPoolId: identity, galleries, refreshTokenValidityMs };
  return finish(settings, problems);
}

/** What `GET /_local/config` answers (local/localConfig.ts), checked field by field: it crosses a wire. */
export function configFromLocalDocument(doc: unknown, endpoint: string): ConfigResult {
  const problems: ConfigProblem[] = [];
  const record = typeof doc === 'object' && doc !== null ? (doc as Record<string, unknown>) : undefined;
  const buckets = record?.buckets;
  if (!record || typeof buckets !== 'object' || buckets === null) {
    return { ok: false, problems: [{ setting: 'VITE_LOCAL_AWS_ENDPOINT', code: 'emulatorResponse', value: endpoint }] };
  }
  const field = (name: string) => collect(problems, required(`/_local/config ${name}`, text(record[name])));
  const rawRegion = field('region');
  const region = rawRegion && collect(problems, checkRegion('/_local/config region', rawRegion));
  const poolId = field('userPoolId');
  const clientId = field('userPoolClientId');
  const identityPoolId = field('identityPoolId');
  const userPoolId = poolId && collect(problems, checkUserPoolId('/_local/config userPoolId', poolId, region));
  const userPoolClientId = clientId && collect(problems, checkClientId('/_local/config userPoolClientId', clientId));
  const identity = identityPoolId && collect(problems, checkIdentityPoolId('/_local/config identityPoolId', identityPoolId, region));
  const entries = Object.entries(buckets).map(([id, bucket]): [string, string] => [id, String(bucket)]);
  const galleries = region ? collect(problems, checkGalleries('/_local/config buckets', entries, region)) : undefined;
  // Optional: an emulator that announces its refresh token lifetime (REFRESH_TTL_SECONDS) enables the warning.
  const seconds = record.refreshTokenValiditySeconds;
  const refreshTokenValidityMs = typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : undefined;
  if (!region || !userPoolId || !userPoolClientId || !identity || !galleries) return { ok: false, problems };
  const settings = { region, userPoolId, userPoolClientId, identityPoolId: identity, galleries, localEndpoint: endpoint };
  return finish({ ...settings, refreshTokenValidityMs }, problems);
}

type FetchLike = (url: string, init?: { signal?: AbortSignal }) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

/** Local mode: ask the emulator. Unreachable or not answering JSON becomes a problem, never a blank page. */
export async function configFromEmulator(rawEndpoint: string, fetchImpl: FetchLike, timeoutMs = 5000): Promise<ConfigResult> {
  const checked = checkLocalEndpoint('VITE_LOCAL_AWS_ENDPOINT', rawEndpoint.trim());
  if (checked.value === undefined) return { ok: false, problems: checked.problems };
  const endpoint = checked.value;
  let doc: unknown;
  try {
    const response = await fetchImpl(`${endpoint}/_local/config`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error('not ok');
    doc = await response.json();
  } catch {
    return { ok: false, problems: [{ setting: 'VITE_LOCAL_AWS_ENDPOINT', code: 'emulatorUnreachable', value: endpoint }] };
  }
  return configFromLocalDocument(doc, endpoint);
}

/**
 * The app's configuration for this build. `import.meta.env.VITE_LOCAL_AWS_ENDPOINT` is replaced at build
 * time, so a production build (where it is unset) drops the local branch entirely.
 */
export function loadAppConfig(): Promise<ConfigResult> {
  if (import.meta.env.VITE_LOCAL_AWS_ENDPOINT) {
    return configFromEmulator(String(import.meta.env.VITE_LOCAL_AWS_ENDPOINT), (url, init) => fetch(url, init));
  }
  return Promise.resolve(configFromEnv(import.meta.env));
}
