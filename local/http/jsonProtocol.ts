import { AwsError } from '../errors';
import type { LocalRequest, LocalResponse } from './types';

/**
 * The awsJson1_1 protocol both Cognito services speak: `POST /`, `X-Amz-Target: <Service>.<Action>`,
 * JSON bodies, errors as `{"__type","message"}` plus the `x-amzn-ErrorType` / `x-amzn-ErrorMessage`
 * headers (Amplify reads the code from `x-amzn-errortype` first).
 */
export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.1';

/** Cognito answers an unparseable body with a bare SerializationException. */
export class SerializationException extends AwsError {
  constructor(message = 'Start of structure or map found where not expected.') {
    super('SerializationException', message, 400);
  }
}

export class UnknownOperationException extends AwsError {
  constructor() {
    super('UnknownOperationException', '', 400);
  }
}

/** Known to AWS, not emulated here: explicit, never a 500 with an empty body. */
export class NotImplementedException extends AwsError {
  constructor(action: string) {
    super('NotImplementedException', `${action} is not implemented by the local emulator.`, 501);
  }
}

export class InternalErrorException extends AwsError {
  constructor() {
    super('InternalErrorException', 'Internal server error.', 500);
  }
}

export function parseJsonBody(request: LocalRequest): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(request.body);
  } catch {
    throw new SerializationException('Invalid UTF-8 in request body.');
  }
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SerializationException('Could not parse request body into json.');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new SerializationException();
  }
  return parsed as Record<string, unknown>;
}

export function jsonResponse(body: unknown, requestId: string): LocalResponse {
  return {
    status: 200,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amzn-requestid': requestId },
    body: JSON.stringify(body ?? {}),
  };
}

export function jsonError(error: AwsError, requestId: string): LocalResponse {
  const headers: Record<string, string> = {
    'content-type': JSON_CONTENT_TYPE,
    'x-amzn-requestid': requestId,
    'x-amzn-errortype': `${error.code}:`,
  };
  // Header values must be Latin-1; AWS percent-encodes nothing here, so drop what cannot be sent.
  if (error.message) headers['x-amzn-errormessage'] = error.message.replace(/[^\x20-\x7e]/g, '?');
  const body: Record<string, string> = { __type: error.code };
  if (error.message) body.message = error.message;
  return { status: error.status, headers, body: JSON.stringify(body) };
}

/** Splits `AWSCognitoIdentityProviderService.InitiateAuth` into its service prefix and action. */
export function parseTarget(target: string | undefined): { service: string; action: string } | undefined {
  if (!target) return undefined;
  const dot = target.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return { service: target.slice(0, dot), action: target.slice(dot + 1) };
}
