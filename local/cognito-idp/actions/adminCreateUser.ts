import { randomBytes } from 'node:crypto';
import type { AdminCreateUserRequest, AdminCreateUserResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { mergeAttributeList } from '../attributes';
import { InvalidParameterException, UsernameExistsException, UserNotFoundException } from '../errors';
import { checkPasswordPolicy } from '../passwordPolicy';
import { requirePool } from '../pool';
import { findUser, newUser, passwordVerifier, saveUser } from '../users';
import { userType } from '../userType';
import { FIELDS, type InputSchema } from '../validate';

export const adminCreateUserInput: InputSchema<AdminCreateUserRequest> = {
  UserPoolId: FIELDS.userPoolId,
  Username: FIELDS.username,
  UserAttributes: { type: 'attributeList' },
  ValidationData: { type: 'attributeList' },
  TemporaryPassword: { ...FIELDS.password, required: false },
  ForceAliasCreation: { type: 'boolean' },
  MessageAction: { type: 'string', enum: ['RESEND', 'SUPPRESS'] },
  ClientMetadata: FIELDS.optionalMap,
};

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** A temporary password nobody learns (no invitation email is sent locally); it always meets the policy. */
function unguessablePassword(): string {
  return `Aa1!${randomBytes(18).toString('base64url')}`;
}

/**
 * Creates a user as `admin-create-user` does in the seed: status FORCE_CHANGE_PASSWORD with the temporary
 * password (checked against the policy), attributes such as `email_verified`, and the email as the
 * sign-in name (the pool's username attribute), so the Username must be an email. MessageAction RESEND
 * sets a new temporary password on a user who never signed in. No invitation is sent (or logged).
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AdminCreateUser.html
 */
export const adminCreateUser = (deps: EmulatorDeps) => async (input: AdminCreateUserRequest): Promise<AdminCreateUserResponse> => {
  requirePool(deps, input.UserPoolId ?? '');
  const email = (input.Username ?? '').trim();
  if (!EMAIL.test(email)) throw new InvalidParameterException('Username should be an email.');
  const password = input.TemporaryPassword ?? unguessablePassword();
  checkPasswordPolicy(password);
  const existing = findUser(deps, email);
  if (input.MessageAction === 'RESEND') {
    if (!existing || existing.status !== 'FORCE_CHANGE_PASSWORD') throw existing ? new UsernameExistsException() : new UserNotFoundException();
    const resent = { ...existing, ...passwordVerifier(deps, existing.username, password), modifiedAt: deps.clock.now() };
    await saveUser(deps, resent);
    return { User: userType(resent) };
  }
  if (existing) throw new UsernameExistsException();
  const attributes = mergeAttributeList({}, input.UserAttributes ?? [], 'userAttributes');
  const user = newUser(deps, { email, attributes, password, status: 'FORCE_CHANGE_PASSWORD' });
  await saveUser(deps, user);
  deps.logger.info('user created', { username: user.username, email, status: user.status });
  return { User: userType(user) };
};
