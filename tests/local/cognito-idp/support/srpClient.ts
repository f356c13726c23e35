import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The client half of Cognito's SRP, written from the published formulas (amazon-cognito-identity-js
 * AuthenticationHelper) for the protocol-edge tests Amplify cannot make: a chosen TIMESTAMP, a replayed or
 * altered SECRET_BLOCK. The happy paths are driven by Amplify's own implementation (amplify.test.ts).
 */
export const SRP_N = BigInt(
  '0xFFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const N = SRP_N;
const g = 2n;

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
