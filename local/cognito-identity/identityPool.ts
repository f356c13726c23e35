import type { EmulatorDeps } from '../deps';
import { ResourceNotFoundException } from './errors';

/**
 * The one identity pool the emulator serves, derived from the config as the CDK stack defines the real
 * one: authenticated identities only, one login provider — the user pool with its app client.
 */
export interface IdentityPool {
  identityPoolId: string;
  /** The `Logins` key: `cognito-idp.{region}.amazonaws.com/{userPoolId}` (the ID token's `iss` minus `https://`). */
  providerName: string;
  /** The app client whose ID tokens are accepted (their `aud`). */
  clientId: string;
  allowUnauthenticated: false;
}

export function configuredPool(deps: EmulatorDeps): IdentityPool {
  const { region, userPoolId, userPoolClientId, identityPoolId } = deps.config;
  return {
    identityPoolId,
    providerName: `cognito-idp.${region}.amazonaws.com/${userPoolId}`,
    clientId: userPoolClientId,
    allowUnauthenticated: false,
  };
}

/** Mirrors AWS's answer for a well-formed but unknown pool id: `IdentityPool '<id>' not found.` */
export function findPool(deps: EmulatorDeps, identityPoolId: string): IdentityPool {
  const pool = configuredPool(deps);
  if (identityPoolId !== pool.identityPoolId) {
    throw new ResourceNotFoundException(`IdentityPool '${identityPoolId}' not found.`);
  }
  return pool;
}
