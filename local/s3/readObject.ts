import type { EmulatorDeps } from '../deps';
import type { LocalResponse } from '../http/types';
import { isAllowed } from '../iam/authorize';
import { bucketArn } from '../../policy/galleryReadPolicy';
import { getObjectRecord, type ObjectRecord } from './objects';
import { AccessDenied, InvalidRange, NoSuchKey } from './errors';
import type { S3Request } from './s3Request';

/**
 * What GetObject and HeadObject share: finding the object, its headers, conditional requests and
 * ranges, each as S3 answers them.
 */

/**
 * The object's record, or S3's error for a missing key: NoSuchKey only to a caller that may list the
 * bucket, AccessDenied otherwise — S3 does not reveal whether a key exists to whoever cannot list it.
 */
export function findReadableObject(deps: EmulatorDeps, request: S3Request, key: string): ObjectRecord {
  const record = getObjectRecord(deps, request.bucket, key);
  if (record) return record;
  if (isAllowed(deps, request.principal, 's3:ListBucket', bucketArn(request.bucket)))
    throw new NoSuchKey(key);
  throw new AccessDenied();
}

/** `response-content-type` and friends: presigned GETs may override these response headers. */
const OVERRIDES: Record<string, string> = {
  'response-content-type': 'content-type',
  'response-content-language': 'content-language',
  'response-expires': 'expires',
  'response-cache-control': 'cache-control',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
};

export function objectHeaders(record: ObjectRecord, request: S3Request): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': record.contentType,
    'content-length': String(record.size),
    etag: record.etag,
    'last-modified': new Date(record.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
    'x-amz-request-id': request.http.requestId,
  };
  // S3 honours the overrides on authenticated requests only.
  if (request.principal) {
    for (const [param, header] of Object.entries(OVERRIDES)) {
      const value = request.http.query.get(param);
      if (value !== null) headers[header] = value;
    }
  }
  return headers;
}

/** 304 for `If-None-Match` (an ETag or `*`) or `If-Modified-Since`, as HTTP and S3 define them. */
export function notModified(record: ObjectRecord, request: S3Request): LocalResponse | undefined {
  const ifNoneMatch = request.http.headers['if-none-match'];
  const ifModifiedSince = request.http.headers['if-modified-since'];
  let unchanged = false;
  if (ifNoneMatch !== undefined) {
    unchanged = ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim().replace(/^W\//, '');
      return t === '*' || t === record.etag;
    });
  } else if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    unchanged = !Number.isNaN(since) && record.lastModified <= since;
  }
  if (!unchanged) return undefined;
  return {
    status: 304,
    headers: {
      etag: record.etag,
      'last-modified': new Date(record.lastModified).toUTCString(),
      'x-amz-request-id': request.http.requestId,
    },
  };
}

/**
 * The byte range a `Range: bytes=…` header asks for, inclusive. Undefined when there is none or it is
 * not a single byte range (S3, like HTTP, then serves the whole object); InvalidRange (416) when it
 * starts beyond the end.
 */
export function requestedRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | undefined {
  if (header === undefined) return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const [, first = '', last = ''] = m;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) throw new InvalidRange(header, size);
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) throw new InvalidRange(header, size);
  return { start, end };
}

/** The headers of a 206 answer: the object's, with the length and Content-Range of the part served. */
export function partialContentHeaders(
  headers: Record<string, string>,
  range: { start: number; end: number },
  size: number,
): Record<string, string> {
  return {
    ...headers,
    'content-length': String(range.end - range.start + 1),
    'content-range': `bytes ${range.start}-${range.end}/${size}`,
  };
}
