import { FaultRuleError, parseFaultRulesSetting, type FaultRuleSpec } from '../../local/faults/rules';

/** What `npm run load` runs: bounded in clients, time and requests, always against its own 127.0.0.1 emulator. */
export interface LoadOptions {
  clients: number;
  durationSeconds: number;
  /** Stops early once this many requests were made. */
  maxRequests: number;
  /** Fault rules given to the emulator (`LOCAL_AWS_FAULTS`); their answers count as asked-for errors. */
  faults: FaultRuleSpec[];
  /** Seed of the clients' step choices. */
  seed: number;
}

export const LIMITS = {
  clients: { min: 1, max: 200, fallback: 50 },
  durationSeconds: { min: 1, max: 600, fallback: 60 },
  maxRequests: { min: 1, max: 2_000_000, fallback: 1_000_000 },
} as const;

export class LoadOptionError extends Error {}

type Env = Record<string, string | undefined>;

function flag(argv: readonly string[], name: string): string | undefined {
  const index = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (index === -1) return undefined;
  const arg = argv[index] ?? '';
  if (arg.includes('=')) return arg.slice(arg.indexOf('=') + 1);
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new LoadOptionError(`--${name} needs a value`);
  return value;
}

function bounded(raw: string | undefined, name: string, limit: { min: number; max: number; fallback: number }): number {
  if (raw === undefined || raw === '') return limit.fallback;
  if (!/^\d+$/.test(raw)) throw new LoadOptionError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < limit.min || value > limit.max) throw new LoadOptionError(`${name} must be from ${limit.min} to ${limit.max}, got ${value}`);
  return value;
}

const KNOWN_FLAGS = new Set(['clients', 'duration', 'max-requests', 'faults', 'seed']);

/** Flags win over the environment: `--clients 50 --duration 60` or LOAD_CLIENTS / LOAD_DURATION_SECONDS. */
export function parseLoadOptions(argv: readonly string[], env: Env = {}): LoadOptions {
  for (const arg of argv) {
    const name = /^--([a-z-]+)/.exec(arg)?.[1];
    if (arg.startsWith('--') && (!name || !KNOWN_FLAGS.has(name))) throw new LoadOptionError(`unknown option ${arg}`);
  }
  let faults: FaultRuleSpec[];
  try {
    faults = parseFaultRulesSetting(flag(argv, 'faults') ?? env.LOAD_FAULTS);
  } catch (error) {
    if (error instanceof FaultRuleError) throw new LoadOptionError(`--faults ${error.message}`);
    throw error;
  }
  return {
    clients: bounded(flag(argv, 'clients') ?? env.LOAD_CLIENTS, '--clients', LIMITS.clients),
    durationSeconds: bounded(flag(argv, 'duration') ?? env.LOAD_DURATION_SECONDS, '--duration', LIMITS.durationSeconds),
    maxRequests: bounded(flag(argv, 'max-requests') ?? env.LOAD_MAX_REQUESTS, '--max-requests', LIMITS.maxRequests),
    faults,
    seed: bounded(flag(argv, 'seed') ?? env.LOAD_SEED, '--seed', { min: 0, max: 2 ** 32 - 1, fallback: 1 }),
  };
}
