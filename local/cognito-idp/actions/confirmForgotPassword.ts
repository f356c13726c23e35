import type { ConfirmForgotPasswordRequest, ConfirmForgotPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { CodeMismatchException, ExpiredCodeException } from '../errors';
import { checkPasswordPolicy } from '../passwordPolicy';
import { resetCodeMatches } from '../resetCodes';
import { requireClient } from '../pool';
import { refuseDisabled } from '../signIn';
import { findUser, passwordVerifier, saveUser } from '../users';
import { FIELDS, type InputSchema } from '../validate';

export const confirmForgotPasswordInput: InputSchema<ConfirmForgotPasswordRequest> = {
  ClientId: FIELDS.clientId,
  Username: FIELDS.username,
  ConfirmationCode: { type: 'string', required: true, minLength: 1, maxLength: 2048, pattern: { regex: /^[\S]+$/, text: '[\\S]+' } },
  Password: FIELDS.password,
  SecretHash: { type: 'string' },
  ClientMetadata: FIELDS.optionalMap,
};

/**
 * Sets a new password with the code ForgotPassword logged. A wrong code is CodeMismatchException, one past
 * its hour ExpiredCodeException; a used code is gone. An unknown user reads as a wrong code, revealing
 * nothing. Existing sign-ins stay valid, as on AWS. (Cognito's lockout after repeated wrong codes is not
 * emulated.)
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ConfirmForgotPassword.html
 */
export const confirmForgotPassword =
  (deps: EmulatorDeps) =>
  async (input: ConfirmForgotPasswordRequest): Promise<ConfirmForgotPasswordResponse> => {
    requireClient(deps, input.ClientId ?? '');
    const password = input.Password ?? '';
    checkPasswordPolicy(password);
    const user = findUser(deps, input.Username ?? '');
    if (!user || !user.reset) throw new CodeMismatchException();
    refuseDisabled(user);
    if (!resetCodeMatches(user, input.ConfirmationCode ?? '')) throw new CodeMismatchException();
    if (user.reset.expiresAt <= deps.clock.now()) throw new ExpiredCodeException();
    const { reset: _used, ...rest } = user;
    await saveUser(deps, { ...rest, ...passwordVerifier(deps, user.username, password), status: 'CONFIRMED', modifiedAt: deps.clock.now() });
    deps.logger.info('password reset confirmed', { username: user.username });
    return {};
  };
