import type {
  GetCredentialsForIdentityInput,
  GetCredentialsForIdentityResponse,
} from '@aws-sdk/client-cognito-identity';
import { authenticatedRoleArn } from '../../iam/credentials';
import {
  InvalidParameterException,
  LOGIN_MESSAGES,
  NotAuthorizedException,
  ResourceNotFoundException,
} from '../errors';
import { findPool } from '../identityPool';
import type { EmulatorDeps } from '../../deps';
import { identityServices } from '../serviceDeps';

/**
 * GetCredentialsForIdentity: temporary credentials of the pool's authenticated role for an identity whose
 * user the ID token in `Logins` proves to be. Expiration follows CREDENTIALS_TTL_SECONDS (AWS: one hour).
 * https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html
 */
export const getCredentialsForIdentity = (deps: EmulatorDeps) => {
  const { verifyLogins, identities, issueCredentials } = identityServices(deps);
  return async (request: GetCredentialsForIdentityInput): Promise<GetCredentialsForIdentityResponse> => {
    const identityId = request.IdentityId ?? '';
    const identity = identities.find(identityId);
    // AWS's wording when an identity id is unknown (e.g. deleted): `Identity '<id>' not found.`
    if (!identity) throw new ResourceNotFoundException(`Identity '${identityId}' not found.`);
    const pool = findPool(deps, identity.identityPoolId);
    const login = await verifyLogins(pool, request.Logins);
    // A valid token of another user does not unlock this identity.
    if (identity.logins[login.providerName] !== login.sub)
      throw new NotAuthorizedException(LOGIN_MESSAGES.logins);
    // Unconfirmed wording. The pool has no role mappings, so only its authenticated role can be chosen.
    if (request.CustomRoleArn !== undefined && request.CustomRoleArn !== authenticatedRoleArn(deps)) {
      throw new InvalidParameterException('CustomRoleArn is not a role of this identity pool.');
    }
    const credentials = await issueCredentials(identity.identityId);
    deps.logger.info('credentials issued', {
      identityId: identity.identityId,
      accessKeyId: credentials.accessKeyId,
    });
    return {
      IdentityId: identity.identityId,
      Credentials: {
        AccessKeyId: credentials.accessKeyId,
        SecretKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        Expiration: new Date(credentials.expiration),
      },
    };
  };
};
