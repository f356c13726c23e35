/**
 * Why a SigV4 verification failed. The verifier knows nothing of any service's wire format: each
 * service maps a reason to its own AWS error (S3's `SignatureDoesNotMatch` XML, Cognito's
 * `InvalidSignatureException` JSON …), so one verifier serves every signed endpoint.
 */
export type SigV4FailureReason =
  /** Neither an `Authorization` header nor a presigned query: an anonymous request. */
  | 'missing'
  /** Both an `Authorization` header and a presigned query (AWS allows only one mechanism). */
  | 'ambiguous'
  /** Not `AWS4-HMAC-SHA256` (SigV2, SigV4a …). */
  | 'unsupported-algorithm'
  /** The header or query parts cannot be parsed, or the scope does not fit the request. */
  | 'malformed'
  /** The credential scope names another region than the service's. */
  | 'wrong-region'
  | 'unknown-access-key'
  | 'signature-mismatch'
  /** Temporary credentials (ASIA…) signed without their session token. */
  | 'token-missing'
  /** A session token that is not the one issued with this access key (or one sent with a long-term key). */
  | 'token-invalid'
  | 'token-expired'
  /** Header-signed request more than 15 minutes away from the server's clock. */
  | 'time-skewed'
  /** Presigned request dated more than 15 minutes in the future. */
  | 'not-yet-valid'
  | 'presign-expired'
  | 'presign-expires-too-large'
  /** `X-Amz-Expires` is not a positive whole number. */
  | 'presign-expires-invalid'
  /** S3: `x-amz-content-sha256` absent on a header-signed request. */
  | 'content-sha256-missing'
  /** S3: `x-amz-content-sha256` is neither a hash nor a known keyword. */
  | 'content-sha256-invalid'
  /** S3: `x-amz-content-sha256` is a hash, but not the body's. */
  | 'content-sha256-mismatch';

export interface SigV4FailureDetails {
  /** Human-readable detail for the service's error message (never contains a secret). */
  detail?: string;
  accessKeyId?: string;
  /** Epoch ms of the request's signing date, when it could be parsed. */
  requestTime?: number;
  /** Epoch ms of the server's clock at verification. */
  serverTime?: number;
  /** Presigned requests: the `X-Amz-Expires` seconds and the resulting expiry (epoch ms). */
  expiresSeconds?: number;
  expiresAt?: number;
  /** For signature mismatches, what the server signed (S3 echoes both in its error body). */
  stringToSign?: string;
  canonicalRequest?: string;
  signatureProvided?: string;
}

export class SigV4Failure extends Error {
  constructor(
    readonly reason: SigV4FailureReason,
    readonly details: SigV4FailureDetails = {},
  ) {
    super(details.detail ? `${reason}: ${details.detail}` : reason);
    this.name = 'SigV4Failure';
  }
}
