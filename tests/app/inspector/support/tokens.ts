import { base64url, exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import { configure } from '@testing-library/react';
import { vi } from 'vitest';

// RSA verification in a busy, shared test machine can take longer than Testing Library's 1 s default.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

/**
 * Cognito-shaped tokens for the panel tests, signed with real RS256 keys (jose), and a JWKS served through
 * a stubbed `fetch` at the URI the panel is given — the same boundary the browser crosses.
 */
export const POOL = {
  region: 'ap-northeast-1',
  userPoolId: 'ap-northeast-1_LocalPool',
  clientId: 'localclientid0123456789abc',
  get issuer() {
    return `https://cognito-idp.${this.region}.amazonaws.com/${this.userPoolId}`;
  },
  jwksUri: 'http://127.0.0.1:4566/ap-northeast-1_LocalPool/.well-known/jwks.json',
};

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  jwk: JWK;
}

export async function createSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { kid, privateKey, jwk };
}

export interface TokenOptions {
  key: SigningKey;
  /** Epoch seconds; defaults to now. */
  issuedAt?: number;
  lifetimeSeconds?: number;
  claims?: JWTPayload;
}

function sign(payload: JWTPayload, { key, issuedAt, lifetimeSeconds = 3600 }: TokenOptions): Promise<string> {
  const iat = issuedAt ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ iat, exp: iat + lifetimeSeconds, auth_time: iat, ...payload })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .sign(key.privateKey);
}

/** An ID token with the claims Cognito puts in one (aud = client id, no client_id). */
export function buildIdToken(options: TokenOptions): Promise<string> {
  return sign(
    {
      sub: '6b1f3c9e-0000-4000-8000-000000000001',
      email_verified: true,
      iss: POOL.issuer,
      'cognito:username': '6b1f3c9e-0000-4000-8000-000000000001',
      origin_jti: 'origin-1',
      aud: POOL.clientId,
      event_id: 'event-1',
      token_use: 'id',
      jti: 'jti-id-1',
      email: 'new@example.com',
      ...options.claims,
    },
    options,
  );
}

/** An access token with Cognito's claims (client_id, scope, username; no aud). */
export function buildAccessToken(options: TokenOptions): Promise<string> {
  return sign(
    {
      sub: '6b1f3c9e-0000-4000-8000-000000000001',
      iss: POOL.issuer,
      client_id: POOL.clientId,
      origin_jti: 'origin-1',
      event_id: 'event-1',
      token_use: 'access',
      scope: 'aws.cognito.signin.user.admin',
      jti: 'jti-access-1',
      username: '6b1f3c9e-0000-4000-8000-000000000001',
      ...options.claims,
    },
    options,
  );
}

/** Changes one payload claim and keeps the original signature, as an attacker editing a token would. */
export function tamperPayload(token: string, claims: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const decoded: Record<string, unknown> = JSON.parse(
    new TextDecoder().decode(base64url.decode(payload ?? '')),
  );
  const edited = base64url.encode(JSON.stringify({ ...decoded, ...claims }));
  return `${header}.${edited}.${signature}`;
}

export interface JwksServer {
  requests: string[];
  /** Answer with HTTP 503 (or go back to serving the keys). */
  setDown(down: boolean): void;
}

/** Serves `{ keys }` at POOL.jwksUri through a stubbed global fetch; anything else is a 404. */
export function serveJwks(keys: SigningKey[]): JwksServer {
  const requests: string[] = [];
  let down = false;
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : String(input);
      requests.push(url);
      if (url !== POOL.jwksUri) return new Response('not found', { status: 404 });
      if (down) return new Response('unavailable', { status: 503 });
      return Response.json({ keys: keys.map((key) => key.jwk) });
    }),
  );
  return { requests, setDown: (next) => (down = next) };
}
