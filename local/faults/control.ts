import { AwsError } from '../errors';
import { COGNITO_EXPOSE_HEADERS } from '../http/cors';
import { parseJsonBody } from '../http/jsonProtocol';
import type { LocalRequest, LocalResponse } from '../http/types';
import type { FaultInjector } from './injector';
import { FaultRuleError, parseFaultRule } from './rules';

/**
 * The local-only control endpoints (no AWS counterpart, never signed, 127.0.0.1 only like the rest):
 *
 * - `POST /_local/faults` {rule} → 201 `{"id":"fault-1","rule":{…}}`; an invalid rule → 400 ValidationException
 * - `GET /_local/faults` → 200 `{"rules":[…]}` (FaultRuleView: the rule plus id, source, remaining, matched, hits, active)
 * - `DELETE /_local/faults` → 200 `{"removed":n}`; `DELETE /_local/faults/{id}` → 200 `{"removed":1}` or 404
 * - `GET /_local/stats` → 200 CallStatsSnapshot; `DELETE /_local/stats` → 200 the zeroed snapshot
 *
 * Errors are JSON like Cognito's (`__type`, `x-amzn-ErrorType`), and every answer carries open CORS headers
 * (added by routes.ts), so a test page may call them too; the preflight allows DELETE.
 */
const FAULTS = '/_local/faults';
const STATS = '/_local/stats';

function json(status: number, body: unknown): LocalResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

function methodNotAllowed(method: string, path: string): AwsError {
  return new AwsError('MethodNotAllowed', `${method} is not allowed on ${path}`, 405);
}

function preflight(request: LocalRequest): LocalResponse {
  return {
    status: 200,
    headers: {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET,POST,DELETE,OPTIONS',
      'access-control-allow-headers': request.headers['access-control-request-headers'] ?? 'content-type',
      'access-control-expose-headers': COGNITO_EXPOSE_HEADERS,
      'access-control-max-age': '600',
    },
  };
}

/** The posted rule, or a ValidationException naming what is wrong with it. */
function parseRequestRule(request: LocalRequest) {
  try {
    return parseFaultRule(parseJsonBody(request));
  } catch (error) {
    if (error instanceof FaultRuleError) throw new AwsError('ValidationException', error.message, 400);
    throw error;
  }
}

export function createFaultControl(injector: FaultInjector) {
  const { registry, stats } = injector;

  function faults(request: LocalRequest): LocalResponse {
    switch (request.method) {
      case 'POST': {
        const rule = registry.add(parseRequestRule(request), 'api');
        return json(201, { id: rule.id, rule });
      }
      case 'GET':
        return json(200, { rules: registry.list() });
      case 'DELETE':
        return json(200, { removed: registry.clear() });
      default:
        throw methodNotAllowed(request.method, FAULTS);
    }
  }

  function oneFault(request: LocalRequest, id: string): LocalResponse {
    if (request.method !== 'DELETE') throw methodNotAllowed(request.method, `${FAULTS}/{id}`);
    if (!registry.remove(id)) throw new AwsError('ResourceNotFoundException', `No fault rule ${id}`, 404);
    return json(200, { removed: 1 });
  }

  function callStats(request: LocalRequest): LocalResponse {
    if (request.method === 'GET') return json(200, stats.snapshot());
    if (request.method === 'DELETE') {
      stats.reset();
      return json(200, stats.snapshot());
    }
    throw methodNotAllowed(request.method, STATS);
  }

  return {
    handles: (path: string) => path === FAULTS || path === STATS || path.startsWith(`${FAULTS}/`),
    handle(request: LocalRequest): LocalResponse {
      if (request.method === 'OPTIONS') return preflight(request);
      if (request.rawPath === FAULTS) return faults(request);
      if (request.rawPath === STATS) return callStats(request);
      return oneFault(request, decodeURIComponentSafe(request.rawPath.slice(FAULTS.length + 1)));
    },
  };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
