import type { EmulatorDeps } from '../deps';

/**
 * AWS credentials the emulator knows: the local administrator's long-term keys (AKIA…) and the
 * temporary ones the identity pool hands out (ASIA…, with a session token and an expiry), stored so S3
 * can verify a signature and apply the authenticated role's policy.
 */
export interface TemporaryCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** Epoch milliseconds. */
  expiration: number;
  identityId: string;
  roleArn: string;
}

export const CREDENTIALS_COLLECTION = 'sts-credentials';

export type Principal =
  | { kind: 'admin'; accessKeyId: string; secretAccessKey: string }
  | { kind: 'role'; credentials: TemporaryCredentials };

/** Looks up the principal that owns an access key id, or undefined when the key is unknown. */
export function findPrincipal(deps: EmulatorDeps, accessKeyId: string): Principal | undefined {
  const { admin } = deps.config;
  if (accessKeyId === admin.accessKeyId) return { kind: 'admin', ...admin };
  const credentials = deps.store.get<TemporaryCredentials>(CREDENTIALS_COLLECTION, accessKeyId);
  return credentials ? { kind: 'role', credentials } : undefined;
}

/** The ARN of the identity pool's authenticated role, as the CDK stack names it. */
export function authenticatedRoleArn(deps: EmulatorDeps): string {
  return `arn:aws:iam::${deps.config.accountId}:role/gallery-authenticated-role`;
}
