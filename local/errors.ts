/**
 * Base of every AWS-shaped error the emulator answers. Each service declares one subclass per AWS
 * exception with AWS's exact code, status and message; each protocol serialises them in one place
 * (JSON `__type` for Cognito, XML `<Error><Code>` for S3).
 */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
    /** Extra fields some errors carry (S3's `<ServerTime>`, `<Expires>` …). */
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
    this.name = code;
  }
}

/** Anything unexpected inside an action: answered as AWS's internal error, never as an empty 500. */
export function isAwsError(error: unknown): error is AwsError {
  return error instanceof AwsError;
}
