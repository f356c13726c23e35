import { createHash } from 'node:crypto';
import { AwsError } from '../../errors';
import { putObjectRecord } from '../objects';
import { BadDigest, InvalidDigest } from '../errors';
import type { S3Action } from '../s3Request';

/** S3's limit on key length, in UTF-8 bytes. */
const MAX_KEY_BYTES = 1024;

class KeyTooLongError extends AwsError {
  constructor() {
    super('KeyTooLongError', 'Your key is too long', 400);
  }
}

/** Content-MD5, when sent, must be the base64 MD5 of the body (BadDigest) and well-formed (InvalidDigest). */
function checkContentMd5(header: string | undefined, body: Buffer): void {
  if (header === undefined) return;
  const declared = Buffer.from(header, 'base64');
  if (declared.length !== 16 || declared.toString('base64') !== header.trim()) throw new InvalidDigest();
  if (!declared.equals(createHash('md5').update(body).digest())) throw new BadDigest();
}

/**
 * PutObject — `PUT /{bucket}/{key}` with the whole body (admin credentials: the seed and uploads).
 * Answers the quoted MD5 ETag S3 gives single-part uploads. Content-Type defaults to S3's
 * `binary/octet-stream`.
 *
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
 */
export const putObject: S3Action = (deps) => async (request) => {
  const key = request.key ?? '';
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) throw new KeyTooLongError();
  checkContentMd5(request.http.headers['content-md5'], request.http.body);
  const contentType = request.http.headers['content-type'] || 'binary/octet-stream';
  const record = await putObjectRecord(deps, request.bucket, key, request.http.body, contentType);
  return {
    status: 200,
    headers: { etag: record.etag, 'x-amz-request-id': request.http.requestId },
    body: '',
  };
};
