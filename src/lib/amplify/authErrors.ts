/**
 * Which failures end a session and which are worth retrying, in one place. Definitive: the refresh token
 * or the user is gone (the errors on which Amplify itself clears the tokens — TokenOrchestrator
 * `isAuthenticationError`). Temporary: network, throttling, 5xx, anything unknown: retried, tokens kept.
 */
export type AuthFailure =
  | { kind: 'definitive'; reason: DefinitiveReason; name: string }
  | { kind: 'temporary'; reason: TemporaryReason; name: string };

export type DefinitiveReason =
  | 'refresh-token-revoked'
  | 'refresh-token-expired'
  | 'refresh-token-invalid'
  | 'refresh-token-reused'
  | 'user-disabled'
  | 'user-not-found'
  | 'user-not-confirmed'
  | 'password-reset-required'
  | 'not-authorized';

export type TemporaryReason = 'network' | 'throttled' | 'service-unavailable' | 'credentials-refused' | 'unknown';

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  underlyingError?: unknown;
  $metadata?: { httpStatusCode?: number };
  metadata?: { httpStatusCode?: number };
}

const THROTTLING = /^(TooManyRequestsException|ThrottlingException|LimitExceededException|RequestLimitExceeded|SlowDown)/;
const SERVER = /^(InternalErrorException|InternalServerError|InternalFailure|ServiceUnavailable|ServiceException)/;
const NETWORK = /^(NetworkError|TimeoutError|AbortError)$/;

function asErrorLike(error: unknown): ErrorLike {
  return typeof error === 'object' && error !== null ? (error as ErrorLike) : {};
}

/** Cognito's NotAuthorizedException covers several fates; its message tells them apart (wire facts). */
function notAuthorizedReason(message: string): DefinitiveReason {
  if (/refresh token has been revoked/i.test(message)) return 'refresh-token-revoked';
  if (/refresh token has expired/i.test(message)) return 'refresh-token-expired';
  if (/invalid refresh token/i.test(message)) return 'refresh-token-invalid';
  if (/user is disabled/i.test(message)) return 'user-disabled';
  return 'not-authorized';
}

export function classifyAuthError(error: unknown): AuthFailure {
  const e = asErrorLike(error);
  // Our refresher re-labels temporary refresh failures as NetworkError (see lockedTokenRefresher.ts);
  // the original error rides along as `underlyingError` and decides the reason.
  if (e.name === 'NetworkError' && e.underlyingError && typeof e.underlyingError === 'object') {
    const inner = classifyAuthError(e.underlyingError);
    if (inner.kind === 'temporary' && inner.reason !== 'unknown') return inner;
  }
  const name = typeof e.name === 'string' ? e.name : 'Unknown';
  const message = typeof e.message === 'string' ? e.message : '';
  const status = e.$metadata?.httpStatusCode ?? e.metadata?.httpStatusCode;
  if (name.startsWith('NotAuthorizedException')) {
    // From the identity pool ("Invalid login token…"): the tokens were fine a moment ago; a renewal fixes it.
    if (/invalid login token/i.test(message)) return { kind: 'temporary', reason: 'credentials-refused', name };
    return { kind: 'definitive', reason: notAuthorizedReason(message), name };
  }
  if (name.startsWith('TokenRevokedException')) return { kind: 'definitive', reason: 'refresh-token-revoked', name };
  if (name.startsWith('RefreshTokenReuseException')) return { kind: 'definitive', reason: 'refresh-token-reused', name };
  if (name.startsWith('UserNotFoundException')) return { kind: 'definitive', reason: 'user-not-found', name };
  if (name.startsWith('UserNotConfirmedException')) return { kind: 'definitive', reason: 'user-not-confirmed', name };
  if (name.startsWith('PasswordResetRequiredException')) return { kind: 'definitive', reason: 'password-reset-required', name };
  if (NETWORK.test(name) || error instanceof TypeError) return { kind: 'temporary', reason: 'network', name };
  if (THROTTLING.test(name) || status === 429) return { kind: 'temporary', reason: 'throttled', name };
  if (SERVER.test(name) || (status !== undefined && status >= 500)) return { kind: 'temporary', reason: 'service-unavailable', name };
  return { kind: 'temporary', reason: 'unknown', name };
}
