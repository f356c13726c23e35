import {
  findReadableObject,
  notModified,
  objectHeaders,
  partialContentHeaders,
  requestedRange,
} from '../readObject';
import type { S3Action } from '../s3Request';

/**
 * HeadObject — `HEAD /{bucket}/{key}`: GetObject's status and headers without the body (Amplify's
 * `getProperties` and `getUrl({ validateObjectExistence })` use it). Errors carry no body either.
 *
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html
 */
export const headObject: S3Action = (deps) => async (request) => {
  const record = findReadableObject(deps, request, request.key ?? '');
  const unchanged = notModified(record, request);
  if (unchanged) return unchanged;
  const headers = objectHeaders(record, request);
  const range = requestedRange(request.http.headers['range'], record.size);
  if (!range) return { status: 200, headers };
  return {
    status: 206,
    headers: partialContentHeaders(headers, range, record.size),
  };
};
