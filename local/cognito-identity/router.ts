import type { EmulatorDeps } from '../deps';
import type { LocalRequest, LocalResponse } from '../http/types';
import {
  jsonResponse,
  NotImplementedException,
  parseJsonBody,
  parseTarget,
  UnknownOperationException,
} from '../http/jsonProtocol';
import { readGetCredentialsForIdentityInput, readGetIdInput } from './input';
import { getCredentialsForIdentity } from './actions/getCredentialsForIdentity';
import { getId } from './actions/getId';

type Body = Record<string, unknown>;
type Operation = (body: Body) => Promise<unknown>;

/** Every other action of AWSCognitoIdentityService: known to AWS, answered "not implemented" here. */
const KNOWN_ACTIONS = new Set([
  'CreateIdentityPool',
  'DeleteIdentities',
  'DeleteIdentityPool',
  'DescribeIdentity',
  'DescribeIdentityPool',
  'GetIdentityPoolRoles',
  'GetOpenIdToken',
  'GetOpenIdTokenForDeveloperIdentity',
  'GetPrincipalTagAttributeMap',
  'ListIdentities',
  'ListIdentityPools',
  'ListTagsForResource',
  'LookupDeveloperIdentity',
  'MergeDeveloperIdentities',
  'SetIdentityPoolRoles',
  'SetPrincipalTagAttributeMap',
  'TagResource',
  'UnlinkDeveloperIdentity',
  'UnlinkIdentity',
  'UntagResource',
  'UpdateIdentityPool',
]);

/** awsJson1_1 sends timestamps as epoch seconds (e.g. Credentials.Expiration), never ISO strings. */
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, toWire(v)]),
    );
  }
  return value;
}

/**
 * The Cognito identity pool service (`X-Amz-Target: AWSCognitoIdentityService.<Action>`): parses the JSON
 * body, checks it against the model, runs the action. Errors are thrown as AwsErrors and serialised once
 * by the routes' JSON error path.
 */
export function createCognitoIdentityRouter(deps: EmulatorDeps) {
  const runGetId = getId(deps);
  const runGetCredentials = getCredentialsForIdentity(deps);
  const operations: Record<string, Operation> = {
    GetId: (body) => runGetId(readGetIdInput(body)),
    GetCredentialsForIdentity: (body) => runGetCredentials(readGetCredentialsForIdentityInput(body)),
  };

  return async (request: LocalRequest): Promise<LocalResponse> => {
    const action = parseTarget(request.headers['x-amz-target'])?.action ?? '';
    const operation = Object.hasOwn(operations, action) ? operations[action] : undefined;
    if (!operation)
      throw KNOWN_ACTIONS.has(action) ? new NotImplementedException(action) : new UnknownOperationException();
    const body = parseJsonBody(request);
    return jsonResponse(toWire(await operation(body)), request.requestId);
  };
}
