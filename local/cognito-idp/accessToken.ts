import type { EmulatorDeps } from '../deps';
import type { RefreshTokenRecord } from '../tokens/refreshTokens';
import { verifyAccessToken, type AccessTokenRejection } from '../tokens/verifyAccessToken';
import { MESSAGES, NotAuthorizedException, UserNotFoundException } from './errors';
import { refuseDisabled } from './signIn';
import { USERS, type UserRecord } from './users';

const REJECTIONS: Record<AccessTokenRejection, string> = {
  invalid: MESSAGES.accessInvalid,
  expired: MESSAGES.accessExpired,
  revoked: MESSAGES.accessRevoked,
};

/** The user behind an access token (GetUser, GlobalSignOut), or Cognito's NotAuthorizedException. */
export async function requireAccessToken(deps: EmulatorDeps, token: string): Promise<{ user: UserRecord; signIn: RefreshTokenRecord }> {
  const check = await verifyAccessToken(deps, token);
  if (!check.ok) throw new NotAuthorizedException(REJECTIONS[check.reason]);
  const user = deps.store.get<UserRecord>(USERS, check.token.signIn.userKey);
  if (!user || user.sub !== check.token.sub) throw new UserNotFoundException();
  refuseDisabled(user);
  return { user, signIn: check.token.signIn };
}
