import { ensureBucket, getBucket } from '../objects';
import { BucketAlreadyOwnedByYou } from '../errors';
import type { S3Action } from '../s3Request';

/**
 * CreateBucket — `PUT /{bucket}` (admin credentials only; the gallery role may not). The bucket gets the
 * seed's CORS rules, since PutBucketCors is not emulated. Outside us-east-1 S3 answers
 * BucketAlreadyOwnedByYou for a bucket the caller already owns.
 *
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html
 */
export const createBucket: S3Action = (deps) => async (request) => {
  if (getBucket(deps, request.bucket)) throw new BucketAlreadyOwnedByYou(request.bucket);
  await ensureBucket(deps, request.bucket);
  return {
    status: 200,
    headers: { location: `/${request.bucket}`, 'x-amz-request-id': request.http.requestId },
    body: '',
  };
};
