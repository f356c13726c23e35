import type { AdminUserGlobalSignOutRequest, AdminUserGlobalSignOutResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { revokeAllForUser } from '../../tokens/refreshTokens';
import { requireAdminUser } from '../pool';
import { userKey, emailOf } from '../users';
import { FIELDS, type InputSchema } from '../validate';

export const adminUserGlobalSignOutInput: InputSchema<AdminUserGlobalSignOutRequest> = {
  UserPoolId: FIELDS.userPoolId,
  Username: FIELDS.username,
};

/**
 * Signs a user out of every device: all refresh tokens revoked, and the ID and access tokens they minted.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminUserGlobalSignOut.html
 */
export const adminUserGlobalSignOut =
  (deps: EmulatorDeps) =>
  async (input: AdminUserGlobalSignOutRequest): Promise<AdminUserGlobalSignOutResponse> => {
    const user = requireAdminUser(deps, input);
    await revokeAllForUser(deps, userKey(emailOf(user)));
    deps.logger.info('admin global sign-out', { username: user.username });
    return {};
  };
