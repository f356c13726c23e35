import path from 'node:path';
import { FaultRuleError, parseFaultRulesSetting, type FaultRuleSpec } from './faults/rules';

/**
 * Every setting of the emulator, read once from the environment and validated. A bad value stops the
 * emulator with a message naming the setting, never a half-started server.
 */
export interface EmulatorConfig {
  /** Always 127.0.0.1: the emulator is never reachable from another machine. */
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  region: string;
  accountId: string;
  dataDir: string;
  reset: boolean;
  tokenTtlSeconds: number;
  refreshTtlSeconds: number;
  credentialsTtlSeconds: number;
  userPoolId: string;
  userPoolName: string;
  userPoolClientId: string;
  identityPoolId: string;
  buckets: Record<string, string>;
  /** Origins the buckets' CORS rules allow (the dev server's). */
  allowedOrigins: string[];
  /** Long-term keys of the local administrator (Admin* calls, seeding, PutObject). Local only. */
  admin: { accessKeyId: string; secretAccessKey: string };
  /** Fault rules active from the start (`LOCAL_AWS_FAULTS`, local/faults/rules.ts); none by default. */
  faults: FaultRuleSpec[];
  /** Generated objects in the `bulk` gallery's bucket (`LOCAL_AWS_BULK_OBJECTS`); 0 = no such gallery. */
  bulkObjects: number;
}

export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(`${setting}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;

export const DEFAULT_PORT = 4566;

/** The bucket of the generated `bulk` gallery (local/seed/largeBucket.ts), present only when asked for. */
export const BULK_BUCKET = 'local-bulk-photos';

function faultRules(raw: string | undefined): FaultRuleSpec[] {
  try {
    return parseFaultRulesSetting(raw);
  } catch (error) {
    if (error instanceof FaultRuleError) throw new ConfigError('LOCAL_AWS_FAULTS', error.message);
    throw error;
  }
}

export function loadConfig(env: Env = process.env, argv: string[] = []): EmulatorConfig {
  const region = env.LOCAL_AWS_REGION?.trim() || 'ap-northeast-1';
  if (!REGION.test(region)) throw new ConfigError('LOCAL_AWS_REGION', `"${region}" is not an AWS region name`);
  const origins = (env.LOCAL_AWS_ALLOWED_ORIGINS ?? 'http://127.0.0.1:5173,http://localhost:5173')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError('LOCAL_AWS_ALLOWED_ORIGINS', `"${origin}" is not an origin like http://127.0.0.1:5173`);
    }
  }
  const bulkObjects = integer(env, 'LOCAL_AWS_BULK_OBJECTS', 0, 0, 200_000);
  return {
    host: '127.0.0.1',
    port: integer(env, 'LOCAL_AWS_PORT', DEFAULT_PORT, 0, 65535),
    region,
    accountId: '000000000000',
    dataDir: path.resolve(env.LOCAL_AWS_DATA_DIR?.trim() || '.local-aws'),
    reset: argv.includes('--reset'),
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 300, 10, 86_400),
    refreshTtlSeconds: integer(env, 'REFRESH_TTL_SECONDS', 2_592_000, 60, 315_360_000),
    credentialsTtlSeconds: integer(env, 'CREDENTIALS_TTL_SECONDS', 3600, 10, 43_200),
    userPoolId: `${region}_LocalPool`,
    userPoolName: 'LocalPool',
    userPoolClientId: 'local0app0client0id0000000',
    identityPoolId: `${region}:00000000-0000-4000-8000-000000000001`,
    buckets: {
      cat: 'local-cat-photos',
      dog: 'local-dog-photos',
      ...(bulkObjects > 0 ? { bulk: BULK_BUCKET } : {}),
    },
    allowedOrigins: origins,
    admin: { accessKeyId: 'AKIALOCALADMIN000001', secretAccessKey: 'local-admin-secret-key-not-for-aws' },
    faults: faultRules(env.LOCAL_AWS_FAULTS),
    bulkObjects,
  };
}
