import type { LocalRequest } from '../http/types';
import { MethodNotAllowed, NotImplemented } from './errors';

export type S3Operation =
  'ListObjectsV2' | 'GetObject' | 'HeadObject' | 'PutObject' | 'DeleteObject' | 'CreateBucket';

/**
 * S3's sub-resources (`?acl`, `?tagging`, `?uploads` …): each selects another API operation than the
 * bare method would, none of which the emulator implements. Other query parameters are ignored, as S3
 * ignores parameters it does not know.
 */
const SUBRESOURCES = [
  'accelerate',
  'acl',
  'analytics',
  'attributes',
  'cors',
  'delete',
  'encryption',
  'intelligent-tiering',
  'inventory',
  'legal-hold',
  'lifecycle',
  'location',
  'logging',
  'metadataTable',
  'metrics',
  'notification',
  'object-lock',
  'ownershipControls',
  'partNumber',
  'policy',
  'policyStatus',
  'publicAccessBlock',
  'replication',
  'requestPayment',
  'restore',
  'retention',
  'select',
  'session',
  'tagging',
  'torrent',
  'uploadId',
  'uploads',
  'versionId',
  'versioning',
  'versions',
  'website',
];

function subresourceOf(query: URLSearchParams): string | undefined {
  return SUBRESOURCES.find((name) => query.has(name));
}

/** Which S3 API operation a path-style request names: method + bucket/key + sub-resource. */
export function resolveOperation(
  request: LocalRequest,
  bucket: string | undefined,
  key: string | undefined,
): S3Operation {
  const { method, query } = request;
  if (bucket === undefined) {
    if (method === 'GET') throw new NotImplemented('ListBuckets');
    throw new MethodNotAllowed(method, 'SERVICE');
  }
  const subresource = subresourceOf(query);
  if (subresource) throw new NotImplemented(`?${subresource}`);
  if (key === undefined) {
    switch (method) {
      case 'GET':
        if (query.get('list-type') === '2') return 'ListObjectsV2';
        throw new NotImplemented('ListObjects (version 1)');
      case 'PUT':
        return 'CreateBucket';
      case 'HEAD':
      case 'DELETE':
      case 'POST':
        throw new NotImplemented(`${method} bucket`);
      default:
        throw new MethodNotAllowed(method, 'BUCKET');
    }
  }
  switch (method) {
    case 'GET':
      return 'GetObject';
    case 'HEAD':
      return 'HeadObject';
    case 'PUT':
      if (request.headers['x-amz-copy-source'] !== undefined) throw new NotImplemented('x-amz-copy-source');
      return 'PutObject';
    case 'DELETE':
      return 'DeleteObject';
    case 'POST':
      throw new NotImplemented('POST object');
    default:
      throw new MethodNotAllowed(method, 'OBJECT');
  }
}

/** The IAM action each operation is authorised as (HeadObject is s3:GetObject, ListObjectsV2 s3:ListBucket). */
export const IAM_ACTION: Record<S3Operation, string> = {
  ListObjectsV2: 's3:ListBucket',
  GetObject: 's3:GetObject',
  HeadObject: 's3:GetObject',
  PutObject: 's3:PutObject',
  DeleteObject: 's3:DeleteObject',
  CreateBucket: 's3:CreateBucket',
};
