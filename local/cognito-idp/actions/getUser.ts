import type { GetUserRequest, GetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { requireAccessToken } from '../accessToken';
import { attributeList } from '../users';
import { FIELDS, type InputSchema } from '../validate';

export const getUserInput: InputSchema<GetUserRequest> = { AccessToken: FIELDS.token };

/**
 * The signed-in user's attributes. The access token is verified (signature, issuer, expiry by the
 * injected clock) and refused once its sign-in was revoked, as Cognito's token revocation does.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GetUser.html
 */
export const getUser = (deps: EmulatorDeps) => async (input: GetUserRequest): Promise<GetUserResponse> => {
  const { user } = await requireAccessToken(deps, input.AccessToken ?? '');
  return { Username: user.username, UserAttributes: attributeList(user) };
};
