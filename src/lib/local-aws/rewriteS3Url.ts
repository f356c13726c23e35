/**
 * LOCAL MODE ONLY. Amplify Storage 6.x cannot be pointed at an http endpoint: the internal
 * `dangerouslyConnectToHttpEndpointForTesting` throws InvalidCustomEndpoint since storage 6.7.0 and
 * `customEndpoint` is https-only (amplify-notes.md). So Amplify keeps addressing and signing for the
 * bucket's real AWS URL, and this rewrite sends the request to the emulator instead:
 *
 *   https://{bucket}.s3.{region}.amazonaws.com/{key}?{query}  →  {endpoint}/{bucket}/{key}?{query}
 *   https://s3.{region}.amazonaws.com/{bucket}/{key}?{query}  →  {endpoint}/{bucket}/{key}?{query}
 *
 * (the second form is Amplify's path-style addressing, used for bucket names containing a dot). Path and
 * query are kept byte for byte: the signature covers them. The emulator verifies the signature against the
 * virtual-hosted address it was made for. Only the configured buckets are rewritten; any other URL is
 * returned as is (undefined), so nothing else is ever redirected.
 */
export function rewriteS3Url(url: URL, endpoint: string, region: string, buckets: ReadonlySet<string>): string | undefined {
  if (url.protocol !== 'https:') return undefined;
  const s3Host = `s3.${region}.amazonaws.com`;
  if (url.hostname.endsWith(`.${s3Host}`)) {
    const bucket = url.hostname.slice(0, -(s3Host.length + 1));
    return buckets.has(bucket) ? `${endpoint}/${bucket}${url.pathname}${url.search}` : undefined;
  }
  if (url.hostname === s3Host) {
    const bucket = url.pathname.split('/')[1] ?? '';
    return buckets.has(bucket) ? `${endpoint}${url.pathname}${url.search}` : undefined;
  }
  return undefined;
}
