import { DEFAULT_STACK_NAME, GALLERY_IDS, STACK_NAME_ENV, type GalleryId } from './contract';

/**
 * Every setting of the CDK app, read from CDK context (cdk.json or `-c key=value`) and validated before a
 * construct is created, so a bad value stops `cdk synth` with a message naming the setting.
 */
export interface InfraConfig {
  stackName: string;
  /** Set only when the user passes `-c account=… / -c region=…`; otherwise the stack is environment-agnostic. */
  env: { account?: string; region?: string };
  /** Origins the gallery buckets' CORS rules allow (the hosted site's origin is added when hosting is on). */
  allowedOrigins: string[];
  idTokenValidityMinutes: number;
  accessTokenValidityMinutes: number;
  refreshTokenValidityDays: number;
  accessPoints: boolean;
  hosting: boolean;
  /** Explicit bucket names; the others are derived from stack name, account and region. */
  bucketNames: Partial<Record<GalleryId, string>>;
}

export class InfraConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`Context "${setting}": ${message}`);
    this.name = 'InfraConfigError';
  }
}

/** Reads one context value (`app.node.tryGetContext`). */
export type ContextReader = (key: string) => unknown;

/** The dev server (5173) and `vite preview` of a production build (4173), on this machine only. */
export const DEFAULT_ALLOWED_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173', 'http://localhost:4173', 'http://127.0.0.1:4173'];

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const ACCOUNT = /^\d{12}$/;
const STACK_NAME = /^[A-Za-z][A-Za-z0-9-]{0,127}$/;
// Lower-case letters, digits and hyphens only: a dot would switch Amplify Storage to path-style requests
// and break the virtual-host TLS certificate (*.s3.region.amazonaws.com).
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function text(read: ContextReader, key: string): string | undefined {
  const value = read(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new InfraConfigError(key, `must be a string, got ${JSON.stringify(value)}`);
  return value.trim();
}

function flag(read: ContextReader, key: string): boolean {
  const value = read(key);
  if (value === undefined || value === null || value === '') return false;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw new InfraConfigError(key, `must be true or false, got ${JSON.stringify(value)}`);
}

function wholeNumber(read: ContextReader, key: string, fallback: number, min: number, max: number): number {
  const value = read(key);
  if (value === undefined || value === null || value === '') return fallback;
  const parsed = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isInteger(parsed)) throw new InfraConfigError(key, `must be a whole number, got ${JSON.stringify(value)}`);
  if (parsed < min || parsed > max) throw new InfraConfigError(key, `must be between ${min} and ${max}, got ${parsed}`);
  return parsed;
}

/** Accepts a JSON array (cdk.json) or a comma-separated string (`-c allowedOrigins=a,b`). */
export function parseAllowedOrigins(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [...DEFAULT_ALLOWED_ORIGINS];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  if (!list) throw new InfraConfigError('allowedOrigins', 'must be a list of origins or a comma-separated string');
  const origins = list.map((o) => (typeof o === 'string' ? o.trim() : o)).filter((o) => o !== '');
  if (origins.length === 0) throw new InfraConfigError('allowedOrigins', 'must name at least one origin');
  for (const origin of origins) {
    if (typeof origin !== 'string') throw new InfraConfigError('allowedOrigins', `${JSON.stringify(origin)} is not a string`);
    if (origin.includes('*')) {
      throw new InfraConfigError(
        'allowedOrigins',
        `"${origin}" contains "*": list the exact origins of the app (e.g. https://d111111abcdef8.cloudfront.net), never a wildcard`,
      );
    }
    const match = /^(https?):\/\/([^/:\s]+|\[[0-9a-f:]+\])(:\d{1,5})?$/i.exec(origin);
    if (!match) throw new InfraConfigError('allowedOrigins', `"${origin}" is not an origin like https://example.com or http://localhost:5173`);
    // Plain http only for the developer's own machine: anywhere else the origin must be https.
    if (match[1]?.toLowerCase() === 'http' && !LOOPBACK_HOSTS.has((match[2] ?? '').toLowerCase())) {
      throw new InfraConfigError('allowedOrigins', `"${origin}" must use https (http is accepted for localhost only)`);
    }
  }
  return [...new Set(origins as string[])];
}

export function parseInfraConfig(read: ContextReader, env: Record<string, string | undefined> = {}): InfraConfig {
  const stackName = text(read, 'stackName') ?? env[STACK_NAME_ENV]?.trim() ?? DEFAULT_STACK_NAME;
  if (!STACK_NAME.test(stackName)) {
    throw new InfraConfigError('stackName', `"${stackName}" must start with a letter and contain only letters, digits and hyphens`);
  }
  const account = text(read, 'account');
  if (account !== undefined && !ACCOUNT.test(account)) throw new InfraConfigError('account', `"${account}" is not a 12-digit AWS account id`);
  const region = text(read, 'region');
  if (region !== undefined && !REGION.test(region)) throw new InfraConfigError('region', `"${region}" is not an AWS region name`);

  const bucketNames: Partial<Record<GalleryId, string>> = {};
  for (const id of GALLERY_IDS) {
    const key = `${id}BucketName`;
    const name = text(read, key);
    if (name === undefined) continue;
    if (!BUCKET_NAME.test(name) || name.endsWith('-s3alias') || name.startsWith('xn--')) {
      throw new InfraConfigError(key, `"${name}" is not a bucket name this app can use (3–63 lower-case letters, digits, hyphens; no dots)`);
    }
    bucketNames[id] = name;
  }
  if (bucketNames.cat !== undefined && bucketNames.cat === bucketNames.dog) {
    throw new InfraConfigError('dogBucketName', 'each gallery needs its own bucket');
  }

  const hosting = flag(read, 'hosting');
  const accessPoints = flag(read, 'accessPoints');
  if (hosting && accessPoints) {
    // The site's CSP must name the aliases, which AWS assigns at creation, while the buckets' CORS must name the
    // site's CloudFront domain, also assigned at creation: CloudFormation cannot order that cycle.
    throw new InfraConfigError(
      'accessPoints',
      'cannot be combined with hosting: the hosted site reaches the buckets by name (its Content-Security-Policy must list every S3 endpoint, and access point aliases are only known after the buckets\' CORS rules, which name the site, are created)',
    );
  }

  const idTokenValidityMinutes = wholeNumber(read, 'idTokenValidityMinutes', 5, 5, 1440);
  const accessTokenValidityMinutes = wholeNumber(read, 'accessTokenValidityMinutes', 5, 5, 1440);
  const refreshTokenValidityDays = wholeNumber(read, 'refreshTokenValidityDays', 30, 1, 3650);

  return {
    stackName,
    env: { ...(account ? { account } : {}), ...(region ? { region } : {}) },
    allowedOrigins: parseAllowedOrigins(read('allowedOrigins')),
    idTokenValidityMinutes,
    accessTokenValidityMinutes,
    refreshTokenValidityDays,
    accessPoints,
    hosting,
    bucketNames,
  };
}
