import type { LocalRequest } from '../http/types';
import { SigV4Failure } from './sigV4Failure';

/** What a SigV4-signed request claims about itself, before anything is verified. */
export interface SignedRequestClaims {
  mode: 'header' | 'query';
  accessKeyId: string;
  /** `yyyymmdd` of the credential scope. */
  scopeDate: string;
  region: string;
  service: string;
  /** Lower-cased names, in the order the client listed them. */
  signedHeaders: string[];
  signature: string;
  /** `yyyymmddThhmmssZ`, as it enters the string to sign. */
  longDate: string;
  /** Epoch ms of `longDate`. */
  signedAt: number;
  /** Presigned only: `X-Amz-Expires` in seconds. */
  expiresSeconds?: number;
  /** `x-amz-security-token` header or `X-Amz-Security-Token` query parameter. */
  securityToken?: string;
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
const LONG_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export function parseLongDate(value: string): number | undefined {
  const m = LONG_DATE.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Reject dates that Date.UTC silently rolls over (month 13, second 61 …).
  return new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '') === value ? ms : undefined;
}

function toLongDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

function parseCredential(
  credential: string | undefined,
): Pick<SignedRequestClaims, 'accessKeyId' | 'scopeDate' | 'region' | 'service'> {
  const parts = credential?.split('/') ?? [];
  const [accessKeyId, scopeDate, region, service, terminator] = parts;
  if (
    parts.length !== 5 ||
    !accessKeyId ||
    !scopeDate ||
    !region ||
    !service ||
    terminator !== 'aws4_request'
  ) {
    throw new SigV4Failure('malformed', {
      detail: 'the Credential must be <access key>/<date>/<region>/<service>/aws4_request',
    });
  }
  if (!/^\d{8}$/.test(scopeDate))
    throw new SigV4Failure('malformed', { detail: `invalid credential date "${scopeDate}"` });
  return { accessKeyId, scopeDate, region, service };
}

function parseSignedHeaderList(list: string | undefined): string[] {
  const names = (list ?? '').split(';');
  if (names.some((n) => n === '' || n !== n.toLowerCase() || /\s/.test(n))) {
    throw new SigV4Failure('malformed', {
      detail: 'SignedHeaders must be lower-case names separated by ";"',
    });
  }
  return names;
}

/** `Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` */
function fromHeader(request: LocalRequest, authorization: string): SignedRequestClaims {
  const space = authorization.indexOf(' ');
  const algorithm = space === -1 ? authorization : authorization.slice(0, space);
  if (algorithm !== ALGORITHM) throw new SigV4Failure('unsupported-algorithm', { detail: algorithm });
  const fields = new Map<string, string>();
  for (const part of authorization.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = parseCredential(fields.get('Credential'));
  if (!fields.has('SignedHeaders') || !fields.has('Signature')) {
    throw new SigV4Failure('malformed', {
      detail: 'the Authorization header needs Credential, SignedHeaders and Signature',
    });
  }
  // x-amz-date wins over Date, as in the SigV4 specification.
  const amzDate = request.headers['x-amz-date'];
  const httpDate = request.headers['date'];
  const signedAt =
    amzDate !== undefined ? parseLongDate(amzDate) : httpDate ? Date.parse(httpDate) : undefined;
  if (signedAt === undefined || Number.isNaN(signedAt)) {
    throw new SigV4Failure('malformed', { detail: 'the request needs a valid x-amz-date or Date header' });
  }
  return {
    mode: 'header',
    ...credential,
    signedHeaders: parseSignedHeaderList(fields.get('SignedHeaders')),
    signature: fields.get('Signature') ?? '',
    longDate: amzDate ?? toLongDate(signedAt),
    signedAt,
    securityToken: request.headers['x-amz-security-token'],
  };
}

/** `?X-Amz-Algorithm=…&X-Amz-Credential=…&X-Amz-Date=…&X-Amz-Expires=…&X-Amz-SignedHeaders=…&X-Amz-Signature=…` */
function fromQuery(query: URLSearchParams): SignedRequestClaims {
  const algorithm = query.get('X-Amz-Algorithm');
  if (algorithm !== ALGORITHM)
    throw new SigV4Failure('unsupported-algorithm', { detail: algorithm ?? '(none)' });
  const longDate = query.get('X-Amz-Date') ?? '';
  const signedAt = parseLongDate(longDate);
  if (signedAt === undefined)
    throw new SigV4Failure('malformed', {
      detail: "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"",
    });
  const expires = query.get('X-Amz-Expires');
  if (expires === null || !/^\d+$/.test(expires)) {
    throw new SigV4Failure('presign-expires-invalid', { detail: 'X-Amz-Expires should be a number' });
  }
  if (!query.has('X-Amz-SignedHeaders') || !query.has('X-Amz-Signature')) {
    throw new SigV4Failure('malformed', {
      detail: 'the query needs X-Amz-SignedHeaders and X-Amz-Signature',
    });
  }
  return {
    mode: 'query',
    ...parseCredential(query.get('X-Amz-Credential') ?? undefined),
    signedHeaders: parseSignedHeaderList(query.get('X-Amz-SignedHeaders') ?? undefined),
    signature: query.get('X-Amz-Signature') ?? '',
    longDate,
    signedAt,
    expiresSeconds: Number(expires),
    securityToken: query.get('X-Amz-Security-Token') ?? undefined,
  };
}

/** Reads the claims of a header-signed or presigned request; throws SigV4Failure when there are none or they are malformed. */
export function parseSignedRequest(request: LocalRequest): SignedRequestClaims {
  const authorization = request.headers['authorization'];
  const presigned =
    request.query.has('X-Amz-Algorithm') ||
    request.query.has('X-Amz-Signature') ||
    request.query.has('X-Amz-Credential');
  if (authorization !== undefined && presigned) {
    throw new SigV4Failure('ambiguous', {
      detail:
        'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter or the Authorization header should be specified',
    });
  }
  if (authorization !== undefined) return fromHeader(request, authorization);
  if (presigned) return fromQuery(request.query);
  throw new SigV4Failure('missing');
}
