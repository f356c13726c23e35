import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';

export interface ResignOptions {
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  region: string;
  /** The date to sign for: the server's time, when the device clock is wrong. */
  signingDate: Date;
  expiresInSec: number;
}

/** The query parameters a SigV4 presignature adds; everything else in the URL is the request itself. */
const SIGNATURE_PARAMS = new Set([
  'X-Amz-Algorithm',
  'X-Amz-Credential',
  'X-Amz-Date',
  'X-Amz-Expires',
  'X-Amz-SignedHeaders',
  'X-Amz-Security-Token',
  'X-Amz-Signature',
]);

/** S3 presigned URLs sign no payload; the header only tells the signer so and is neither signed nor sent. */
const PAYLOAD_HASH_HEADER = 'x-amz-content-sha256';

/**
 * Signs a presigned S3 GET URL again for another date: the request Amplify Storage's `getUrl` built
 * (endpoint, encoded key, `x-id`, user agent) stays exactly as it is, only the signature is new.
 *
 * Why: `getUrl` presigns with the device's `new Date()` and, unlike Amplify's signed requests, applies no
 * clock-skew correction; a device clock an hour behind makes every URL an hour old, and S3 answers
 * "Request has expired". Signed as S3 expects presigned URLs: path not re-escaped (`uriEscapePath: false`),
 * payload `UNSIGNED-PAYLOAD`, only `host` signed.
 */
export async function resignPresignedUrl(url: URL, options: ResignOptions): Promise<URL> {
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (!SIGNATURE_PARAMS.has(name)) query[name] = value;
  const signer = new SignatureV4({
    credentials: options.credentials,
    region: options.region,
    service: 's3',
    sha256: Sha256,
    uriEscapePath: false,
    applyChecksum: false,
  });
  const presigned = await signer.presign(
    {
      method: 'GET',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port === '' ? undefined : Number(url.port),
      path: url.pathname,
      query,
      headers: { host: url.host, [PAYLOAD_HASH_HEADER]: 'UNSIGNED-PAYLOAD' },
    },
    {
      signingDate: options.signingDate,
      expiresIn: options.expiresInSec,
      unsignableHeaders: new Set([PAYLOAD_HASH_HEADER]),
      unhoistableHeaders: new Set([PAYLOAD_HASH_HEADER]),
    },
  );
  const out = new URL(url.pathname, url.origin);
  for (const [name, value] of Object.entries(presigned.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value]) if (v !== null) out.searchParams.append(name, v);
  }
  return out;
}
