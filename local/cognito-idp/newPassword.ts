import type { RespondToAuthChallengeResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../deps';
import { mergeChallengeAttributes } from './attributes';
import { consumeChallenge, readChallenge } from './challenges';
import { MESSAGES, NotAuthorizedException } from './errors';
import { checkPasswordPolicy } from './passwordPolicy';
import { refuseDisabled, requireParameter, startSignIn } from './signIn';
import { emailOf, findUser, passwordVerifier, saveUser, USERS, type UserRecord } from './users';

/**
 * NEW_PASSWORD_REQUIRED: the user created with a temporary password picks their own. The Session comes
 * from the PASSWORD_VERIFIER (or USER_PASSWORD_AUTH) step and lives 3 minutes; a password the policy
 * refuses leaves it usable, so the user can try again, as with Cognito's hosted and Amplify UIs.
 */
export async function completeNewPassword(
  deps: EmulatorDeps,
  clientId: string,
  session: string | undefined,
  responses: Record<string, string> | undefined,
): Promise<RespondToAuthChallengeResponse> {
  const username = requireParameter(responses, 'USERNAME');
  const newPassword = requireParameter(responses, 'NEW_PASSWORD');
  if (!session) throw new NotAuthorizedException(MESSAGES.sessionInvalid);
  const { userKey } = readChallenge(deps, session, clientId, 'new-password');
  const user = deps.store.get<UserRecord>(USERS, userKey);
  if (!user || findUser(deps, username)?.sub !== user.sub) throw new NotAuthorizedException(MESSAGES.sessionInvalid);
  refuseDisabled(user);
  checkPasswordPolicy(newPassword);
  const attributes = mergeChallengeAttributes(user.attributes, responses ?? {});
  await consumeChallenge(deps, session);
  const updated: UserRecord = {
    ...user,
    // The email stays the username attribute; a challenge answer cannot move the user to another key.
    attributes: { ...attributes, email: emailOf(user) },
    status: 'CONFIRMED',
    ...passwordVerifier(deps, user.username, newPassword),
    modifiedAt: deps.clock.now(),
  };
  await saveUser(deps, updated);
  deps.logger.info('new password set', { username: user.username });
  return { ChallengeParameters: {}, AuthenticationResult: await startSignIn(deps, updated, clientId) };
}
