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

/** server − device time, as Amplify measured it when the tokens arrived (stored with them, shared by every tab). */
async function clockDrift(): Promise<number> {
  const drift = (await cognitoUserPoolsTokenProvider.authTokenStore.loadTokens())?.clockDrift ?? 0;
  return Number.isFinite(drift) ? drift : 0;
}

/**
 * A `getUrl` result made valid on the server's clock. Amplify corrects its signed requests for clock
 * skew, but not its presigned URLs: they carry the device's time. When the drift is beyond tolerance the
 * URL is signed again for the server's "now".
 */
export async function onServerTime(presigned: PresignedUrl, region: string): Promise<PresignedUrl> {
  const drift = await clockDrift();
  if (Math.abs(drift) <= TOLERATED_CLOCK_DRIFT_MS) return presigned;
  return signAgain(presigned, region, drift);
}

/** Signs a presigned URL whose request was changed (e.g. its path) again, on the server's time. */
export async function signedAgain(presigned: PresignedUrl, region: string): Promise<PresignedUrl> {
  return signAgain(presigned, region, await clockDrift());
}

/**
 * The new signature covers the URL as it is now, dated the server's "now", and lives no longer than the
 * credentials' real remaining life (Amplify computed that on the device clock). The signer is loaded only
 * here, so a session that never needs it never downloads it.
 */
async function signAgain(presigned: PresignedUrl, region: string, drift: number): Promise<PresignedUrl> {
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
