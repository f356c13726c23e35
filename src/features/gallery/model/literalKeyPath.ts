/**
 * S3 keys are any string, but a URL path is not: WHATWG URL parsing (every browser, and Amplify's own URL
 * objects) removes `.` and `..` segments, so `a/../b.png` would address `b.png`; and Amplify Storage
 * refuses a path with a leading `/` outright. Such keys need their own path.
 */
export function needsLiteralPath(key: string): boolean {
  return key.startsWith('/') || key.split('/').some((segment) => segment === '.' || segment === '..');
}

/** Encodes like Amplify's (and the AWS SDKs') S3 key encoding: RFC 3986 unreserved characters stay. */
function encodeS3(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The key as one URL path segment, its slashes encoded as `%2F`: no dot segment is left for a URL parser
 * to remove, and S3 — which decodes the path once to find the key, and signs the path as sent — reads
 * back the exact key. Undefined for a key no URL path can carry (`.` or `..` alone: a lone dot segment
 * is removed even when percent-encoded).
 */
export function literalKeyPath(key: string): string | undefined {
  if (key === '.' || key === '..') return undefined;
  return encodeS3(key);
}
