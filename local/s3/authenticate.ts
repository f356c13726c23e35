import type { AwsError } from '../errors';
import type { EmulatorDeps } from '../deps';
import type { LocalRequest } from '../http/types';
import type { Principal } from '../iam/credentials';
import { SigV4Failure, verifySigV4 } from '../sigv4/verifySigV4';
import { awsSigningTargets } from './signingTargets';
import {
  AccessDenied,
  AuthorizationHeaderMalformed,
  AuthorizationQueryParametersError,
  ExpiredToken,
  InvalidAccessKeyId,
  InvalidArgument,
  InvalidRequest,
  InvalidToken,
  NotImplemented,
  RequestHasExpired,
  RequestNotYetValid,
  RequestTimeTooSkewed,
  SignatureDoesNotMatch,
  XAmzContentSHA256Mismatch,
} from './errors';

function isPresigned(request: LocalRequest): boolean {
  return request.headers['authorization'] === undefined;
}

/** Translates why SigV4 verification failed into the error S3 answers for it. */
export function s3ErrorFor(failure: SigV4Failure, request: LocalRequest): AwsError {
  const d = failure.details;
  const detail = d.detail ?? 'the request could not be parsed';
  switch (failure.reason) {
    case 'missing':
      return new AccessDenied();
    case 'ambiguous':
      return new InvalidArgument(detail, 'Authorization', request.headers['authorization'] ?? '');
    case 'unsupported-algorithm':
      return new InvalidRequest(
        'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
      );
    case 'malformed':
      return isPresigned(request)
        ? new AuthorizationQueryParametersError(`Error parsing the query parameters; ${detail}`)
        : new AuthorizationHeaderMalformed(detail);
    case 'wrong-region':
      return isPresigned(request)
        ? new AuthorizationQueryParametersError(`Error parsing the X-Amz-Credential parameter; ${detail}`)
        : new AuthorizationHeaderMalformed(detail);
    // S3 looks an access key without its session token up among long-term keys, and does not find it.
    case 'unknown-access-key':
    case 'token-missing':
      return new InvalidAccessKeyId(d.accessKeyId ?? '');
    case 'signature-mismatch':
      return new SignatureDoesNotMatch({
        AWSAccessKeyId: d.accessKeyId ?? '',
        StringToSign: d.stringToSign ?? '',
        SignatureProvided: d.signatureProvided ?? '',
        CanonicalRequest: d.canonicalRequest ?? '',
      });
    case 'token-invalid':
      return new InvalidToken();
    case 'token-expired':
      return new ExpiredToken();
    case 'time-skewed':
      return new RequestTimeTooSkewed(
        request.headers['x-amz-date'] ?? request.headers['date'] ?? '',
        d.serverTime ?? 0,
      );
    case 'not-yet-valid':
      return new RequestNotYetValid(request.query.get('X-Amz-Date') ?? '', d.serverTime ?? 0);
    case 'presign-expired':
      return new RequestHasExpired(d.expiresSeconds ?? 0, d.expiresAt ?? 0, d.serverTime ?? 0);
    case 'presign-expires-too-large':
      return new AuthorizationQueryParametersError(
        'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
      );
    case 'presign-expires-invalid':
      return new AuthorizationQueryParametersError('X-Amz-Expires should be a number');
    case 'content-sha256-missing':
      return new InvalidRequest('Missing required header for this request: x-amz-content-sha256');
    case 'content-sha256-invalid':
      return detail.startsWith('aws-chunked')
        ? new NotImplemented('x-amz-content-sha256')
        : new InvalidArgument(
            'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
            'x-amz-content-sha256',
            request.headers['x-amz-content-sha256'] ?? '',
          );
    case 'content-sha256-mismatch':
      return new XAmzContentSHA256Mismatch();
  }
}

/**
 * The principal behind an S3 request, or undefined for an anonymous one (no signature at all), which
 * the policy check then refuses as S3 refuses anonymous access to a private bucket.
 */
export async function authenticate(
  deps: EmulatorDeps,
  request: LocalRequest,
  bucket: string | undefined,
): Promise<Principal | undefined> {
  try {
    return await verifySigV4(deps, request, {
      service: 's3',
      alternateHosts: bucket ? awsSigningTargets(deps, bucket, request.rawPath) : [],
    });
  } catch (error) {
    if (!(error instanceof SigV4Failure)) throw error;
    if (error.reason === 'missing') return undefined;
    throw s3ErrorFor(error, request);
  }
}
