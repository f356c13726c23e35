/** One error a call met: its operation, the AWS code (or network error name) and message. */
export interface LoadError {
  operation: string;
  code: string;
  message: string;
  status?: number;
}

export interface OperationFigures {
  operation: string;
  calls: number;
  errors: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? 0;
}

/**
 * Latencies (wall clock around each request, client-side SRP math excluded) and errors per operation.
 * `expected` decides which errors were asked for (a deliberately bad refresh token, an injected fault):
 * the rest are the unexpected errors the run must not have.
 */
export class Recorder {
  private readonly latencies = new Map<string, number[]>();
  private readonly errorCounts = new Map<string, number>();
  readonly unexpected: LoadError[] = [];
  readonly asked = new Map<string, number>();

  constructor(private readonly expected: (error: LoadError) => boolean) {}

  async time<T>(operation: string, call: () => Promise<T>): Promise<T | undefined> {
    const started = performance.now();
    try {
      const result = await call();
      this.add(operation, performance.now() - started);
      return result;
    } catch (error) {
      this.add(operation, performance.now() - started);
      this.fail(describe(operation, error));
      return undefined;
    }
  }

  private add(operation: string, ms: number): void {
    let list = this.latencies.get(operation);
    if (!list) {
      list = [];
      this.latencies.set(operation, list);
    }
    list.push(ms);
  }

  fail(error: LoadError): void {
    this.errorCounts.set(error.operation, (this.errorCounts.get(error.operation) ?? 0) + 1);
    if (this.expected(error)) {
      const key = `${error.operation}: ${error.code}`;
      this.asked.set(key, (this.asked.get(key) ?? 0) + 1);
    } else if (this.unexpected.length < 1000) {
      this.unexpected.push(error);
    }
  }

  total(): number {
    let total = 0;
    for (const list of this.latencies.values()) total += list.length;
    return total;
  }

  figures(seconds: number): OperationFigures[] {
    return [...this.latencies].map(([operation, list]) => {
      const sorted = [...list].sort((a, b) => a - b);
      return {
        operation,
        calls: list.length,
        errors: this.errorCounts.get(operation) ?? 0,
        perSecond: list.length / seconds,
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        maxMs: sorted[sorted.length - 1] ?? 0,
      };
    });
  }
}

/** An SDK v3 error (name, $metadata), a fetch failure, or anything else, as one LoadError. */
export function describe(operation: string, error: unknown): LoadError {
  if (error instanceof Error) {
    const meta = (error as Error & { $metadata?: { httpStatusCode?: number } }).$metadata;
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    const code = (error as Error & { code?: string }).code ?? cause?.code ?? error.name;
    return { operation, code, message: error.message, status: meta?.httpStatusCode };
  }
  return { operation, code: 'Unknown', message: String(error) };
}
