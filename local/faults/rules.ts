import { COGNITO_IDP_ACTIONS } from '../cognito-idp/knownActions';

/**
 * A fault rule, as `POST /_local/faults` and `LOCAL_AWS_FAULTS` take it. Local only: nothing in the app or
 * the CDK stack knows about faults, and with no rule (the default) every call runs untouched.
 *
 * - `service` + optional `action` (every action of the service when absent) + optional `bucket` (S3 only)
 *   select the calls;
 * - `fault` says what they meet: `throttle`, `500`, `503`, `reset` (the socket is destroyed without an
 *   answer), `latency` (wait `latencyMs`, then the real action runs), or any AWS error code (PascalCase,
 *   e.g. `NotAuthorizedException`) answered with `status` (default 400) and `message`;
 * - `latencyMs` with any other fault waits that long before the fault;
 * - `count`: only the next N matching calls; `rate` (0..1): that share of matching calls, drawn from a
 *   PRNG seeded with `seed` (default: the rule's number) so runs repeat; both may be combined; neither
 *   means every matching call until the rule is deleted.
 */
export type FaultService = 'cognito-idp' | 'cognito-identity' | 's3';

export interface FaultRuleSpec {
  service: FaultService;
  action?: string;
  bucket?: string;
  fault: string;
  status?: number;
  message?: string;
  latencyMs?: number;
  count?: number;
  rate?: number;
  seed?: number;
}

export const FAULT_SERVICES: readonly FaultService[] = ['cognito-idp', 'cognito-identity', 's3'];
export const BUILT_IN_FAULTS = ['throttle', '500', '503', 'reset', 'latency'] as const;

/** The actions each service can identify before running them; a rule naming another is a typo. */
const IDENTITY_ACTIONS = new Set(['GetId', 'GetCredentialsForIdentity']);
const S3_ACTIONS = new Set(['ListObjectsV2', 'GetObject', 'HeadObject', 'PutObject', 'DeleteObject', 'CreateBucket']);
const ACTIONS: Record<FaultService, ReadonlySet<string>> = {
  'cognito-idp': COGNITO_IDP_ACTIONS,
  'cognito-identity': IDENTITY_ACTIONS,
  s3: S3_ACTIONS,
};

const FIELDS = new Set(['service', 'action', 'bucket', 'fault', 'status', 'message', 'latencyMs', 'count', 'rate', 'seed']);
const ERROR_CODE = /^[A-Z][A-Za-z0-9]{1,99}$/;
const MAX_LATENCY_MS = 120_000;

export class FaultRuleError extends Error {}

function optionalInteger(body: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new FaultRuleError(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > 1000) {
    throw new FaultRuleError(`${name} must be a non-empty string`);
  }
  return value;
}

function checkFault(fault: unknown): string {
  if (typeof fault !== 'string') throw new FaultRuleError(`fault must be one of ${BUILT_IN_FAULTS.join(', ')} or an AWS error code`);
  if ((BUILT_IN_FAULTS as readonly string[]).includes(fault) || ERROR_CODE.test(fault)) return fault;
  throw new FaultRuleError(`fault "${fault}" is neither one of ${BUILT_IN_FAULTS.join(', ')} nor an AWS error code like NotAuthorizedException`);
}

/** Validates one rule; the message names the field, for the endpoint's 400 and the setting's ConfigError. */
export function parseFaultRule(input: unknown): FaultRuleSpec {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new FaultRuleError('a rule must be a JSON object');
  const body = input as Record<string, unknown>;
  const unknown = Object.keys(body).find((key) => !FIELDS.has(key));
  if (unknown !== undefined) throw new FaultRuleError(`unknown field "${unknown}"`);
  const service = body.service;
  if (typeof service !== 'string' || !(FAULT_SERVICES as readonly string[]).includes(service)) {
    throw new FaultRuleError(`service must be one of ${FAULT_SERVICES.join(', ')}`);
  }
  const spec: FaultRuleSpec = { service: service as FaultService, fault: checkFault(body.fault) };
  const action = optionalString(body, 'action');
  if (action !== undefined && action !== '*') {
    if (!ACTIONS[spec.service].has(action)) throw new FaultRuleError(`action "${action}" is not an action of ${spec.service} the emulator routes`);
    spec.action = action;
  }
  spec.bucket = optionalString(body, 'bucket');
  if (spec.bucket !== undefined && spec.service !== 's3') throw new FaultRuleError('bucket applies to s3 rules only');
  const custom = !(BUILT_IN_FAULTS as readonly string[]).includes(spec.fault);
  spec.status = optionalInteger(body, 'status', 400, 599);
  if (spec.status !== undefined && !custom) throw new FaultRuleError(`status applies to AWS error codes only, not to "${spec.fault}"`);
  spec.message = optionalString(body, 'message');
  if (spec.message !== undefined && (spec.fault === 'reset' || spec.fault === 'latency')) {
    throw new FaultRuleError(`message does not apply to "${spec.fault}"`);
  }
  spec.latencyMs = optionalInteger(body, 'latencyMs', 0, MAX_LATENCY_MS);
  if (spec.fault === 'latency' && spec.latencyMs === undefined) throw new FaultRuleError('latency needs latencyMs');
  spec.count = optionalInteger(body, 'count', 1, 1_000_000);
  const rate = body.rate;
  if (rate !== undefined) {
    if (typeof rate !== 'number' || !Number.isFinite(rate) || rate < 0 || rate > 1) throw new FaultRuleError('rate must be a number from 0 to 1');
    spec.rate = rate;
  }
  spec.seed = optionalInteger(body, 'seed', 0, 2 ** 32 - 1);
  return spec;
}

/** `LOCAL_AWS_FAULTS`: a JSON array of rules, active from the start. */
export function parseFaultRulesSetting(raw: string | undefined): FaultRuleSpec[] {
  if (raw === undefined || raw.trim() === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new FaultRuleError('must be a JSON array of fault rules, e.g. [{"service":"s3","action":"ListObjectsV2","fault":"503","count":2}]');
  }
  if (!Array.isArray(parsed)) throw new FaultRuleError('must be a JSON array of fault rules');
  return parsed.map((rule, index) => {
    try {
      return parseFaultRule(rule);
    } catch (error) {
      throw error instanceof FaultRuleError ? new FaultRuleError(`rule ${index}: ${error.message}`) : error;
    }
  });
}
