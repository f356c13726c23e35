import type { AuthenticationResultType, InitiateAuthResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../deps';
import { issueTokens, type TokenSubject } from '../tokens/issueTokens';
import { createRefreshToken, findRefreshToken } from '../tokens/refreshTokens';
import { openChallenge } from './challenges';
import { InvalidParameterException, MESSAGES, NotAuthorizedException } from './errors';
import { emailOf, USERS, userKey, type UserRecord } from './users';

// Steps shared by InitiateAuth, RespondToAuthChallenge and GetTokensFromRefreshToken.

/** AuthParameters / ChallengeResponses entries, with Cognito's message for a missing one. */
export function requireParameter(parameters: Record<string, string> | undefined, name: string): string {
  const value = parameters?.[name];
  if (value === undefined || value === '') throw new InvalidParameterException(`Missing required parameter ${name}`);
  return value;
}

export function subjectOf(user: UserRecord): TokenSubject {
  return {
    sub: user.sub,
    username: user.username,
    email: emailOf(user),
    emailVerified: user.attributes.email_verified === 'true',
  };
}

/** A disabled user cannot authenticate at all, with or without the right password. */
export function refuseDisabled(user: UserRecord): void {
  if (!user.enabled) throw new NotAuthorizedException(MESSAGES.userDisabled);
}

/**
 * What follows a verified password: the NEW_PASSWORD_REQUIRED challenge for a user created with a
 * temporary password, tokens otherwise (a new sign-in: new refresh token, `auth_time` = now).
 */
export async function afterPasswordVerified(deps: EmulatorDeps, user: UserRecord, clientId: string): Promise<InitiateAuthResponse> {
  if (user.status === 'FORCE_CHANGE_PASSWORD') {
    return {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: await openChallenge(deps, clientId, { kind: 'new-password', userKey: userKey(emailOf(user)) }),
      ChallengeParameters: {
        USER_ID_FOR_SRP: user.username,
        requiredAttributes: '[]',
        // Cognito lists the user's attributes here without `sub`.
        userAttributes: JSON.stringify(user.attributes),
      },
    };
  }
  return { ChallengeParameters: {}, AuthenticationResult: await startSignIn(deps, user, clientId) };
}

export async function startSignIn(deps: EmulatorDeps, user: UserRecord, clientId: string): Promise<AuthenticationResultType> {
  const { token, record } = await createRefreshToken(deps, { userKey: userKey(emailOf(user)), clientId });
  deps.logger.info('signed in', { username: user.username });
  return { ...(await issueTokens(deps, subjectOf(user), record)), RefreshToken: token };
}

/**
 * New ID and access tokens from a refresh token, keeping the sign-in's `auth_time` and `origin_jti`. No new
 * refresh token: the app client does not rotate them, so Cognito omits it and Amplify keeps the old one.
 */
export async function refreshSignIn(deps: EmulatorDeps, refreshToken: string, clientId: string): Promise<AuthenticationResultType> {
  const record = findRefreshToken(deps, refreshToken);
  if (!record || record.clientId !== clientId) throw new NotAuthorizedException(MESSAGES.refreshInvalid);
  const user = deps.store.get<UserRecord>(USERS, record.userKey);
  if (!user) throw new NotAuthorizedException(MESSAGES.refreshInvalid);
  refuseDisabled(user);
  if (record.revoked) throw new NotAuthorizedException(MESSAGES.refreshRevoked);
  if (record.expiresAt <= deps.clock.now()) throw new NotAuthorizedException(MESSAGES.refreshExpired);
  deps.logger.info('tokens refreshed', { username: user.username });
  return issueTokens(deps, subjectOf(user), record);
}
