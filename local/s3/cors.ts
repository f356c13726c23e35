import type { CORSRule } from '@aws-sdk/client-s3';
import { AwsError } from '../errors';
import type { LocalRequest, LocalResponse } from '../http/types';
import type { BucketRecord } from './objects';
import { CorsForbidden } from './errors';

/**
 * A bucket's CORS configuration applied as S3 applies it: the first rule whose AllowedOrigins,
 * AllowedMethods and AllowedHeaders all admit the request wins; `*` may appear once in an origin or a
 * header pattern. Preflights are answered without authentication; actual responses — errors included,
 * so the browser can read S3's error codes — carry the Access-Control headers when a rule matches.
 *
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html
 */
const VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';

function wildcardMatch(pattern: string, value: string, caseInsensitive: boolean): boolean {
  const p = caseInsensitive ? pattern.toLowerCase() : pattern;
  const v = caseInsensitive ? value.toLowerCase() : value;
  const star = p.indexOf('*');
  if (star === -1) return p === v;
  const head = p.slice(0, star);
  const tail = p.slice(star + 1);
  return v.length >= head.length + tail.length && v.startsWith(head) && v.endsWith(tail);
}

function findRule(
  rules: readonly CORSRule[],
  origin: string,
  method: string,
  requestedHeaders: readonly string[],
): CORSRule | undefined {
  return rules.find(
    (rule) =>
      (rule.AllowedOrigins ?? []).some((o) => wildcardMatch(o, origin, false)) &&
      (rule.AllowedMethods ?? []).includes(method) &&
      requestedHeaders.every((h) => (rule.AllowedHeaders ?? []).some((a) => wildcardMatch(a, h, true))),
  );
}

function ruleHeaders(rule: CORSRule, origin: string): Record<string, string> {
  const anyOrigin = (rule.AllowedOrigins ?? []).includes('*');
  const headers: Record<string, string> = {
    'access-control-allow-origin': anyOrigin ? '*' : origin,
    'access-control-allow-methods': (rule.AllowedMethods ?? []).join(', '),
    vary: VARY,
  };
  // Credentials are only allowed with an explicit origin (browsers refuse `*` with credentials).
  if (!anyOrigin) headers['access-control-allow-credentials'] = 'true';
  if (rule.ExposeHeaders?.length) headers['access-control-expose-headers'] = rule.ExposeHeaders.join(', ');
  if (rule.MaxAgeSeconds !== undefined) headers['access-control-max-age'] = String(rule.MaxAgeSeconds);
  return headers;
}

/** `OPTIONS /{bucket}[/{key}]`: S3's preflight answer, or the 403 S3 gives when no rule allows it. */
export function corsPreflight(
  bucket: BucketRecord | undefined,
  request: LocalRequest,
  hasKey: boolean,
): LocalResponse {
  const origin = request.headers['origin'];
  const method = request.headers['access-control-request-method'];
  if (!origin)
    throw new AwsError('BadRequest', 'Insufficient information. Origin request header needed.', 400);
  if (!method) throw new AwsError('BadRequest', 'Invalid Access-Control-Request-Method: null', 400);
  // Unconfirmed for a bucket that does not exist: answered as a bucket without CORS rules.
  if (!bucket || bucket.corsRules.length === 0)
    throw new CorsForbidden('CORS is not enabled for this bucket.');
  const requested = (request.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const rule = findRule(bucket.corsRules, origin, method, requested);
  if (!rule) {
    throw new CorsForbidden(
      "This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.",
      { Method: method, ResourceType: hasKey ? 'OBJECT' : 'BUCKET' },
    );
  }
  const headers = ruleHeaders(rule, origin);
  if (requested.length > 0) headers['access-control-allow-headers'] = requested.join(', ');
  return { status: 200, headers, body: '' };
}

/** The Access-Control headers of an actual (non-preflight) response, success or error. */
export function corsResponseHeaders(
  bucket: BucketRecord | undefined,
  request: LocalRequest,
): Record<string, string> {
  const origin = request.headers['origin'];
  if (!origin || !bucket || bucket.corsRules.length === 0) return {};
  const rule = findRule(bucket.corsRules, origin, request.method, []);
  return rule ? ruleHeaders(rule, origin) : { vary: VARY };
}
