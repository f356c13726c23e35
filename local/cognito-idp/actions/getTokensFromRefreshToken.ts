import type { GetTokensFromRefreshTokenRequest, GetTokensFromRefreshTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { requireClient } from '../pool';
import { refreshSignIn } from '../signIn';
import { FIELDS, type InputSchema } from '../validate';

export const getTokensFromRefreshTokenInput: InputSchema<GetTokensFromRefreshTokenRequest> = {
  RefreshToken: FIELDS.token,
  ClientId: FIELDS.clientId,
  ClientSecret: { type: 'string' },
  DeviceKey: { type: 'string' },
  ClientMetadata: FIELDS.optionalMap,
};

/**
 * What Amplify v6 refreshes with (amplify-js #14427): new ID and access tokens for a live refresh token.
 * Without refresh-token rotation (off on the CDK app client) the answer has no RefreshToken, and Amplify
 * keeps the one it has.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetTokensFromRefreshToken.html
 */
export const getTokensFromRefreshToken =
  (deps: EmulatorDeps) =>
  async (input: GetTokensFromRefreshTokenRequest): Promise<GetTokensFromRefreshTokenResponse> => {
    const clientId = input.ClientId ?? '';
    requireClient(deps, clientId);
    return { AuthenticationResult: await refreshSignIn(deps, input.RefreshToken ?? '', clientId) };
  };
