import { JwtRsaVerifier } from 'aws-jwt-verify';
import {
  FetchError,
  JwtInvalidClaimError,
  JwtInvalidSignatureError,
  KidNotFoundInJwksError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';

export type SignatureResult =
  | { status: 'valid' }
  | { status: 'invalid'; reason: string }
  /** The JWKS could not be fetched: the signature is neither confirmed nor refuted. */
  | { status: 'unverifiable'; reason: string };

export interface VerifyTarget {
  /** Where the user pool's keys are: locally the emulator, while `iss` stays the AWS-style issuer. */
  jwksUri: string;
  issuer: string;
}

/**
 * The JWKS is fetched with the page's own `fetch` (aws-jwt-verify's default fetcher differs between Node
 * and browsers, and the local JWKS is served over http), once per verifier; aws-jwt-verify refetches by
 * itself when a token names a `kid` the cached set lacks (key rotation).
 */
class JwksUnavailableError extends Error {
  override name = 'JwksUnavailableError';
}

const fetcher: Fetcher = {
  fetch: async (uri) => {
    const response = await fetch(uri).catch(() => {
      throw new JwksUnavailableError('the JWKS could not be fetched (network)');
    });
    if (!response.ok) throw new JwksUnavailableError(`the JWKS request answered HTTP ${response.status}`);
    return response.arrayBuffer();
  },
};

const verifiers = new Map<string, ReturnType<typeof createVerifier>>();

function createVerifier({ jwksUri, issuer }: VerifyTarget) {
  // audience: null — `aud` (ID) and `client_id` (access) are shown by the panel's own checks.
  return JwtRsaVerifier.create(
    { issuer, jwksUri, audience: null },
    { jwksCache: new SimpleJwksCache({ fetcher }) },
  );
}

/**
 * Verifies a token's RS256 signature against the user pool's JWKS with aws-jwt-verify. aws-jwt-verify
 * checks the signature before any claim, so a claim error (expired, other issuer) means the signature
 * itself was valid: the panel reports the claims in its four separate checks.
 */
export async function verifySignature(token: string, target: VerifyTarget): Promise<SignatureResult> {
  const cacheKey = `${target.jwksUri}\n${target.issuer}`;
  let verifier = verifiers.get(cacheKey);
  if (!verifier) {
    verifier = createVerifier(target);
    verifiers.set(cacheKey, verifier);
  }
  try {
    await verifier.verify(token);
    return { status: 'valid' };
  } catch (error) {
    if (error instanceof JwtInvalidClaimError) return { status: 'valid' };
    if (error instanceof JwtInvalidSignatureError)
      return { status: 'invalid', reason: 'signature does not match' };
    if (error instanceof KidNotFoundInJwksError)
      return { status: 'invalid', reason: 'signing key not in the JWKS' };
    const reason = error instanceof Error ? error.message : String(error);
    const unavailable =
      error instanceof JwksUnavailableError ||
      error instanceof FetchError ||
      error instanceof WaitPeriodNotYetEndedJwkError;
    // Anything else (malformed token, unsupported alg, a key of the wrong type) is a failed verification.
    return unavailable ? { status: 'unverifiable', reason } : { status: 'invalid', reason };
  }
}
