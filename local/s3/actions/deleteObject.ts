import { deleteObjectRecord } from '../objects';
import type { S3Action } from '../s3Request';

/**
 * DeleteObject — `DELETE /{bucket}/{key}`: 204 whether or not the key existed, as on an unversioned bucket.
 *
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObject.html
 */
export const deleteObject: S3Action = (deps) => async (request) => {
  await deleteObjectRecord(deps, request.bucket, request.key ?? '');
  return { status: 204, headers: { 'x-amz-request-id': request.http.requestId } };
};
