import { AwsError } from '../errors';

/**
 * The Cognito user pool exceptions this emulator answers, one class per AWS code. Messages that AWS
 * always sends the same way live in MESSAGES below, so actions and tests share one spelling.
 */
export class NotAuthorizedException extends AwsError {
  constructor(message: string) {
    super('NotAuthorizedException', message, 400);
  }
}

/** Model validation and bad AuthParameters: Cognito answers both with InvalidParameterException. */
export class InvalidParameterException extends AwsError {
  constructor(message: string) {
    super('InvalidParameterException', message, 400);
  }
}

export class InvalidPasswordException extends AwsError {
  constructor(message: string) {
    super('InvalidPasswordException', message, 400);
  }
}

export class UserNotFoundException extends AwsError {
  constructor() {
    super('UserNotFoundException', 'User does not exist.', 400);
  }
}

export class UsernameExistsException extends AwsError {
  constructor() {
    super('UsernameExistsException', 'User account already exists', 400);
  }
}

export class ResourceNotFoundException extends AwsError {
  constructor(message: string) {
    super('ResourceNotFoundException', message, 400);
  }
}

export class CodeMismatchException extends AwsError {
  constructor() {
    super('CodeMismatchException', 'Invalid verification code provided, please try again.', 400);
  }
}

export class ExpiredCodeException extends AwsError {
  constructor() {
    super('ExpiredCodeException', 'Invalid code provided, please request a code again.', 400);
  }
}

export class UnsupportedTokenTypeException extends AwsError {
  constructor() {
    super('UnsupportedTokenTypeException', 'Unsupported token type', 400);
  }
}

/** IAM's answer to a signed Admin* call whose principal is not allowed to make it. */
export class AccessDeniedException extends AwsError {
  constructor(message: string) {
    super('AccessDeniedException', message, 400);
  }
}

/** The SigV4 failures every AWS JSON service answers the same way (codes of the AWS common errors). */
export class MissingAuthenticationTokenException extends AwsError {
  constructor() {
    super('MissingAuthenticationTokenException', 'Missing Authentication Token', 400);
  }
}

export class UnrecognizedClientException extends AwsError {
  constructor() {
    super('UnrecognizedClientException', 'The security token included in the request is invalid.', 400);
  }
}

export class InvalidSignatureException extends AwsError {
  constructor(message: string) {
    super('InvalidSignatureException', message, 400);
  }
}

export class IncompleteSignatureException extends AwsError {
  constructor(message: string) {
    super('IncompleteSignatureException', message, 400);
  }
}

export class ExpiredTokenException extends AwsError {
  constructor() {
    super('ExpiredTokenException', 'The security token included in the request is expired', 400);
  }
}

/** AWS's own wording for the answers the app and tests depend on (sources: aws-wire-facts.md). */
export const MESSAGES = {
  wrongPassword: 'Incorrect username or password.',
  userDisabled: 'User is disabled.',
  refreshRevoked: 'Refresh Token has been revoked',
  refreshInvalid: 'Invalid Refresh Token.',
  // Unconfirmed wording; Cognito's answer for a refresh token past its validity.
  refreshExpired: 'Refresh Token has expired',
  accessRevoked: 'Access Token has been revoked',
  accessExpired: 'Access Token has expired',
  accessInvalid: 'Invalid Access Token',
  sessionInvalid: 'Invalid session for the user.',
  sessionExpired: 'Invalid session for the user, session is expired.',
  sessionUsed: 'Invalid session for the user, session can only be used once.',
  cannotReset: 'User password cannot be reset in the current state.',
  signatureMismatch:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
} as const;
