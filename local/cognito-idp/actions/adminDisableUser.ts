import type { AdminDisableUserRequest, AdminDisableUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { revokeAllForUser } from '../../tokens/refreshTokens';
import { requireAdminUser } from '../pool';
import { emailOf, saveUser, userKey } from '../users';
import { FIELDS, type InputSchema } from '../validate';

export const adminDisableUserInput: InputSchema<AdminDisableUserRequest> = { UserPoolId: FIELDS.userPoolId, Username: FIELDS.username };

/**
 * Deactivates a user and revokes all their tokens, as AWS documents: sign-in and refresh then answer
 * "User is disabled.", and tokens already issued stay revoked after AdminEnableUser.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminDisableUser.html
 */
export const adminDisableUser = (deps: EmulatorDeps) => async (input: AdminDisableUserRequest): Promise<AdminDisableUserResponse> => {
  const user = requireAdminUser(deps, input);
  await saveUser(deps, { ...user, enabled: false, modifiedAt: deps.clock.now() });
  await revokeAllForUser(deps, userKey(emailOf(user)));
  deps.logger.info('user disabled', { username: user.username });
  return {};
};
