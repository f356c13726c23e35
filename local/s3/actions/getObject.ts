import { readObjectBody } from '../objects';
import { NoSuchKey } from '../errors';
import {
  findReadableObject,
  notModified,
  objectHeaders,
  partialContentHeaders,
  requestedRange,
} from '../readObject';
import type { S3Action } from '../s3Request';

/**
 * GetObject — `GET /{bucket}/{key}`, with a single `Range` (206 and Content-Range, or 416 InvalidRange),
 * `If-None-Match` / `If-Modified-Since` (304) and the `response-*` header overrides of presigned URLs.
 *
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html
 */
export const getObject: S3Action = (deps) => async (request) => {
  const key = request.key ?? '';
  const record = findReadableObject(deps, request, key);
  const unchanged = notModified(record, request);
  if (unchanged) return unchanged;
  const body = await readObjectBody(deps, request.bucket, key);
  // A record whose body is gone (deleted meanwhile) is a missing object, not a server error.
  if (!body) throw new NoSuchKey(key);
  const headers = objectHeaders(record, request);
  const range = requestedRange(request.http.headers['range'], record.size);
  if (!range) return { status: 200, headers, body };
  return {
    status: 206,
    headers: partialContentHeaders(headers, range, record.size),
    body: body.subarray(range.start, range.end + 1),
  };
};
