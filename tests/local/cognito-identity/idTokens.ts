import { randomUUID } from 'node:crypto';
import { generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import type { TestEmulator } from '../support/startTestEmulator';

/** The claims of a Cognito ID token (aws-wire-facts.md), all overridable; `undefined` drops a claim. */
export interface IdTokenClaims {
  sub?: string;
  iss?: string;
  aud?: string;
  token_use?: string;
  'cognito:username'?: string;
  email?: string;
  email_verified?: boolean;
  origin_jti?: string;
  event_id?: string;
  jti?: string;
  auth_time?: number;
  iat?: number;
  exp?: number;
  client_id?: string;
  scope?: string;
}

/** `cognito-idp.{region}.amazonaws.com/{userPoolId}`: the Logins key Amplify derives from `iss`. */
export function providerName(emu: TestEmulator, userPoolId = emu.config.userPoolId): string {
  return `cognito-idp.${emu.config.region}.amazonaws.com/${userPoolId}`;
}

/** Typed builder of ID-token claims as the user pool issues them, at the emulator's current time. */
export function buildIdTokenClaims(emu: TestEmulator, overrides: IdTokenClaims = {}): IdTokenClaims {
  const now = Math.floor(emu.clock.now() / 1000);
  const sub = overrides.sub ?? randomUUID();
  return {
    sub,
    iss: `https://${providerName(emu)}`,
    aud: emu.config.userPoolClientId,
    token_use: 'id',
    'cognito:username': sub,
    email: `${sub.slice(0, 8)}@example.com`,
    email_verified: true,
    origin_jti: randomUUID(),
    event_id: randomUUID(),
    jti: randomUUID(),
    auth_time: now,
    iat: now,
    exp: now + emu.config.tokenTtlSeconds,
    ...overrides,
  };
}

interface SignOptions {
  /** Sign with another key (default: the emulator's ID-token key, as the user pool would). */
  key?: { kid: string; privateKey: CryptoKey };
}

export async function signIdToken(
  emu: TestEmulator,
  claims: IdTokenClaims,
  options: SignOptions = {},
): Promise<string> {
  const key = options.key ?? emu.deps.keys.id;
  const payload = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
}

/** A key pair that is not the user pool's: tokens it signs must be refused. */
export async function foreignKey(kid: string): Promise<{ kid: string; privateKey: CryptoKey }> {
  const { privateKey } = await generateKeyPair('RS256');
  return { kid, privateKey };
}

/** Replaces the payload of a signed token, keeping header and signature: a tampered token. */
export function tamper(token: string, changes: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const forged = Buffer.from(JSON.stringify({ ...claims, ...changes })).toString('base64url');
  return `${header}.${forged}.${signature}`;
}
