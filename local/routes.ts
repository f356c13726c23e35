import type { LocalRequest, LocalResponse } from './http/types';
import type { EmulatorDeps } from './deps';
import type { StartOptions } from './server';
import { BodyTooLarge } from './server';
import { AwsError, isAwsError } from './errors';
import { InternalErrorException, jsonError, parseTarget, UnknownOperationException } from './http/jsonProtocol';
import { s3ErrorResponse } from './http/xmlProtocol';
import { openCorsHeaders, openPreflight } from './http/cors';
import { loadSigningKeys } from './tokens/signingKeys';
import { createCognitoIdpRouter } from './cognito-idp/router';
import { createCognitoIdentityRouter } from './cognito-identity/router';
import { createS3Router } from './s3/router';
import { localConfigDocument } from './localConfig';
import { createFaultInjector } from './faults/injector';
import { createFaultControl } from './faults/control';
import { ConnectionReset } from './faults/faultErrors';
import { withBulkObjects } from './seed/largeBucket';

type Handler = (request: LocalRequest) => Promise<LocalResponse>;

const IDP_TARGET = 'AWSCognitoIdentityProviderService';
const IDENTITY_TARGET = 'AWSCognitoIdentityService';

/** The JSON services live at `POST /`; everything else path-style is S3 (bucket names cannot hold `_`). */
function isJsonService(request: LocalRequest): boolean {
  return request.rawPath === '/' && (request.method === 'POST' || 'x-amz-target' in request.headers);
}

function withOpenCors(response: LocalResponse): LocalResponse {
  return { ...response, headers: { ...openCorsHeaders(), ...response.headers } };
}

export async function createRoutes(options: StartOptions) {
  const keys = await loadSigningKeys(options.store);
  const store = await withBulkObjects(options.store, options.config);
  const deps: EmulatorDeps = { ...options, store, keys, endpoint: `http://${options.config.host}:${options.config.port}` };
  const faults = createFaultInjector(options.config.faults, options.clock, options.logger);
  const control = createFaultControl(faults);
  const idp = createCognitoIdpRouter(deps);
  const identity = createCognitoIdentityRouter(deps);
  const s3 = createS3Router(deps, {
    beforeOperation: (operation, bucket) => faults.beforeAction({ service: 's3', action: operation, bucket }),
  });
  const jwksPath = `/${deps.config.userPoolId}/.well-known/jwks.json`;

  function fail(request: LocalRequest, error: unknown): LocalResponse {
    // An injected `reset`: no answer at all, the server destroys the connection.
    if (error instanceof ConnectionReset) return { status: 0, destroySocket: true };
    const json = isJsonService(request) || request.rawPath.startsWith('/_local');
    if (!isAwsError(error) && !(error instanceof BodyTooLarge)) {
      deps.logger.warn('internal error', { path: request.rawPath, error: String(error) });
    }
    const aws: AwsError = isAwsError(error)
      ? error
      : error instanceof BodyTooLarge
        ? new AwsError('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 413)
        : json
          ? new InternalErrorException()
          : new AwsError('InternalError', 'We encountered an internal error. Please try again.', 500);
    return json ? withOpenCors(jsonError(aws, request.requestId)) : s3ErrorResponse(aws, request.requestId);
  }

  const local: Handler = async (request) => {
    if (request.rawPath === '/_local/health') return { status: 200, body: JSON.stringify({ status: 'ok' }) };
    if (request.rawPath === '/_local/config') {
      return { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(localConfigDocument(deps)) };
    }
    throw new AwsError('ResourceNotFoundException', `No local route ${request.rawPath}`, 404);
  };

  async function dispatch(request: LocalRequest): Promise<LocalResponse> {
    try {
      if (control.handles(request.rawPath)) return withOpenCors(control.handle(request));
      if (request.method === 'OPTIONS' && (request.rawPath === '/' || request.rawPath.startsWith('/_local') || request.rawPath === jwksPath)) {
        return openPreflight(request);
      }
      if (request.rawPath.startsWith('/_local/')) return withOpenCors(await local(request));
      if (request.rawPath === jwksPath && request.method === 'GET') {
        return withOpenCors({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(keys.jwks()) });
      }
      if (isJsonService(request)) {
        const target = parseTarget(request.headers['x-amz-target']);
        const handler = target?.service === IDP_TARGET ? idp : target?.service === IDENTITY_TARGET ? identity : undefined;
        if (!handler || !target) throw new UnknownOperationException();
        const service = handler === idp ? 'cognito-idp' : 'cognito-identity';
        await faults.beforeAction({ service, action: target.action });
        return withOpenCors(await handler(request));
      }
      return await s3(request);
    } catch (error) {
      return fail(request, error);
    }
  }

  return { dispatch, fail, deps };
}
