import type { GetIdInput, GetIdResponse } from '@aws-sdk/client-cognito-identity';
import { findPool } from '../identityPool';
import type { EmulatorDeps } from '../../deps';
import { identityServices } from '../serviceDeps';

/**
 * GetId: the caller's IdentityId in the pool, created on the first call and the same for every later
 * call by the same user (`sub`). The ID token in `Logins` is verified first; no guests.
 * https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetId.html
 */
export const getId = (deps: EmulatorDeps) => {
  const { verifyLogins, identities } = identityServices(deps);
  return async (request: GetIdInput): Promise<GetIdResponse> => {
    // The input reader has checked IdentityPoolId is present; the SDK type keeps it optional.
    const pool = findPool(deps, request.IdentityPoolId ?? '');
    const login = await verifyLogins(pool, request.Logins);
    const identity = await identities.identityFor(pool, login);
    return { IdentityId: identity.identityId };
  };
};
