import type { AuthFlowType, InitiateAuthRequest, InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { InvalidParameterException, MESSAGES, NotAuthorizedException } from '../errors';
import { requireClient } from '../pool';
import { afterPasswordVerified, refreshSignIn, refuseDisabled, requireParameter } from '../signIn';
import { startSrp } from '../srpAuth';
import { findUser, passwordMatches } from '../users';
import { FIELDS, type InputSchema } from '../validate';

// The model's enum, in the order AWS lists it in validation messages.
const AUTH_FLOWS = [
  'USER_SRP_AUTH',
  'REFRESH_TOKEN_AUTH',
  'REFRESH_TOKEN',
  'CUSTOM_AUTH',
  'ADMIN_NO_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'USER_AUTH',
] as const satisfies readonly AuthFlowType[];

export const initiateAuthInput: InputSchema<InitiateAuthRequest> = {
  AuthFlow: { type: 'string', required: true, enum: AUTH_FLOWS },
  ClientId: FIELDS.clientId,
  AuthParameters: FIELDS.optionalMap,
  ClientMetadata: FIELDS.optionalMap,
};

/**
 * Starts a sign-in: USER_SRP_AUTH (PASSWORD_VERIFIER challenge), USER_PASSWORD_AUTH (password checked
 * here), or REFRESH_TOKEN_AUTH / REFRESH_TOKEN (new ID and access tokens, same `auth_time`).
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html
 */
export const initiateAuth = (deps: EmulatorDeps) => async (input: InitiateAuthRequest): Promise<InitiateAuthResponse> => {
  const clientId = input.ClientId ?? '';
  requireClient(deps, clientId);
  const parameters = input.AuthParameters;
  switch (input.AuthFlow) {
    case 'USER_SRP_AUTH':
      return startSrp(deps, clientId, parameters);
    case 'USER_PASSWORD_AUTH': {
      const username = requireParameter(parameters, 'USERNAME');
      const password = requireParameter(parameters, 'PASSWORD');
      const user = findUser(deps, username);
      if (user) refuseDisabled(user);
      // Unknown user and wrong password answer alike (PreventUserExistenceErrors).
      if (!user || !passwordMatches(deps, user, password)) throw new NotAuthorizedException(MESSAGES.wrongPassword);
      return afterPasswordVerified(deps, user, clientId);
    }
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return {
        ChallengeParameters: {},
        AuthenticationResult: await refreshSignIn(deps, requireParameter(parameters, 'REFRESH_TOKEN'), clientId),
      };
    case 'ADMIN_NO_SRP_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
      throw new InvalidParameterException('Initiate Auth method not supported.');
    default:
      // CUSTOM_AUTH, USER_AUTH: the app client allows neither (as the CDK stack's).
      throw new InvalidParameterException(`${input.AuthFlow} flow not enabled for this client`);
  }
};
