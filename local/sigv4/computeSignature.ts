import { Sha256 } from '@aws-crypto/sha256-js';
import { createScope, getCanonicalHeaders, getSigningKey, SignatureV4Base } from '@smithy/signature-v4';
import type { HttpRequest, QueryParameterBag } from '@smithy/types';
import { ALGORITHM } from './parseSignedRequest';

/** One candidate reading of a request: what the client may have signed. */
export interface SigningInput {
  method: string;
  /** The host header value that was signed. */
  host: string;
  /** The path exactly as sent (still percent-encoded). */
  rawPath: string;
  query: URLSearchParams;
  /** Lower-cased request headers; only `signedHeaders` of them enter the signature. */
  headers: Record<string, string>;
  signedHeaders: string[];
  payloadHash: string;
  longDate: string;
  scopeDate: string;
  region: string;
  service: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface ComputedSignature {
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
}

/**
 * The smithy signer's own canonicalisation (canonical path, query, headers, string to sign), reached
 * through its base class: the verifier recomputes exactly what the AWS SDKs compute, instead of a
 * hand-rolled copy that could agree with itself and disagree with every client.
 */
class Canonicaliser extends SignatureV4Base {
  constructor(service: string, region: string) {
    // S3 alone signs the path as sent, without the second round of URI escaping other services use.
    super({
      service,
      region,
      credentials: { accessKeyId: '', secretAccessKey: '' },
      sha256: Sha256,
      uriEscapePath: service !== 's3',
    });
  }

  canonicalRequest(
    request: HttpRequest,
    canonicalHeaders: Record<string, string>,
    payloadHash: string,
  ): string {
    return this.createCanonicalRequest(request, canonicalHeaders, payloadHash);
  }

  stringToSign(longDate: string, scope: string, canonicalRequest: string): Promise<string> {
    return this.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM);
  }
}

/** The query as the signer sees it: decoded names and values, repeated names as arrays. */
function queryBag(query: URLSearchParams): QueryParameterBag {
  const bag: Record<string, string | string[]> = {};
  for (const [name, value] of query) {
    const previous = bag[name];
    bag[name] =
      previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return bag;
}

/** Computes the SigV4 signature a client holding `secretAccessKey` would have produced for `input`. */
export async function computeSignature(input: SigningInput): Promise<ComputedSignature> {
  const headers: Record<string, string> = {};
  for (const name of input.signedHeaders) {
    const value = name === 'host' ? input.host : input.headers[name];
    if (value !== undefined) headers[name] = value;
  }
  const request: HttpRequest = {
    method: input.method,
    protocol: 'https:',
    hostname: input.host,
    path: input.rawPath,
    query: queryBag(input.query),
    headers,
  };
  // Every header the client listed is signed, even those the SDK would never sign itself (user-agent …).
  const canonicalHeaders = getCanonicalHeaders(request, undefined, new Set(input.signedHeaders));
  const canonicaliser = new Canonicaliser(input.service, input.region);
  const canonicalRequest = canonicaliser.canonicalRequest(request, canonicalHeaders, input.payloadHash);
  const scope = createScope(input.scopeDate, input.region, input.service);
  const stringToSign = await canonicaliser.stringToSign(input.longDate, scope, canonicalRequest);
  const key = await getSigningKey(
    Sha256,
    { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey },
    input.scopeDate,
    input.region,
    input.service,
  );
  const hmac = new Sha256(key);
  hmac.update(new TextEncoder().encode(stringToSign));
  const signature = Buffer.from(await hmac.digest()).toString('hex');
  return { signature, canonicalRequest, stringToSign };
}
