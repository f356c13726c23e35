import { createHash, timingSafeEqual } from 'node:crypto';
import type { EmulatorDeps } from '../deps';
import type { LocalRequest } from '../http/types';
import { findPrincipal, type Principal } from '../iam/credentials';
import { parseSignedRequest, type SignedRequestClaims } from './parseSignedRequest';
import { computeSignature, type ComputedSignature } from './computeSignature';
import { SigV4Failure } from './sigV4Failure';

export { SigV4Failure, type SigV4FailureReason, type SigV4FailureDetails } from './sigV4Failure';

/** Another host and path under which the same request may have been signed (see S3's local routing). */
export interface SigningTarget {
  host: string;
  rawPath: string;
}

export interface VerifySigV4Options {
  /** The signing name the credential scope must carry (`s3`, `cognito-idp` …). */
  service: string;
  /** Defaults to the emulator's region. */
  region?: string;
  /**
   * Readings of the request to accept besides the one received, each a full verification with the real
   * secret. Only S3 passes any: see `local/s3/signingTargets.ts` for the one local-only concession.
   */
  alternateHosts?: readonly SigningTarget[];
}

/** AWS refuses header-signed requests more than 15 minutes away from its clock. */
export const MAX_SKEW_MS = 15 * 60 * 1000;
/** SigV4 presigned URLs live at most one week. */
export const MAX_PRESIGN_SECONDS = 604_800;

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const SHA256_HEX = /^[0-9a-f]{64}$/;

function sha256Hex(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function checkTime(claims: SignedRequestClaims, now: number): void {
  const times = { requestTime: claims.signedAt, serverTime: now };
  if (claims.mode === 'header') {
    if (Math.abs(now - claims.signedAt) > MAX_SKEW_MS) throw new SigV4Failure('time-skewed', times);
    return;
  }
  const expiresSeconds = claims.expiresSeconds ?? 0;
  if (expiresSeconds > MAX_PRESIGN_SECONDS) {
    throw new SigV4Failure('presign-expires-too-large', {
      ...times,
      expiresSeconds,
      detail: 'X-Amz-Expires must be less than a week (in seconds) that is 7 days',
    });
  }
  // Unconfirmed on AWS: a presigned URL dated ahead of the clock is given the same 15 minutes of grace.
  if (claims.signedAt - now > MAX_SKEW_MS) throw new SigV4Failure('not-yet-valid', times);
  const expiresAt = claims.signedAt + expiresSeconds * 1000;
  if (now > expiresAt) throw new SigV4Failure('presign-expired', { ...times, expiresSeconds, expiresAt });
}

/** The secret that signed the request, once the session token (if any) is the right one and alive. */
function secretOf(principal: Principal, claims: SignedRequestClaims, now: number): string {
  if (principal.kind === 'admin') {
    if (claims.securityToken !== undefined)
      throw new SigV4Failure('token-invalid', { accessKeyId: claims.accessKeyId });
    return principal.secretAccessKey;
  }
  const { credentials } = principal;
  if (claims.securityToken === undefined)
    throw new SigV4Failure('token-missing', { accessKeyId: claims.accessKeyId });
  if (!constantTimeEqual(claims.securityToken, credentials.sessionToken)) {
    throw new SigV4Failure('token-invalid', { accessKeyId: claims.accessKeyId });
  }
  if (now >= credentials.expiration)
    throw new SigV4Failure('token-expired', { accessKeyId: claims.accessKeyId, serverTime: now });
  return credentials.secretAccessKey;
}

/** The payload hash the client signed: declared by `x-amz-content-sha256`, or the body's own hash. */
function payloadHashOf(request: LocalRequest, claims: SignedRequestClaims, service: string): string {
  const declared =
    claims.mode === 'header'
      ? request.headers['x-amz-content-sha256']
      : (request.query.get('X-Amz-Content-Sha256') ?? undefined);
  if (declared === undefined) {
    // S3 requires the header on header-signed requests; presigned S3 URLs always sign UNSIGNED-PAYLOAD.
    if (service === 's3') {
      if (claims.mode === 'header') throw new SigV4Failure('content-sha256-missing');
      return UNSIGNED_PAYLOAD;
    }
    return sha256Hex(request.body);
  }
  if (declared === UNSIGNED_PAYLOAD || SHA256_HEX.test(declared)) return declared;
  throw new SigV4Failure('content-sha256-invalid', {
    detail: declared.startsWith('STREAMING-') ? 'aws-chunked uploads are not emulated' : declared,
  });
}

/**
 * Verifies an `Authorization: AWS4-HMAC-SHA256 …` header or a presigned query against the secret of the
 * access key it names, and returns the principal that signed it. Throws SigV4Failure, which each service
 * maps to its own AWS error. Checks run in the order AWS reveals them: shape, scope, time, key, token,
 * signature, then the body against its declared hash.
 */
export async function verifySigV4(
  deps: EmulatorDeps,
  request: LocalRequest,
  options: VerifySigV4Options,
): Promise<Principal> {
  const claims = parseSignedRequest(request);
  const region = options.region ?? deps.config.region;
  const now = deps.clock.now();
  if (claims.scopeDate !== claims.longDate.slice(0, 8)) {
    throw new SigV4Failure('malformed', {
      detail: 'Invalid credential date. Date is not the same as X-Amz-Date.',
    });
  }
  if (claims.service !== options.service)
    throw new SigV4Failure('malformed', { detail: `Wrong service "${claims.service}"` });
  if (claims.region !== region)
    throw new SigV4Failure('wrong-region', {
      detail: `the region '${claims.region}' is wrong; expecting '${region}'`,
    });
  if (!claims.signedHeaders.includes('host'))
    throw new SigV4Failure('malformed', { detail: 'the host header must be signed' });
  checkTime(claims, now);

  const principal = findPrincipal(deps, claims.accessKeyId);
  if (!principal) throw new SigV4Failure('unknown-access-key', { accessKeyId: claims.accessKeyId });
  const secretAccessKey = secretOf(principal, claims, now);
  const payloadHash = payloadHashOf(request, claims, options.service);

  const targets: SigningTarget[] = [
    { host: request.headers['host'] ?? '', rawPath: request.rawPath },
    ...(options.alternateHosts ?? []),
  ];
  let first: ComputedSignature | undefined;
  for (const target of targets) {
    const computed = await computeSignature({
      ...target,
      ...claims,
      method: request.method,
      query: request.query,
      headers: request.headers,
      payloadHash,
      region,
      secretAccessKey,
    });
    first ??= computed;
    if (constantTimeEqual(computed.signature, claims.signature)) {
      if (SHA256_HEX.test(payloadHash) && !constantTimeEqual(payloadHash, sha256Hex(request.body))) {
        throw new SigV4Failure('content-sha256-mismatch', { accessKeyId: claims.accessKeyId });
      }
      return principal;
    }
  }
  throw new SigV4Failure('signature-mismatch', {
    accessKeyId: claims.accessKeyId,
    signatureProvided: claims.signature,
    stringToSign: first?.stringToSign,
    canonicalRequest: first?.canonicalRequest,
  });
}
