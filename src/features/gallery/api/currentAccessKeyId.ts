import { fetchAuthSession } from 'aws-amplify/auth';

let inFlight: Promise<string | undefined> | undefined;

/**
 * The access key id of the AWS credentials Amplify holds right now, for the request log only (the secret
 * and session token are never read out of the session).
 *
 * Galleries call this before their first `list`: concurrent credential fetches are not deduplicated by
 * Amplify (amplify-js #13499), so sharing one in-flight lookup means two galleries starting together cause
 * one GetCredentialsForIdentity, after which Storage's own `fetchAuthSession()` reads the cache.
 * Never throws: a missing session shows up as the S3 call's own error.
 */
export function currentAccessKeyId(): Promise<string | undefined> {
  inFlight ??= fetchAuthSession()
    .then((session) => session.credentials?.accessKeyId)
    .catch(() => undefined)
    .finally(() => {
      inFlight = undefined;
    });
  return inFlight;
}
