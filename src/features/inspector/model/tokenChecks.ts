import { claimText, type JsonObject } from './decodeJwt';

/**
 * The seed article's four checks of a Cognito token, as pure functions: not expired, issued for our app
 * client (`aud` in ID tokens, `client_id` in access tokens — Cognito puts no `aud` in access tokens), by
 * our user pool (`iss`), and of the expected kind (`token_use`). The signature is checked separately.
 */
export type TokenUse = 'id' | 'access';
export type CheckId = 'expiry' | 'audience' | 'issuer' | 'tokenUse';

export interface TokenCheck {
  id: CheckId;
  /** The claim the check reads. */
  claim: string;
  expected: string;
  actual: string;
  pass: boolean;
}

export interface CheckContext {
  tokenUse: TokenUse;
  issuer: string;
  clientId: string;
  /** Epoch ms on the server's clock. */
  now: number;
}

export function checkToken(
  payload: JsonObject,
  { tokenUse, issuer, clientId, now }: CheckContext,
): TokenCheck[] {
  const exp = payload.exp;
  const expiresAt = typeof exp === 'number' ? exp * 1000 : undefined;
  const audienceClaim = tokenUse === 'id' ? 'aud' : 'client_id';
  return [
    {
      id: 'expiry',
      claim: 'exp',
      expected: `> ${Math.floor(now / 1000)}`,
      actual: claimText(exp),
      pass: expiresAt !== undefined && expiresAt > now,
    },
    {
      id: 'audience',
      claim: audienceClaim,
      expected: clientId,
      actual: claimText(payload[audienceClaim]),
      pass: payload[audienceClaim] === clientId,
    },
    {
      id: 'issuer',
      claim: 'iss',
      expected: issuer,
      actual: claimText(payload.iss),
      pass: payload.iss === issuer,
    },
    {
      id: 'tokenUse',
      claim: 'token_use',
      expected: tokenUse,
      actual: claimText(payload.token_use),
      pass: payload.token_use === tokenUse,
    },
  ];
}
