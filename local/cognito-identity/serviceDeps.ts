import type { EmulatorDeps } from '../deps';
import { createCredentialIssuer, type CredentialIssuer } from './credentialIssuer';
import { createIdentityDirectory, type IdentityDirectory } from './identities';
import { createLoginVerifier, type LoginVerifier } from './verifyLogins';

/** The identity pool's stateful helpers (JWKS, in-flight creations, prune timer), one set per emulator. */
export interface IdentityServices {
  verifyLogins: LoginVerifier;
  identities: IdentityDirectory;
  issueCredentials: CredentialIssuer;
}

// Keyed by the deps object itself (not a copy), so every action of one emulator shares one set and reads
// deps fields such as `endpoint` live.
const servicesByDeps = new WeakMap<EmulatorDeps, IdentityServices>();

export function identityServices(deps: EmulatorDeps): IdentityServices {
  let services = servicesByDeps.get(deps);
  if (!services) {
    services = {
      verifyLogins: createLoginVerifier(deps),
      identities: createIdentityDirectory(deps),
      issueCredentials: createCredentialIssuer(deps),
    };
    servicesByDeps.set(deps, services);
  }
  return services;
}
