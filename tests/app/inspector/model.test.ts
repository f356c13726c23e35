import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { claimText, decodeJwt } from '../../../src/features/inspector/model/decodeJwt';
import { countdown, formatDuration } from '../../../src/features/inspector/model/formatCountdown';
import { checkToken } from '../../../src/features/inspector/model/tokenChecks';
import { POOL } from './support/tokens';

function unsignedJwt(payload: object, header: object = { alg: 'RS256', kid: 'k' }): string {
  const encode = (part: object) => base64url.encode(JSON.stringify(part));
  return `${encode(header)}.${encode(payload)}.signature`;
}

describe('decodeJwt', () => {
  it('decodes header and payload, including non-ASCII claims', () => {
    const decoded = decodeJwt(unsignedJwt({ name: '山田 🐱', n: 1 }));
    expect(decoded).toEqual({
      ok: true,
      header: { alg: 'RS256', kid: 'k' },
      payload: { name: '山田 🐱', n: 1 },
    });
  });

  it.each([['not-a-jwt'], ['a.b'], ['!!!.###.x'], [`${base64url.encode('[1]')}.e30.x`]])(
    'refuses %s with a reason',
    (token) => {
      const decoded = decodeJwt(token);
      expect(decoded.ok).toBe(false);
    },
  );

  it('shows claims as text', () => {
    expect(claimText('x')).toBe('x');
    expect(claimText(['a', 1])).toBe('["a",1]');
    expect(claimText(undefined)).toBe('—');
  });
});

describe('checkToken', () => {
  const context = { issuer: POOL.issuer, clientId: POOL.clientId, now: 1_000_000_000 };
  const idPayload = { exp: 1_000_000_001, aud: POOL.clientId, iss: POOL.issuer, token_use: 'id' };

  it('passes a good ID token and fails each wrong claim on its own', () => {
    const pass = (payload: object) =>
      checkToken({ ...idPayload, ...payload }, { ...context, tokenUse: 'id' }).map((c) => c.pass);
    expect(pass({})).toEqual([true, true, true, true]);
    expect(pass({ exp: 1_000_000 })).toEqual([false, true, true, true]);
    expect(pass({ exp: '9999999999' })).toEqual([false, true, true, true]);
    expect(pass({ aud: 'other' })).toEqual([true, false, true, true]);
    expect(pass({ iss: `${POOL.issuer}/` })).toEqual([true, true, false, true]);
    expect(pass({ token_use: 'access' })).toEqual([true, true, true, false]);
  });

  it('reads client_id for access tokens, where Cognito puts no aud', () => {
    const { aud: _aud, ...withoutAud } = idPayload;
    const checks = checkToken(
      { ...withoutAud, client_id: POOL.clientId, token_use: 'access' },
      { ...context, tokenUse: 'access' },
    );
    expect(checks.find((c) => c.id === 'audience')).toMatchObject({ claim: 'client_id', pass: true });
  });
});

describe('countdown', () => {
  it('formats m:ss under an hour and h:mm:ss above', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(59_999)).toBe('0:59');
    expect(formatDuration(3_600_000)).toBe('1:00:00');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
  });

  it('never shows 0:00 left while still valid, and counts up after expiry', () => {
    expect(countdown(1_000, 500)).toEqual({ expired: false, text: '0:01' });
    expect(countdown(1_000, 1_000)).toEqual({ expired: true, text: '0:00' });
    expect(countdown(1_000, 62_000)).toEqual({ expired: true, text: '1:01' });
  });
});
