import type { IdentifiedCall } from './registry';

/** What `GET /_local/stats` answers. */
export interface CallStatsSnapshot {
  /** When counting started (emulator start or the last reset), ISO 8601 on the emulator's clock. */
  since: string;
  /** Every identified call. */
  total: number;
  /** service → action → calls that reached the emulator, faulted ones included. */
  calls: Record<string, Record<string, number>>;
  /** S3 only: bucket → action → calls. */
  buckets: Record<string, Record<string, number>>;
  /** service → action → calls answered by an injected fault (latency-only rules excluded). */
  faulted: Record<string, Record<string, number>>;
}

/** Distinct names kept per map: random names (the fuzz test sends many) must not grow memory without end. */
const MAX_NAMES = 200;
const OTHER = '(other)';

/** Maps, not objects: names come off the wire, and `__proto__` must stay an ordinary name. */
type Counts = Map<string, Map<string, number>>;

function bump(map: Counts, outer: string, inner: string): void {
  const outerKey = map.has(outer) || map.size < MAX_NAMES ? outer : OTHER;
  let counts = map.get(outerKey);
  if (!counts) {
    counts = new Map();
    map.set(outerKey, counts);
  }
  const innerKey = counts.has(inner) || counts.size < MAX_NAMES ? inner : OTHER;
  counts.set(innerKey, (counts.get(innerKey) ?? 0) + 1);
}

function plain(map: Counts): Record<string, Record<string, number>> {
  return Object.fromEntries([...map].map(([name, counts]) => [name, Object.fromEntries(counts)]));
}

/**
 * Counts of the calls the routers identified (service + action, and the bucket for S3), so browser tests
 * can assert exactly how many refreshes or credential exchanges reached the emulator. CORS preflights,
 * `/_local/*` and calls whose action could not be identified are not counted.
 */
export class CallStats {
  private total = 0;
  private readonly calls: Counts = new Map();
  private readonly buckets: Counts = new Map();
  private readonly faulted: Counts = new Map();
  private since: number;

  constructor(private readonly now: () => number) {
    this.since = now();
  }

  record(call: IdentifiedCall): void {
    this.total += 1;
    bump(this.calls, call.service, call.action);
    if (call.bucket !== undefined) bump(this.buckets, call.bucket, call.action);
  }

  recordFault(call: IdentifiedCall): void {
    bump(this.faulted, call.service, call.action);
  }

  snapshot(): CallStatsSnapshot {
    return {
      since: new Date(this.since).toISOString(),
      total: this.total,
      calls: plain(this.calls),
      buckets: plain(this.buckets),
      faulted: plain(this.faulted),
    };
  }

  reset(): void {
    this.total = 0;
    this.calls.clear();
    this.buckets.clear();
    this.faulted.clear();
    this.since = this.now();
  }
}
