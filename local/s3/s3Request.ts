import type { LocalRequest, LocalResponse } from '../http/types';
import type { EmulatorDeps } from '../deps';
import type { Principal } from '../iam/credentials';
import { bucketArn } from '../../policy/galleryReadPolicy';
import { InvalidURI } from './errors';

/** A request the S3 router has parsed, authenticated and authorised, as each action receives it. */
export interface S3Request {
  http: LocalRequest;
  bucket: string;
  /** The object key, percent-decoded once; undefined for bucket-level requests. */
  key: string | undefined;
  /** Undefined for an anonymous request (only ever reaches an action if the policy allowed it). */
  principal: Principal | undefined;
}

export type S3Action = (deps: EmulatorDeps) => (request: S3Request) => Promise<LocalResponse>;

/** S3's bucket naming rules (general purpose buckets), which also keep names safe as Store collections. */
export const BUCKET_NAME = /^(?!xn--)(?!.*-s3alias$)(?!\d+\.\d+\.\d+\.\d+$)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/**
 * Splits a path-style path `/{bucket}/{key}` into its bucket and key. The key is percent-decoded exactly
 * once and nothing else: a `+` in a path is a literal plus (only query strings use `+` for space), and
 * `%2F`, `..` or `%00` stay part of the key — keys are never file paths here.
 */
export interface S3Path {
  bucket: string | undefined;
  key: string | undefined;
}

export function parseS3Path(rawPath: string): S3Path {
  const path = rawPath.startsWith('/') ? rawPath.slice(1) : rawPath;
  if (path === '') return { bucket: undefined, key: undefined };
  const slash = path.indexOf('/');
  const rawBucket = slash === -1 ? path : path.slice(0, slash);
  const rawKey = slash === -1 ? '' : path.slice(slash + 1);
  try {
    const bucket = decodeURIComponent(rawBucket);
    return { bucket, key: rawKey === '' ? undefined : decodeURIComponent(rawKey) };
  } catch {
    // Broken percent-encoding or bytes that are not UTF-8.
    throw new InvalidURI();
  }
}

export function objectArn(bucket: string, key: string): string {
  return `${bucketArn(bucket)}/${key}`;
}
