import { AwsError } from '../errors';

/**
 * The Cognito Identity exceptions the emulated actions answer, with AWS's codes. Messages are the ones
 * AWS sends, as captured in issue threads (sources beside each use), so Amplify and the SDK surface
 * exactly what they would against the real service.
 */
export class NotAuthorizedException extends AwsError {
  constructor(message: string) {
    super('NotAuthorizedException', message, 400);
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string) {
    super('ResourceNotFoundException', message, 400);
  }
}

export class InvalidParameterException extends AwsError {
  constructor(message: string) {
    super('InvalidParameterException', message, 400);
  }
}

/**
 * Model-level input validation happens in AWS's front end before the service runs; it answers
 * `ValidationException` with "N validation error(s) detected: …" — not an exception the SDK models.
 */
export class ValidationException extends AwsError {
  constructor(problems: string[]) {
    const count = problems.length;
    super(
      'ValidationException',
      `${count} validation error${count === 1 ? '' : 's'} detected: ${problems.join('; ')}`,
      400,
    );
  }
}

/** Messages AWS uses for refused logins (NotAuthorizedException), in one place for actions and tests. */
export const LOGIN_MESSAGES = {
  unauthenticated: 'Unauthenticated access is not supported for this identity pool.',
  couldNotVerify: "Invalid login token. Couldn't verify signed token.",
  issuerMismatch: "Invalid login token. Issuer doesn't match providerName",
  // AWS's answer when the ID token comes from an app client (aud) or user pool the pool does not list.
  unsupportedProvider: 'Token is not from a supported provider of this identity pool.',
  // Unconfirmed wording: what this emulator answers for a signed JWT that is not an ID token.
  notIdToken: 'Invalid login token. Not a valid OpenId Connect identity token.',
  logins: "Logins don't match. Please include at least one valid login for this identity or identity pool.",
  missingClaim: (claim: string) => `Invalid login token. Missing a required claim: ${claim}`,
  expired: (nowSeconds: number, expSeconds: number) =>
    `Invalid login token. Token expired: ${nowSeconds} >= ${expSeconds}`,
} as const;
