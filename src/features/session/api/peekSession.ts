import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { sharedCredentials } from '../../../lib/amplify/configureAmplify';
import { tokenKeyOf } from '../../../lib/amplify/sharedCredentials';
import type { ReadResult } from './readResult';
import { toFacts } from './toFacts';

/**
 * The session as stored right now — tokens from storage, credentials from memory — with no request at all
 * (no refresh, no credentials fetch). Used after taking the renewal lock and when another tab announces a
 * renewal. `awaitCredentialsMs`: if the stored tokens are new here, wait that long for the credentials the
 * renewing tab shares, instead of fetching our own.
 */
export interface PeekOptions {
  awaitCredentialsMs?: number;
  /** The ID token this tab already knows: if storage still holds it, nothing new is coming, so no wait. */
  knownIdToken?: string;
}

export async function peekSession(options: PeekOptions = {}): Promise<ReadResult> {
  const stored = await cognitoUserPoolsTokenProvider.authTokenStore.loadTokens();
  const sub = stored?.idToken?.payload.sub;
  if (!stored || !sub) return { kind: 'none' };
  const provider = sharedCredentials();
  const key = tokenKeyOf(stored.idToken);
  const isNew = stored.idToken?.toString() !== options.knownIdToken;
  if (options.awaitCredentialsMs && key && isNew) await provider?.waitFor(key, options.awaitCredentialsMs);
  const facts = toFacts(stored, provider?.peek(sub), stored.clockDrift ?? 0);
  return facts ? { kind: 'session', facts } : { kind: 'none' };
}
