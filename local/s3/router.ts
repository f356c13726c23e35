import type { EmulatorDeps } from '../deps';
import type { LocalRequest, LocalResponse } from '../http/types';
import { AwsError } from '../errors';
import { s3ErrorResponse } from '../http/xmlProtocol';

// Placeholder until the service's actions land.
export function createS3Router(_deps: EmulatorDeps) {
  return async (request: LocalRequest): Promise<LocalResponse> =>
    s3ErrorResponse(new AwsError('NotImplemented', 'Not implemented yet', 501), request.requestId);
}
