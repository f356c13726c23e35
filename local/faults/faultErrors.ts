import { AwsError } from '../errors';
import type { FaultRuleSpec, FaultService } from './rules';

/**
 * The answers an injected fault gives, shaped as each service gives them, so the SDK's and Amplify's own
 * error handling (retry on throttling and 5xx, refresh on NotAuthorized) meets what it meets on AWS:
 *
 * | fault      | cognito-idp / cognito-identity                  | s3                                  |
 * |------------|-------------------------------------------------|-------------------------------------|
 * | `throttle` | 400 `TooManyRequestsException` "Rate exceeded"  | 503 `SlowDown`                      |
 * | `500`      | 500 `InternalErrorException`                    | 500 `InternalError`                 |
 * | `503`      | 503 `ServiceUnavailableException`               | 503 `ServiceUnavailable`            |
 * | a code     | `status` (400) `<code>` `message`               | `status` (400) `<Code>` `message`   |
 *
 * "Rate exceeded" is the message Cognito's throttling carries in captured answers (amplify-js #3554,
 * boto3 #2517). Neither Cognito API models a 503; ServiceUnavailableException is what AWS's JSON
 * front ends use (unconfirmed for Cognito) — clients retry on the status whatever the code.
 * S3's codes and messages: https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
const DEFAULT_MESSAGE = 'Fault injected by the local emulator.';

function jsonServiceError(spec: FaultRuleSpec): AwsError {
  switch (spec.fault) {
    case 'throttle':
      return new AwsError('TooManyRequestsException', spec.message ?? 'Rate exceeded', 400);
    case '500':
      return new AwsError('InternalErrorException', spec.message ?? 'Internal server error.', 500);
    case '503':
      return new AwsError('ServiceUnavailableException', spec.message ?? 'Service Unavailable', 503);
    default:
      return new AwsError(spec.fault, spec.message ?? DEFAULT_MESSAGE, spec.status ?? 400);
  }
}

function s3Error(spec: FaultRuleSpec): AwsError {
  switch (spec.fault) {
    case 'throttle':
      return new AwsError('SlowDown', spec.message ?? 'Please reduce your request rate.', 503);
    case '500':
      return new AwsError('InternalError', spec.message ?? 'We encountered an internal error. Please try again.', 500);
    case '503':
      return new AwsError('ServiceUnavailable', spec.message ?? 'Service is unable to handle request.', 503);
    default:
      return new AwsError(spec.fault, spec.message ?? DEFAULT_MESSAGE, spec.status ?? 400);
  }
}

/** The error a rule answers with; undefined for `latency` and `reset`, which answer no error of their own. */
export function faultError(service: FaultService, spec: FaultRuleSpec): AwsError | undefined {
  if (spec.fault === 'latency' || spec.fault === 'reset') return undefined;
  return service === 's3' ? s3Error(spec) : jsonServiceError(spec);
}

/**
 * Thrown for a `reset` fault: not an AWS error, so it passes every service's error serialiser untouched
 * up to routes.ts, which answers with `destroySocket` (the server then destroys the connection).
 */
export class ConnectionReset extends Error {
  constructor() {
    super('connection reset by fault injection');
    this.name = 'ConnectionReset';
  }
}
