import { firstIndexAfter } from './keyIndex';

/** Where a continuation token resumes: after a key, or after every key under a common prefix. */
export interface ListPosition {
  after: string;
  isCommonPrefix: boolean;
}

export interface ListingOptions {
  prefix: string;
  delimiter?: string;
  startAfter?: string;
  resume?: ListPosition;
  maxKeys: number;
}

export interface ListingPage {
  keys: string[];
  commonPrefixes: string[];
  isTruncated: boolean;
  /** The last entry returned, where the next page resumes. */
  last?: ListPosition;
}

/**
 * One page of ListObjectsV2 over a bucket's keys sorted in UTF-8 byte order. Keys and common prefixes
 * are merged in that order and each counts against MaxKeys, as S3 counts them; a key whose remainder
 * after the prefix holds the delimiter is rolled up into its common prefix, reported once.
 *
 * Keys sharing a prefix are contiguous in byte order, so the scan starts by binary search and stops at
 * the first key outside the prefix.
 */
export function listPage(sortedKeys: readonly string[], options: ListingOptions): ListingPage {
  const { prefix, delimiter, maxKeys } = options;
  let index = firstIndexAfter(sortedKeys, prefix, true);
  if (options.resume) index = Math.max(index, firstIndexAfter(sortedKeys, options.resume.after));
  else if (options.startAfter) index = Math.max(index, firstIndexAfter(sortedKeys, options.startAfter));

  const page: ListingPage = { keys: [], commonPrefixes: [], isTruncated: false };
  // Resuming after a common prefix: every key under it was already reported as that prefix.
  let lastPrefix = options.resume?.isCommonPrefix ? options.resume.after : undefined;
  let count = 0;
  for (; index < sortedKeys.length; index++) {
    const key = sortedKeys[index] ?? '';
    if (!key.startsWith(prefix)) break;
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    const commonPrefix = delimiter && cut !== -1 ? key.slice(0, cut + delimiter.length) : undefined;
    if (commonPrefix !== undefined && commonPrefix === lastPrefix) continue;
    if (count === maxKeys) {
      // Unconfirmed on AWS: with max-keys=0 there is no entry to resume after, so no token is offered.
      page.isTruncated = maxKeys > 0;
      break;
    }
    if (commonPrefix !== undefined) {
      page.commonPrefixes.push(commonPrefix);
      lastPrefix = commonPrefix;
      page.last = { after: commonPrefix, isCommonPrefix: true };
    } else {
      page.keys.push(key);
      page.last = { after: key, isCommonPrefix: false };
    }
    count++;
  }
  return page;
}

const TOKEN_VERSION = 1;

/** Opaque to clients, like S3's: base64url of where the next page starts. */
export function encodeContinuationToken(position: ListPosition): string {
  return Buffer.from(
    JSON.stringify({ v: TOKEN_VERSION, a: position.after, p: position.isCommonPrefix }),
    'utf8',
  ).toString('base64url');
}

export function decodeContinuationToken(token: string): ListPosition | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { v, a, p } = parsed as Record<string, unknown>;
    if (v !== TOKEN_VERSION || typeof a !== 'string' || typeof p !== 'boolean') return undefined;
    return { after: a, isCommonPrefix: p };
  } catch {
    return undefined;
  }
}

/**
 * `encoding-type=url` as S3 applies it: form-style percent-encoding (space as `+`, a literal `+` as
 * `%2B`) that leaves `/` alone — Amplify decodes with `decodeURIComponent(v.replace(/\+/g, ' '))`.
 */
export function s3UrlEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+').replace(/%2F/g, '/');
}
