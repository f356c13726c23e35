/**
 * The emulator's log. Structured fields only, so that no caller can paste a password or token into a
 * message by accident: fields named like secrets are masked before anything is printed.
 */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
}

const SECRET_FIELD = /pass|token|secret|signature|srp_a|srp_b|session|authorization|credential/i;

export function redact(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = SECRET_FIELD.test(k) ? '[redacted]' : v;
  return out;
}

function format(level: string, event: string, fields?: Record<string, unknown>): string {
  const rest = fields ? ' ' + JSON.stringify(redact(fields)) : '';
  return `[local-aws] ${level} ${event}${rest}`;
}

export function createConsoleLogger(write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Logger {
  return {
    info: (event, fields) => write(format('info', event, fields)),
    warn: (event, fields) => write(format('warn', event, fields)),
  };
}

/** Collects lines in memory; tests read them (e.g. the forgot-password code) instead of an inbox. */
export function createMemoryLogger(): Logger & { lines: { level: string; event: string; fields: Record<string, unknown> }[] } {
  const lines: { level: string; event: string; fields: Record<string, unknown> }[] = [];
  return {
    lines,
    info: (event, fields = {}) => lines.push({ level: 'info', event, fields }),
    warn: (event, fields = {}) => lines.push({ level: 'warn', event, fields }),
  };
}
