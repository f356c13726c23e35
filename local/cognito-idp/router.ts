import type { EmulatorDeps } from '../deps';
import { isAwsError } from '../errors';
import { jsonError, jsonResponse, NotImplementedException, parseJsonBody, parseTarget, UnknownOperationException } from '../http/jsonProtocol';
import type { LocalRequest, LocalResponse } from '../http/types';
import { adminCreateUser, adminCreateUserInput } from './actions/adminCreateUser';
import { adminDisableUser, adminDisableUserInput } from './actions/adminDisableUser';
import { adminEnableUser, adminEnableUserInput } from './actions/adminEnableUser';
import { adminGetUser, adminGetUserInput } from './actions/adminGetUser';
import { adminSetUserPassword, adminSetUserPasswordInput } from './actions/adminSetUserPassword';
import { adminUserGlobalSignOut, adminUserGlobalSignOutInput } from './actions/adminUserGlobalSignOut';
import { confirmForgotPassword, confirmForgotPasswordInput } from './actions/confirmForgotPassword';
import { forgotPassword, forgotPasswordInput } from './actions/forgotPassword';
import { getTokensFromRefreshToken, getTokensFromRefreshTokenInput } from './actions/getTokensFromRefreshToken';
import { getUser, getUserInput } from './actions/getUser';
import { globalSignOut, globalSignOutInput } from './actions/globalSignOut';
import { initiateAuth, initiateAuthInput } from './actions/initiateAuth';
import { respondToAuthChallenge, respondToAuthChallengeInput } from './actions/respondToAuthChallenge';
import { revokeToken, revokeTokenInput } from './actions/revokeToken';
import { authorizeAdmin } from './adminAuth';
import { COGNITO_IDP_ACTIONS } from './knownActions';
import { validateInput, type InputSchema } from './validate';

/*
 * The Cognito user pool (`X-Amz-Target: AWSCognitoIdentityProviderService.<Action>`): one pool, one public
 * app client, users signing in by email.
 *
 * Deliberately left out of Cognito's behaviour:
 * - sign-up, MFA, device tracking, custom auth and Lambda triggers, hosted UI / OAuth endpoints, groups,
 *   ChangePassword, user attribute updates and verification: every other action of the API answers
 *   NotImplementedException;
 * - invitation and reset emails: a ForgotPassword code is written to the emulator's log instead, and
 *   AdminCreateUser sends nothing;
 * - USER_PASSWORD_AUTH is allowed although the CDK app client enables only SRP and refresh (scripts and
 *   tests use it); refresh-token rotation, client secrets and advanced security (UserContextData) are off;
 * - throttling and lockouts (repeated wrong passwords or codes), password history, temporary-password
 *   expiry (7 days on AWS), and Cognito's custom JWT issuer / key rotation;
 * - the clock skew AWS tolerates for the SRP TIMESTAMP (undocumented) is not checked.
 */

type Action<I, O> = (deps: EmulatorDeps) => (input: I) => Promise<O>;

interface Route {
  admin: boolean;
  run(deps: EmulatorDeps, body: Record<string, unknown>): Promise<unknown>;
}

function route<I, O>(schema: InputSchema<I>, action: Action<I, O>, admin = false): Route {
  return { admin, run: (deps, body) => action(deps)(validateInput(body, schema)) };
}

const ROUTES: Record<string, Route> = {
  InitiateAuth: route(initiateAuthInput, initiateAuth),
  RespondToAuthChallenge: route(respondToAuthChallengeInput, respondToAuthChallenge),
  GetTokensFromRefreshToken: route(getTokensFromRefreshTokenInput, getTokensFromRefreshToken),
  GetUser: route(getUserInput, getUser),
  GlobalSignOut: route(globalSignOutInput, globalSignOut),
  RevokeToken: route(revokeTokenInput, revokeToken),
  ForgotPassword: route(forgotPasswordInput, forgotPassword),
  ConfirmForgotPassword: route(confirmForgotPasswordInput, confirmForgotPassword),
  AdminCreateUser: route(adminCreateUserInput, adminCreateUser, true),
  AdminSetUserPassword: route(adminSetUserPasswordInput, adminSetUserPassword, true),
  AdminGetUser: route(adminGetUserInput, adminGetUser, true),
  AdminUserGlobalSignOut: route(adminUserGlobalSignOutInput, adminUserGlobalSignOut, true),
  AdminDisableUser: route(adminDisableUserInput, adminDisableUser, true),
  AdminEnableUser: route(adminEnableUserInput, adminEnableUser, true),
};

/** The JSON protocol sends timestamps as epoch seconds (the SDK parses numbers, not ISO strings). */
function toWire(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(toWire);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toWire(inner)]));
  }
  return value;
}

export function createCognitoIdpRouter(deps: EmulatorDeps) {
  return async (request: LocalRequest): Promise<LocalResponse> => {
    const action = parseTarget(request.headers['x-amz-target'])?.action ?? '';
    try {
      const handler = Object.hasOwn(ROUTES, action) ? ROUTES[action] : undefined;
      if (!handler) throw COGNITO_IDP_ACTIONS.has(action) ? new NotImplementedException(action) : new UnknownOperationException();
      // IAM authentication comes first on AWS: an unsigned Admin* call is refused before its body is read.
      if (handler.admin) await authorizeAdmin(deps, request, action);
      const output = await handler.run(deps, parseJsonBody(request));
      return jsonResponse(toWire(output), request.requestId);
    } catch (error) {
      // Anything that is not an AWS error is left to routes.ts, which logs it and answers InternalErrorException.
      if (isAwsError(error)) return jsonError(error, request.requestId);
      throw error;
    }
  };
}
