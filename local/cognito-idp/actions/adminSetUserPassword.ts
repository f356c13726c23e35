import type { AdminSetUserPasswordRequest, AdminSetUserPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { checkPasswordPolicy } from '../passwordPolicy';
import { requireAdminUser } from '../pool';
import { passwordVerifier, saveUser } from '../users';
import { FIELDS, type InputSchema } from '../validate';

export const adminSetUserPasswordInput: InputSchema<AdminSetUserPasswordRequest> = {
  UserPoolId: FIELDS.userPoolId,
  Username: FIELDS.username,
  Password: FIELDS.password,
  Permanent: { type: 'boolean' },
};

/**
 * Sets a user's password: permanent (status CONFIRMED) or temporary (FORCE_CHANGE_PASSWORD, so the next
 * sign-in asks for a new one). Checked against the policy. Existing sign-ins stay valid, as on AWS.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminSetUserPassword.html
 */
export const adminSetUserPassword =
  (deps: EmulatorDeps) =>
  async (input: AdminSetUserPasswordRequest): Promise<AdminSetUserPasswordResponse> => {
    const user = requireAdminUser(deps, input);
    const password = input.Password ?? '';
    checkPasswordPolicy(password);
    const { reset: _pending, ...rest } = user;
    await saveUser(deps, {
      ...rest,
      ...passwordVerifier(deps, user.username, password),
      status: input.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
      modifiedAt: deps.clock.now(),
    });
    deps.logger.info('password set by admin', { username: user.username, permanent: input.Permanent === true });
    return {};
  };
