import type { RevokeTokenRequest, RevokeTokenResponse } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../../deps';
import { findRefreshToken, revokeOrigin } from '../../tokens/refreshTokens';
import { UnsupportedTokenTypeException } from '../errors';
import { requireClient } from '../pool';
import { FIELDS, type InputSchema } from '../validate';

export const revokeTokenInput: InputSchema<RevokeTokenRequest> = {
  Token: FIELDS.token,
  ClientId: FIELDS.clientId,
  ClientSecret: { type: 'string' },
};

/** A JWT (header.payload.signature, base64url) rather than one of our opaque refresh tokens. */
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * What Amplify's `signOut()` calls: revokes one refresh token, and with it the ID and access tokens of
 * its sign-in (same `origin_jti`). Revoking an unknown or already revoked token succeeds, as OAuth
 * revocation (RFC 7009) does; an access or ID token is not revocable here.
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RevokeToken.html
 */
export const revokeToken = (deps: EmulatorDeps) => async (input: RevokeTokenRequest): Promise<RevokeTokenResponse> => {
  const clientId = input.ClientId ?? '';
  requireClient(deps, clientId);
  const token = input.Token ?? '';
  if (JWT.test(token)) throw new UnsupportedTokenTypeException();
  const record = findRefreshToken(deps, token);
  if (record && record.clientId === clientId) {
    await revokeOrigin(deps, record);
    deps.logger.info('refresh token revoked', { user: record.userKey });
  }
  return {};
};
