import type { AdminEnableUserRequest, AdminEnableUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { requireAdminUser } from '../pool';
import { saveUser } from '../users';
import { FIELDS, type InputSchema } from '../validate';

export const adminEnableUserInput: InputSchema<AdminEnableUserRequest> = { UserPoolId: FIELDS.userPoolId, Username: FIELDS.username };

/**
 * Re-activates a disabled user; the sign-ins revoked by AdminDisableUser stay revoked.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminEnableUser.html
 */
export const adminEnableUser = (deps: EmulatorDeps) => async (input: AdminEnableUserRequest): Promise<AdminEnableUserResponse> => {
  const user = requireAdminUser(deps, input);
  await saveUser(deps, { ...user, enabled: true, modifiedAt: deps.clock.now() });
  deps.logger.info('user enabled', { username: user.username });
  return {};
};
