import { createHash, createHmac, randomBytes } from 'node:crypto';
import { g, N } from '../../../../local/cognito-idp/srp';

/**
 * The client half of Cognito's SRP, written from the published formulas (amazon-cognito-identity-js
 * AuthenticationHelper) for the protocol-edge tests Amplify cannot make: a chosen TIMESTAMP, a replayed or
 * altered SECRET_BLOCK. The happy paths are driven by Amplify's own implementation (amplify.test.ts).
 */
// The group (RFC 3526 3072-bit prime, g = 2) is a published constant, shared with the server side; the
// client's formulas below are written independently of it.
export const SRP_N = N;

function hex(value: bigint): string {
  const raw = value.toString(16);
  const even = raw.length % 2 ? `0${raw}` : raw;
  return /^[89a-f]/.test(even) ? `00${even}` : even;
}

function sha(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function pow(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = base % N;
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % N;
    b = (b * b) % N;
  }
  return result;
}

export interface SrpSession {
  /** SRP_A to send, plain hex as Amplify sends it. */
  A: string;
  /** PASSWORD_CLAIM_SIGNATURE for the server's challenge, a password and a TIMESTAMP. */
  sign(input: { poolName: string; userIdForSrp: string; password: string; salt: string; B: string; secretBlock: string; timestamp: string }): string;
}

export function startSrpSession(): SrpSession {
  const a = BigInt(`0x${randomBytes(128).toString('hex')}`);
  const A = pow(g, a);
  const k = BigInt(`0x${sha(Buffer.from(hex(N) + hex(g), 'hex'))}`);
  return {
    A: A.toString(16),
    sign({ poolName, userIdForSrp, password, salt, B: bHex, secretBlock, timestamp }) {
      const B = BigInt(`0x${bHex}`);
      const u = BigInt(`0x${sha(Buffer.from(hex(A) + hex(B), 'hex'))}`);
      const inner = sha(Buffer.from(`${poolName}${userIdForSrp}:${password}`, 'utf8'));
      const x = BigInt(`0x${sha(Buffer.from(hex(BigInt(`0x${salt}`)) + inner, 'hex'))}`);
      const base = (((B - k * pow(g, x)) % N) + N) % N;
      const S = pow(base, a + u * x);
      const prk = createHmac('sha256', Buffer.from(hex(u), 'hex')).update(Buffer.from(hex(S), 'hex')).digest();
      const key = createHmac('sha256', prk).update('Caldera Derived Key\u0001').digest().subarray(0, 16);
      return createHmac('sha256', key)
        .update(poolName)
        .update(userIdForSrp)
        .update(Buffer.from(secretBlock, 'base64'))
        .update(timestamp)
        .digest('base64');
    },
  };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `ddd MMM D HH:mm:ss UTC YYYY`, as Amplify's getNowString builds it. */
export function srpTimestamp(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`
  );
}
