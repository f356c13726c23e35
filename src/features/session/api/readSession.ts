import { fetchAuthSession } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import { classifyAuthError } from '../../../lib/amplify/authErrors';
import type { ReadResult } from './readResult';
import { toFacts } from './toFacts';

/**
 * The session as Amplify serves it: tokens (refreshed on use when within 5 s of expiry) and credentials
 * (from our shared provider: cached until their real expiry). `forceRefresh` renews both. When the refresh
 * token is gone Amplify *resolves* with no tokens instead of throwing: that is `none`, not a failure.
 */
export async function readSession(options: { forceRefresh?: boolean } = {}): Promise<ReadResult> {
  try {
    const session = await fetchAuthSession({ forceRefresh: options.forceRefresh ?? false });
    if (!session.tokens) return { kind: 'none' };
    const stored = await cognitoUserPoolsTokenProvider.authTokenStore.loadTokens();
    const held = { identityId: session.identityId, credentials: session.credentials };
    const facts = toFacts(session.tokens, held, stored?.clockDrift ?? 0);
    return facts ? { kind: 'session', facts } : { kind: 'none' };
  } catch (error) {
    return { kind: 'failed', failure: classifyAuthError(error) };
  }
}

/** A renewal: new tokens (GetTokensFromRefreshToken) and new AWS credentials (GetCredentialsForIdentity). */
export function renewSession(): Promise<ReadResult> {
  return readSession({ forceRefresh: true });
}
