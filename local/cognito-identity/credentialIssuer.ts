import { randomBytes, randomInt } from 'node:crypto';
import type { EmulatorDeps } from '../deps';
import { authenticatedRoleArn, CREDENTIALS_COLLECTION, type TemporaryCredentials } from '../iam/credentials';

/** How often (in clock time) expired records are swept: occasionally, never on every request. */
export const PRUNE_INTERVAL_MS = 10 * 60 * 1000;
/**
 * Expired credentials are kept this long after expiry, so S3 keeps answering `ExpiredToken` for them (the
 * code Amplify Storage retries on) rather than `InvalidAccessKeyId`, as STS session tokens do on AWS.
 */
export const EXPIRED_RETENTION_MS = 24 * 60 * 60 * 1000;

const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `ASIA` + 16 upper-case letters and digits: the shape of AWS's temporary access key ids. */
function temporaryAccessKeyId(): string {
  let id = 'ASIA';
  for (let i = 0; i < 16; i += 1) id += KEY_ID_ALPHABET[randomInt(KEY_ID_ALPHABET.length)];
  return id;
}

export type CredentialIssuer = (identityId: string) => Promise<TemporaryCredentials>;

/**
 * Issues the authenticated role's temporary credentials for an identity (what STS AssumeRoleWithWebIdentity
 * does behind GetCredentialsForIdentity) and stores them so S3 can verify signatures made with them.
 */
export function createCredentialIssuer(deps: EmulatorDeps): CredentialIssuer {
  const { store, clock, config } = deps;
  let lastPruneMs: number | undefined;

  function pruneOccasionally(nowMs: number): void {
    if (lastPruneMs !== undefined && nowMs - lastPruneMs < PRUNE_INTERVAL_MS) return;
    lastPruneMs = nowMs;
    const stale = store
      .list<TemporaryCredentials>(CREDENTIALS_COLLECTION)
      .filter((c) => c.expiration + EXPIRED_RETENTION_MS <= nowMs);
    // Not awaited: the sweep must not slow the request; the store drops records from memory at once.
    for (const credentials of stale) {
      store.delete(CREDENTIALS_COLLECTION, credentials.accessKeyId).catch((error: unknown) => {
        deps.logger.warn('credential prune failed', { error: String(error) });
      });
    }
    if (stale.length > 0) deps.logger.info('expired credentials pruned', { count: stale.length });
  }

  return async (identityId) => {
    const nowMs = clock.now();
    pruneOccasionally(nowMs);
    // Whole seconds: the wire carries epoch seconds, and S3 must judge expiry by the instant the client saw.
    const expiration = (Math.floor(nowMs / 1000) + config.credentialsTtlSeconds) * 1000;
    const credentials: TemporaryCredentials = {
      accessKeyId: temporaryAccessKeyId(),
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(480).toString('base64'),
      expiration,
      identityId,
      roleArn: authenticatedRoleArn(deps),
    };
    await store.put(CREDENTIALS_COLLECTION, credentials.accessKeyId, credentials);
    return credentials;
  };
}
