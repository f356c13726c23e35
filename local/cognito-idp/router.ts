import type { EmulatorDeps } from '../deps';
import type { LocalRequest, LocalResponse } from '../http/types';
import { jsonError, NotImplementedException, parseTarget } from '../http/jsonProtocol';

// Placeholder until the service's actions land.
export function createCognitoIdpRouter(_deps: EmulatorDeps) {
  return async (request: LocalRequest): Promise<LocalResponse> =>
    jsonError(new NotImplementedException(parseTarget(request.headers['x-amz-target'])?.action ?? '?'), request.requestId);
}
