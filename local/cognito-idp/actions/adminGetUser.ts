import type { AdminGetUserRequest, AdminGetUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { requireAdminUser } from '../pool';
import { userType } from '../userType';
import { FIELDS, type InputSchema } from '../validate';

export const adminGetUserInput: InputSchema<AdminGetUserRequest> = { UserPoolId: FIELDS.userPoolId, Username: FIELDS.username };

/**
 * A user by email or by Cognito username (the UUID), with attributes, status and enabled flag.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminGetUser.html
 */
export const adminGetUser = (deps: EmulatorDeps) => async (input: AdminGetUserRequest): Promise<AdminGetUserResponse> => {
  const { Attributes, ...user } = userType(requireAdminUser(deps, input));
  return { ...user, Username: user.Username ?? '', UserAttributes: Attributes };
};
