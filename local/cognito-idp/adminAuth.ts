import type { EmulatorDeps } from '../deps';
import type { AwsError } from '../errors';
import type { LocalRequest } from '../http/types';
import { SigV4Failure, verifySigV4, type SigV4FailureReason } from '../sigv4/verifySigV4';
import {
  AccessDeniedException,
  ExpiredTokenException,
  IncompleteSignatureException,
  InvalidSignatureException,
  MESSAGES,
  MissingAuthenticationTokenException,
  UnrecognizedClientException,
} from './errors';

/** `20240305T090703Z`, as AWS prints times in signature errors. */
function longDate(ms: number | undefined): string {
  return new Date(ms ?? 0).toISOString().replace(/[-:]|\.\d{3}/g, '');
}

/** Each SigV4 failure as the AWS JSON services answer it (AWS common errors). */
function toCognitoError(failure: SigV4Failure): AwsError {
  const { details } = failure;
  const byReason: Record<SigV4FailureReason, () => AwsError> = {
    missing: () => new MissingAuthenticationTokenException(),
    ambiguous: () => new IncompleteSignatureException('Found both an Authorization header and a presigned query.'),
    'unsupported-algorithm': () => new IncompleteSignatureException(`Unsupported AWS 'algorithm': '${details.detail ?? ''}'`),
    malformed: () => new IncompleteSignatureException(details.detail ?? 'Authorization header is malformed.'),
    'wrong-region': () => new InvalidSignatureException(`Credential should be scoped to a valid region. ${details.detail ?? ''}`.trim()),
    'unknown-access-key': () => new UnrecognizedClientException(),
    'token-missing': () => new UnrecognizedClientException(),
    'token-invalid': () => new UnrecognizedClientException(),
    'token-expired': () => new ExpiredTokenException(),
    'signature-mismatch': () => new InvalidSignatureException(MESSAGES.signatureMismatch),
    'content-sha256-mismatch': () => new InvalidSignatureException(MESSAGES.signatureMismatch),
    'content-sha256-invalid': () => new InvalidSignatureException(MESSAGES.signatureMismatch),
    'content-sha256-missing': () => new InvalidSignatureException(MESSAGES.signatureMismatch),
    // AWS's wording; the window is the shared verifier's 15 minutes (AWS JSON services allow 5).
    'time-skewed': () =>
      (details.requestTime ?? 0) < (details.serverTime ?? 0)
        ? new InvalidSignatureException(
            `Signature expired: ${longDate(details.requestTime)} is now earlier than ${longDate((details.serverTime ?? 0) - 15 * 60_000)} (${longDate(details.serverTime)} - 15 min.)`,
          )
        : new InvalidSignatureException(
            `Signature not yet current: ${longDate(details.requestTime)} is still later than ${longDate((details.serverTime ?? 0) + 15 * 60_000)} (${longDate(details.serverTime)} + 15 min.)`,
          ),
    'not-yet-valid': () => new InvalidSignatureException('Signature not yet current.'),
    'presign-expired': () => new InvalidSignatureException('Signature expired.'),
    'presign-expires-too-large': () => new IncompleteSignatureException(details.detail ?? 'X-Amz-Expires is too large.'),
    'presign-expires-invalid': () => new IncompleteSignatureException(details.detail ?? 'X-Amz-Expires is invalid.'),
  };
  return byReason[failure.reason]();
}

/**
 * Admin* calls are IAM-authorised: SigV4-signed for the `cognito-idp` service, and allowed only to the
 * local administrator. The identity pool's role (the app's credentials) has no Cognito permissions, so
 * it is refused as IAM refuses it.
 */
export async function authorizeAdmin(deps: EmulatorDeps, request: LocalRequest, action: string): Promise<void> {
  const principal = await verifySigV4(deps, request, { service: 'cognito-idp' }).catch((error: unknown) => {
    throw error instanceof SigV4Failure ? toCognitoError(error) : error;
  });
  if (principal.kind === 'admin') return;
  const { accountId, region, userPoolId } = deps.config;
  const role = principal.credentials.roleArn.split('/').pop() ?? 'role';
  throw new AccessDeniedException(
    `User: arn:aws:sts::${accountId}:assumed-role/${role}/CognitoIdentityCredentials is not authorized to perform: ` +
      `cognito-idp:${action} on resource: arn:aws:cognito-idp:${region}:${accountId}:userpool/${userPoolId} ` +
      `because no identity-based policy allows the cognito-idp:${action} action`,
  );
}
