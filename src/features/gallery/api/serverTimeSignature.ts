import { fetchAuthSession } from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';

/**
 * Device clock errors up to this are left alone: the URL merely lives that much shorter (or longer), and
 * Amplify's own measure of the drift (from the tokens' `iat`, whole seconds) is never exact anyway.
 */
export const TOLERATED_CLOCK_DRIFT_MS = 10_000;

export interface PresignedUrl {
  url: URL;
  /** Epoch ms on this device's clock. */
  expiresAt: number;
}

/**
 * A `getUrl` result made valid on the server's clock. Amplify measures server − device time when tokens
 * arrive (`clockDrift`, stored with them and shared by every tab) and corrects its signed requests with
 * it, but not its presigned URLs. When the drift is beyond tolerance, the URL is signed again for the
 * server's "now", with a lifetime no longer than the credentials' real remaining life (which Amplify
 * computed on the device clock). The signer is loaded only then, so a device with a correct clock never
 * downloads it.
 */
export async function onServerTime(presigned: PresignedUrl, region: string): Promise<PresignedUrl> {
  const drift = (await cognitoUserPoolsTokenProvider.authTokenStore.loadTokens())?.clockDrift ?? 0;
  if (!Number.isFinite(drift) || Math.abs(drift) <= TOLERATED_CLOCK_DRIFT_MS) return presigned;
  const { credentials } = await fetchAuthSession();
  if (!credentials) return presigned;
  const deviceNow = Date.now();
  const serverNow = deviceNow + drift;
  const requested = Number(presigned.url.searchParams.get('X-Amz-Expires')) || 900;
  const credentialsLeft = credentials.expiration
    ? Math.floor((credentials.expiration.getTime() - serverNow) / 1000)
    : requested;
  const expiresInSec = Math.max(1, Math.min(requested, credentialsLeft));
  const { resignPresignedUrl } = await import('../../../lib/storage/resignPresignedUrl');
  const url = await resignPresignedUrl(presigned.url, {
    credentials,
    region,
    signingDate: new Date(serverNow),
    expiresInSec,
  });
  return { url, expiresAt: deviceNow + expiresInSec * 1000 };
}
