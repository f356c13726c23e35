import type { ConfigProblem } from './appSettings';
import type { GalleryConfig } from './galleryConfig';

/**
 * The shape rules of each setting, from the AWS API references (the same patterns the services enforce),
 * so a typo is named on the configuration screen instead of surfacing later as an opaque AWS error.
 */
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
// CognitoIdentityProvider UserPoolId: [\w-]+_[0-9a-zA-Z]+ (the prefix is the pool's region).
const USER_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d)_[0-9a-zA-Z]+$/;
// CognitoIdentityProvider ClientId: [\w+]+, 1–128 characters.
const CLIENT_ID = /^[\w+]{1,128}$/;
// CognitoIdentity IdentityPoolId: [\w-]+:[0-9a-f-]+.
const IDENTITY_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d):[0-9a-f-]+$/;
const GALLERY_ID = /^[a-z][a-z0-9-]{0,31}$/;
// S3 general purpose bucket names (and access point aliases, which end in -s3alias and follow the same
// alphabet): 3–63 characters, lower case, digits, dots, hyphens; a letter or digit at both ends; no `..`;
// not an IP address. Amplify Storage refuses names outside this DNS-compatible set.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP_ADDRESS = /^\d+\.\d+\.\d+\.\d+$/;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export type Check<T> = { value: T; problems: [] } | { value?: undefined; problems: ConfigProblem[] };

function fail<T>(problem: ConfigProblem): Check<T> {
  return { problems: [problem] };
}

function ok<T>(value: T): Check<T> {
  return { value, problems: [] };
}

export function required(setting: string, raw: string | undefined): Check<string> {
  const value = raw?.trim();
  return value ? ok(value) : fail({ setting, code: 'missing' });
}

export function checkRegion(setting: string, value: string): Check<string> {
  return REGION.test(value) ? ok(value) : fail({ setting, code: 'region', value });
}

/** A pool id carries its region; a pool in another region than the app's is a misconfiguration. */
function checkRegional(pattern: RegExp, code: 'userPoolId' | 'identityPoolId') {
  return (setting: string, value: string, region: string | undefined): Check<string> => {
    const match = pattern.exec(value);
    if (!match) return fail({ setting, code, value });
    if (region && match[1] !== region) return fail({ setting, code: 'regionMismatch', value });
    return ok(value);
  };
}

export const checkUserPoolId = checkRegional(USER_POOL_ID, 'userPoolId');
export const checkIdentityPoolId = checkRegional(IDENTITY_POOL_ID, 'identityPoolId');

export function checkClientId(setting: string, value: string): Check<string> {
  return CLIENT_ID.test(value) ? ok(value) : fail({ setting, code: 'clientId', value });
}

export function checkBucket(setting: string, value: string): ConfigProblem | undefined {
  const valid = BUCKET.test(value) && !value.includes('..') && !IP_ADDRESS.test(value) && !value.startsWith('xn--');
  return valid ? undefined : { setting, code: 'bucketName', value };
}

/** Gallery entries as `id → bucket` pairs, in order: one problem per faulty entry, all reported at once. */
export function checkGalleries(
  setting: string,
  entries: Array<[string, string]>,
  region: string,
): Check<GalleryConfig[]> {
  const problems: ConfigProblem[] = [];
  const galleries: GalleryConfig[] = [];
  const seen = new Set<string>();
  for (const [id, bucket] of entries) {
    if (!GALLERY_ID.test(id)) problems.push({ setting, code: 'galleryId', value: id });
    else if (seen.has(id)) problems.push({ setting, code: 'duplicateGallery', value: id });
    const bucketProblem = checkBucket(setting, bucket);
    if (bucketProblem) problems.push(bucketProblem);
    seen.add(id);
    galleries.push({ id, bucket, region });
  }
  if (entries.length === 0) problems.push({ setting, code: 'noGalleries' });
  return problems.length > 0 ? { problems } : ok(galleries);
}

/** `cat=my-cat-bucket,dog=my-dog-bucket` → pairs; an entry without `=` is reported, not guessed. */
export function parseGalleryList(setting: string, raw: string): Check<Array<[string, string]>> {
  const problems: ConfigProblem[] = [];
  const entries: Array<[string, string]> = [];
  for (const entry of raw.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(entry);
    if (match?.[1] && match[2]) entries.push([match[1], match[2]]);
    else problems.push({ setting, code: 'galleryEntry', value: entry });
  }
  return problems.length > 0 ? { problems } : ok(entries);
}

/**
 * Refresh token validity in days, as the CDK stack configures it (Cognito allows 60 minutes to 10 years).
 * Optional: an empty value means "unknown".
 */
export function checkRefreshValidityDays(setting: string, raw: string | undefined): Check<number | undefined> {
  const value = raw?.trim();
  if (!value) return ok(undefined);
  const days = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || days < 1 / 24 || days > 3650) return fail({ setting, code: 'refreshTokenValidity', value });
  return ok(days * 86_400_000);
}

/** The emulator must be on this machine: the app never sends credentials to another host in local mode. */
export function checkLocalEndpoint(setting: string, value: string): Check<string> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail({ setting, code: 'localEndpoint', value });
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username;
  if (!/^https?:$/.test(url.protocol) || !LOOPBACK_HOSTS.has(url.hostname) || !bare) {
    return fail({ setting, code: 'localEndpoint', value });
  }
  return ok(url.origin);
}
