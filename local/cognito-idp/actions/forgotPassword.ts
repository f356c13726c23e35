import type { ForgotPasswordRequest, ForgotPasswordResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { InvalidParameterException, MESSAGES, NotAuthorizedException } from '../errors';
import { maskEmail, newResetCode } from '../resetCodes';
import { requireClient } from '../pool';
import { refuseDisabled } from '../signIn';
import { emailOf, findUser, saveUser } from '../users';
import { FIELDS, type InputSchema } from '../validate';

export const forgotPasswordInput: InputSchema<ForgotPasswordRequest> = {
  ClientId: FIELDS.clientId,
  Username: FIELDS.username,
  SecretHash: { type: 'string' },
  ClientMetadata: FIELDS.optionalMap,
};

/**
 * Sends a password-reset code: here, to the emulator's log (`forgot-password code`, with the username
 * and code) instead of an email. An unknown user gets the same simulated delivery, so the answer reveals
 * nothing (PreventUserExistenceErrors). A user still on a temporary password cannot reset it, as on AWS.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ForgotPassword.html
 */
export const forgotPassword = (deps: EmulatorDeps) => async (input: ForgotPasswordRequest): Promise<ForgotPasswordResponse> => {
  requireClient(deps, input.ClientId ?? '');
  const username = input.Username ?? '';
  const user = findUser(deps, username);
  const delivery = (email: string) => ({
    CodeDeliveryDetails: { Destination: maskEmail(email), DeliveryMedium: 'EMAIL' as const, AttributeName: 'email' },
  });
  if (!user) return delivery(username);
  refuseDisabled(user);
  if (user.status === 'FORCE_CHANGE_PASSWORD') throw new NotAuthorizedException(MESSAGES.cannotReset);
  if (user.attributes.email_verified !== 'true') {
    throw new InvalidParameterException('Cannot reset password for the user as there is no registered/verified email or phone_number');
  }
  const { code, reset } = newResetCode(user, deps.clock.now());
  await saveUser(deps, { ...user, reset });
  deps.logger.info('forgot-password code', { username: emailOf(user), code });
  return delivery(emailOf(user));
};
