/** A failure the operator can fix; its message says how. Printed without a stack trace, exit code 1. */
export class ScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScriptError';
  }
}
