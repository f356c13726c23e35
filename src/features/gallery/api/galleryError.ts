/**
 * The few kinds of failure a gallery can show, translated once here from Amplify/S3 error names so the
 * components never parse error objects. `code` keeps the original name for the request log.
 */
export type GalleryErrorKind =
  'accessDenied' | 'sessionExpired' | 'network' | 'noSuchBucket' | 'unavailable' | 'unknown';

export interface GalleryError {
  kind: GalleryErrorKind;
  code: string;
}

// S3 error codes (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html) and Amplify's own
// error names, grouped by what the user can do about them.
const KIND_BY_CODE: Record<string, GalleryErrorKind> = {
  AccessDenied: 'accessDenied',
  AllAccessDisabled: 'accessDenied',
  // Credentials S3 no longer accepts: the session has to be renewed before anything else works.
  ExpiredToken: 'sessionExpired',
  ExpiredTokenException: 'sessionExpired',
  RequestExpired: 'sessionExpired',
  InvalidToken: 'sessionExpired',
  InvalidAccessKeyId: 'sessionExpired',
  // Amplify's names when fetchAuthSession() has no credentials (tokens gone or the identity pool refused).
  NoCredentials: 'sessionExpired',
  CredentialsNotFound: 'sessionExpired',
  UserUnAuthenticatedException: 'sessionExpired',
  NotAuthorizedException: 'sessionExpired',
  NoSuchBucket: 'noSuchBucket',
  NetworkError: 'network',
  SlowDown: 'unavailable',
  InternalError: 'unavailable',
  ServiceUnavailable: 'unavailable',
  ThrottlingException: 'unavailable',
  TooManyRequestsException: 'unavailable',
};

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') {
    return error.name;
  }
  return 'UnknownError';
}

export function toGalleryError(error: unknown): GalleryError {
  const code = errorName(error);
  const known = KIND_BY_CODE[code];
  if (known) return { kind: known, code };
  // Amplify names an error without an S3 code by its HTTP status (e.g. "503").
  if (/^5\d\d$/.test(code)) return { kind: 'unavailable', code };
  // A fetch that never reached the server rejects with a TypeError ("Failed to fetch").
  if (error instanceof TypeError) return { kind: 'network', code: 'NetworkError' };
  return { kind: 'unknown', code };
}
