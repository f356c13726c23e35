import type { EmulatorDeps } from '../deps';
import type { SigningTarget } from '../sigv4/verifySigV4';

/**
 * THE ONE LOCAL-ONLY CONCESSION in the emulator's SigV4 checks.
 *
 * Amplify Storage in a browser cannot talk to an http:// endpoint (see amplify-notes.md), so the app's
 * local adapter lets Amplify sign each request for the bucket's real AWS address —
 * `https://{bucket}.s3.{region}.amazonaws.com/{key}?…`, or path-style at `s3.{region}.amazonaws.com`
 * for bucket names with dots — and only then rewrites the URL to `{emulator}/{bucket}/{key}?…`, same
 * query and headers (the browser sets Host to the emulator's). The signature is therefore valid for the
 * AWS address, not for the request as received.
 *
 * So S3 accepts a signature that is valid for the request as received OR for one of these AWS readings
 * of it. Each is a full SigV4 verification with the principal's real secret over the same method, query,
 * headers and payload hash; only the host (and the `/{bucket}` path prefix, for virtual-hosted style)
 * differ. A tampered request fails every reading.
 */
export function awsSigningTargets(deps: EmulatorDeps, bucket: string, rawPath: string): SigningTarget[] {
  const prefix = `/${bucket}`;
  if (rawPath !== prefix && !rawPath.startsWith(`${prefix}/`)) return [];
  const { region } = deps.config;
  return [
    { host: `${bucket}.s3.${region}.amazonaws.com`, rawPath: rawPath.slice(prefix.length) || '/' },
    { host: `s3.${region}.amazonaws.com`, rawPath },
  ];
}
