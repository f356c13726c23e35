import { AwsError } from '../errors';

/**
 * S3's errors, one class each, with S3's code, status and message as the service answers them
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). The extra elements some of
 * them carry (`<Key>`, `<ServerTime>` …) go in `extra`; `s3ErrorResponse` serialises them all.
 */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class AccessDenied extends AwsError {
  constructor(message = 'Access Denied', extra: Record<string, string> = {}) {
    super('AccessDenied', message, 403, extra);
  }
}

/** An expired presigned URL: 403 AccessDenied, with the expiry S3 computed and its own clock. */
export class RequestHasExpired extends AccessDenied {
  constructor(expiresSeconds: number, expiresAt: number, serverTime: number) {
    super('Request has expired', {
      'X-Amz-Expires': String(expiresSeconds),
      Expires: isoSeconds(expiresAt),
      ServerTime: isoSeconds(serverTime),
    });
  }
}

export class RequestNotYetValid extends AccessDenied {
  constructor(requestDate: string, serverTime: number) {
    super('Request is not yet valid', { 'X-Amz-Date': requestDate, ServerTime: isoSeconds(serverTime) });
  }
}

export class NoSuchBucket extends AwsError {
  constructor(bucket: string) {
    super('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });
  }
}

export class NoSuchKey extends AwsError {
  constructor(key: string) {
    super('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });
  }
}

export class BucketAlreadyOwnedByYou extends AwsError {
  constructor(bucket: string) {
    super(
      'BucketAlreadyOwnedByYou',
      'Your previous request to create the named bucket succeeded and you already own it.',
      409,
      { BucketName: bucket },
    );
  }
}

export class InvalidBucketName extends AwsError {
  constructor(bucket: string) {
    super('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket });
  }
}

export class SignatureDoesNotMatch extends AwsError {
  constructor(extra: Record<string, string>) {
    super(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      403,
      extra,
    );
  }
}

export class InvalidAccessKeyId extends AwsError {
  constructor(accessKeyId: string) {
    super('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403, {
      AWSAccessKeyId: accessKeyId,
    });
  }
}

/** Amplify retries once with fresh credentials on exactly this code. */
export class ExpiredToken extends AwsError {
  constructor() {
    super('ExpiredToken', 'The provided token has expired.', 400);
  }
}

export class InvalidToken extends AwsError {
  constructor() {
    super('InvalidToken', 'The provided token is malformed or otherwise invalid.', 400);
  }
}

export class RequestTimeTooSkewed extends AwsError {
  constructor(requestTime: string, serverTime: number) {
    super(
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
      403,
      {
        RequestTime: requestTime,
        ServerTime: isoSeconds(serverTime),
        MaxAllowedSkewMilliseconds: '900000',
      },
    );
  }
}

export class AuthorizationHeaderMalformed extends AwsError {
  constructor(detail: string, extra: Record<string, string> = {}) {
    super('AuthorizationHeaderMalformed', `The authorization header is malformed; ${detail}`, 400, extra);
  }
}

export class AuthorizationQueryParametersError extends AwsError {
  constructor(message: string) {
    super('AuthorizationQueryParametersError', message, 400);
  }
}

export class InvalidRequest extends AwsError {
  constructor(message: string) {
    super('InvalidRequest', message, 400);
  }
}

export class InvalidArgument extends AwsError {
  constructor(message: string, argumentName: string, argumentValue: string) {
    super('InvalidArgument', message, 400, { ArgumentName: argumentName, ArgumentValue: argumentValue });
  }
}

export class XAmzContentSHA256Mismatch extends AwsError {
  constructor() {
    super(
      'XAmzContentSHA256Mismatch',
      "The provided 'x-amz-content-sha256' header does not match what was computed.",
      400,
    );
  }
}

export class BadDigest extends AwsError {
  constructor() {
    super('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400);
  }
}

export class InvalidDigest extends AwsError {
  constructor() {
    super('InvalidDigest', 'The Content-MD5 you specified is not valid.', 400);
  }
}

export class InvalidRange extends AwsError {
  constructor(range: string, size: number) {
    super('InvalidRange', 'The requested range is not satisfiable', 416, {
      RangeRequested: range,
      ActualObjectSize: String(size),
    });
  }
}

export class InvalidURI extends AwsError {
  constructor() {
    super('InvalidURI', "Couldn't parse the specified URI.", 400);
  }
}

export class MethodNotAllowed extends AwsError {
  constructor(method: string, resourceType: 'BUCKET' | 'OBJECT' | 'SERVICE') {
    super('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, {
      Method: method,
      ResourceType: resourceType,
    });
  }
}

/** Known to S3, not emulated here: an explicit answer naming what is missing, never a 500. */
export class NotImplemented extends AwsError {
  constructor(what: string) {
    super('NotImplemented', 'A header you provided implies functionality that is not implemented', 501, {
      Header: what,
    });
  }
}

/** S3's answer to a CORS preflight no rule allows. */
export class CorsForbidden extends AwsError {
  constructor(message: string, extra: Record<string, string> = {}) {
    super('AccessForbidden', `CORSResponse: ${message}`, 403, extra);
  }
}
