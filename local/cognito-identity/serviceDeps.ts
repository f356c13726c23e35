import type { EmulatorDeps } from '../deps';
import { createCredentialIssuer, type CredentialIssuer } from './credentialIssuer';
import { createIdentityDirectory, type IdentityDirectory } from './identities';
import { createLoginVerifier, type LoginVerifier } from './verifyLogins';

/** What the identity pool's actions receive: the emulator's deps plus the service's own helpers, built once. */
export interface IdentityServiceDeps extends EmulatorDeps {
  verifyLogins: LoginVerifier;
  identities: IdentityDirectory;
  issueCredentials: CredentialIssuer;
}

export function createIdentityServiceDeps(deps: EmulatorDeps): IdentityServiceDeps {
  return {
    ...deps,
    verifyLogins: createLoginVerifier(deps),
    identities: createIdentityDirectory(deps),
    issueCredentials: createCredentialIssuer(deps),
  };
}
