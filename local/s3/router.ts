import type { EmulatorDeps } from '../deps';
import type { LocalRequest, LocalResponse } from '../http/types';
import { isAwsError } from '../errors';
import { s3ErrorResponse } from '../http/xmlProtocol';
import { isAllowed } from '../iam/authorize';
import { bucketArn } from '../../policy/galleryReadPolicy';
import { getBucket, type BucketRecord } from './objects';
import { authenticate } from './authenticate';
import { corsPreflight, corsResponseHeaders } from './cors';
import { AccessDenied, InvalidBucketName, NoSuchBucket } from './errors';
import { IAM_ACTION, resolveOperation, type S3Operation } from './operations';
import { BUCKET_NAME, objectArn, parseS3Path, type S3Action, type S3Path } from './s3Request';
import { listObjectsV2 } from './actions/listObjectsV2';
import { getObject } from './actions/getObject';
import { headObject } from './actions/headObject';
import { putObject } from './actions/putObject';
import { deleteObject } from './actions/deleteObject';
import { createBucket } from './actions/createBucket';

export interface S3RouterHooks {
  /**
   * Runs once the operation is resolved, before authentication and the action (fault injection and call
   * counting, local/faults). An AwsError it throws is answered like any S3 error, CORS headers included.
   */
  beforeOperation?: (operation: S3Operation, bucket: string, request: LocalRequest) => Promise<void>;
}

/**
 * S3, path-style: `/{bucket}[/{key}]`. Every request goes through the same steps S3 takes — which
 * operation (method + key + sub-resource), who signed it (SigV4, or anonymous), does the bucket exist,
 * does the caller's policy allow the IAM action on the resource — before its action runs. Errors are
 * serialised once, as S3's XML (bodiless for HEAD), with the bucket's CORS headers so that browsers can
 * read them.
 */
export function createS3Router(deps: EmulatorDeps, hooks: S3RouterHooks = {}) {
  const handlers: Record<S3Operation, ReturnType<S3Action>> = {
    ListObjectsV2: listObjectsV2(deps),
    GetObject: getObject(deps),
    HeadObject: headObject(deps),
    PutObject: putObject(deps),
    DeleteObject: deleteObject(deps),
    CreateBucket: createBucket(deps),
  };

  async function handle(
    request: LocalRequest,
    path: S3Path,
    record: BucketRecord | undefined,
  ): Promise<LocalResponse> {
    const { bucket, key } = path;
    if (request.method === 'OPTIONS') return corsPreflight(record, request, key !== undefined);
    const operation = resolveOperation(request, bucket, key);
    // resolveOperation only names an operation once there is a bucket in the path.
    const bucketName = bucket ?? '';
    await hooks.beforeOperation?.(operation, bucketName, request);
    const principal = await authenticate(deps, request, bucket);
    if (operation === 'CreateBucket') {
      if (!BUCKET_NAME.test(bucketName)) throw new InvalidBucketName(bucketName);
    } else if (!record) {
      throw new NoSuchBucket(bucketName);
    }
    const resource = key === undefined ? bucketArn(bucketName) : objectArn(bucketName, key);
    if (!isAllowed(deps, principal, IAM_ACTION[operation], resource)) throw new AccessDenied();
    return handlers[operation]({ http: request, bucket: bucketName, key, principal });
  }

  return async (request: LocalRequest): Promise<LocalResponse> => {
    let record: BucketRecord | undefined;
    let response: LocalResponse;
    try {
      const path = parseS3Path(request.rawPath);
      // Names S3 could never have created are not looked up (nor used as Store collections).
      record =
        path.bucket !== undefined && BUCKET_NAME.test(path.bucket) ? getBucket(deps, path.bucket) : undefined;
      response = await handle(request, path, record);
    } catch (error) {
      if (!isAwsError(error)) throw error;
      response = s3ErrorResponse(error, request.requestId);
      // HEAD errors are a status line and headers only, as S3 answers them.
      if (request.method === 'HEAD') {
        response = { status: response.status, headers: { 'x-amz-request-id': request.requestId } };
      }
    }
    if (request.method === 'OPTIONS') return response;
    return { ...response, headers: { ...response.headers, ...corsResponseHeaders(record, request) } };
  };
}
