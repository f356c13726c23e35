import type { GlobalSignOutRequest, GlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { revokeAllForUser } from '../../tokens/refreshTokens';
import { requireAccessToken } from '../accessToken';
import { FIELDS, type InputSchema } from '../validate';

export const globalSignOutInput: InputSchema<GlobalSignOutRequest> = { AccessToken: FIELDS.token };

/**
 * Signs the user out everywhere: every refresh token of every sign-in is revoked, and with them every
 * ID and access token they minted (GetUser then answers "Access Token has been revoked").
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_GlobalSignOut.html
 */
export const globalSignOut = (deps: EmulatorDeps) => async (input: GlobalSignOutRequest): Promise<GlobalSignOutResponse> => {
  const { signIn, user } = await requireAccessToken(deps, input.AccessToken ?? '');
  await revokeAllForUser(deps, signIn.userKey);
  deps.logger.info('global sign-out', { username: user.username });
  return {};
};
