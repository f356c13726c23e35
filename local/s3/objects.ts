import { createHash } from 'node:crypto';
import type { CORSRule } from '@aws-sdk/client-s3';
import type { EmulatorDeps } from '../deps';
import { invalidateKeys, sortedKeys } from './keyIndex';

/**
 * Buckets and objects in the Store: one record per bucket in `s3-buckets` (with its CORS rules), one
 * metadata record per object in `s3-objects/<bucket>` and the body as a blob beside it. Keys are only
 * ever record ids — the Store hashes ids into file names — so a key like `../../etc/passwd` is just a key.
 */
export const BUCKETS_COLLECTION = 's3-buckets';

export interface BucketRecord {
  name: string;
  /** Epoch ms. */
  creationDate: number;
  corsRules: CORSRule[];
}

export interface ObjectRecord {
  key: string;
  size: number;
  /** Quoted MD5 hex of the body, as S3 answers it for single-part uploads. */
  etag: string;
  contentType: string;
  /** Epoch ms, whole seconds: S3 keeps Last-Modified to the second. */
  lastModified: number;
}

export function objectsCollection(bucket: string): string {
  return `s3-objects/${bucket}`;
}

/** The CORS rules of the seed article's buckets: the dev server may read, and see the headers Amplify needs. */
export function defaultCorsRules(deps: EmulatorDeps): CORSRule[] {
  return [
    {
      AllowedOrigins: [...deps.config.allowedOrigins],
      AllowedMethods: ['GET', 'HEAD'],
      AllowedHeaders: ['*'],
      ExposeHeaders: ['ETag', 'Content-Length', 'Content-Type', 'Content-Range', 'Date', 'x-amz-request-id'],
      MaxAgeSeconds: 3000,
    },
  ];
}

export function getBucket(deps: EmulatorDeps, name: string): BucketRecord | undefined {
  return deps.store.get<BucketRecord>(BUCKETS_COLLECTION, name);
}

/** Creates the bucket with the default CORS rules unless it exists (used by the seed). */
export async function ensureBucket(deps: EmulatorDeps, name: string): Promise<void> {
  if (getBucket(deps, name)) return;
  const record: BucketRecord = { name, creationDate: deps.clock.now(), corsRules: defaultCorsRules(deps) };
  await deps.store.put(BUCKETS_COLLECTION, name, record);
}

export function getObjectRecord(deps: EmulatorDeps, bucket: string, key: string): ObjectRecord | undefined {
  return deps.store.get<ObjectRecord>(objectsCollection(bucket), key);
}

export function bucketKeys(deps: EmulatorDeps, bucket: string): readonly string[] {
  return sortedKeys(deps.store, objectsCollection(bucket));
}

/** Stores the body first and the metadata second, so a record never points at a body that is not on disk. */
export async function putObjectRecord(
  deps: EmulatorDeps,
  bucket: string,
  key: string,
  body: Uint8Array,
  contentType: string,
): Promise<ObjectRecord> {
  const collection = objectsCollection(bucket);
  const record: ObjectRecord = {
    key,
    size: body.byteLength,
    etag: `"${createHash('md5').update(body).digest('hex')}"`,
    contentType,
    lastModified: Math.floor(deps.clock.now() / 1000) * 1000,
  };
  await deps.store.putBlob(collection, key, body);
  const written = deps.store.put(collection, key, record);
  invalidateKeys(deps.store, collection);
  await written;
  return record;
}

export async function readObjectBody(
  deps: EmulatorDeps,
  bucket: string,
  key: string,
): Promise<Buffer | undefined> {
  return deps.store.getBlob(objectsCollection(bucket), key);
}

export async function deleteObjectRecord(deps: EmulatorDeps, bucket: string, key: string): Promise<void> {
  const collection = objectsCollection(bucket);
  const removed = deps.store.delete(collection, key);
  invalidateKeys(deps.store, collection);
  await removed;
  await deps.store.deleteBlob(collection, key);
}
