import { createHash, createHmac, randomBytes } from 'node:crypto';

/**
 * The server side of Cognito's SRP-6a, exactly as amazon-cognito-identity-js and Amplify compute the client
 * side (formulas in aws-wire-facts.md): RFC 3526 3072-bit group, g = 2, SHA-256, every hash over padHex
 * bytes, and the "Caldera Derived Key" HKDF. The server only ever holds salt and verifier, never a password.
 */
const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

export const N = BigInt(`0x${N_HEX}`);
export const g = 2n;

/** Hex of a non-negative integer, even length, with `00` prepended when the top bit is set. */
export function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

function sha256(data: Buffer | string): Buffer {
  return createHash('sha256').update(data).digest();
}

/** H(bytes of padHex(a) ‖ padHex(b) …) as an integer. */
function hashHex(...values: bigint[]): bigint {
  return BigInt(`0x${sha256(Buffer.from(values.map(padHex).join(''), 'hex')).toString('hex')}`);
}

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    e >>= 1n;
    b = (b * b) % modulus;
  }
  return result;
}

export const k = hashHex(N, g);

/** Parses the plain hex the clients send (SRP_A) or we stored; undefined when it is not hex. */
export function parseHex(hex: string): bigint | undefined {
  return /^[0-9a-f]+$/i.test(hex) ? BigInt(`0x${hex}`) : undefined;
}

/** x = H(padHex(salt) ‖ H(poolName ‖ userIdForSrp ‖ ":" ‖ password)); v = g^x mod N. */
export function computeVerifier(poolName: string, userIdForSrp: string, password: string, saltHex: string): string {
  const inner = sha256(Buffer.from(`${poolName}${userIdForSrp}:${password}`, 'utf8')).toString('hex');
  const salt = BigInt(`0x${saltHex}`);
  const x = BigInt(`0x${sha256(Buffer.from(padHex(salt) + inner, 'hex')).toString('hex')}`);
  return modPow(g, x, N).toString(16);
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/**
 * b and B = (k·v + g^b) mod N. b is 256 bits, the minimum RFC 5054 recommends, which keeps a 3072-bit
 * modPow in plain BigInt at a few milliseconds.
 */
export function serverEphemeral(verifierHex: string): { b: string; B: string } {
  const v = BigInt(`0x${verifierHex}`);
  let b: bigint;
  let B: bigint;
  do {
    b = BigInt(`0x${randomBytes(32).toString('hex')}`);
    B = (k * v + modPow(g, b, N)) % N;
  } while (B === 0n);
  return { b: b.toString(16), B: B.toString(16) };
}

/**
 * u = H(padHex(A) ‖ padHex(B)); S = (A·v^u)^b mod N; K = first 16 bytes of
 * HMAC(HMAC(padHex(u), padHex(S)), "Caldera Derived Key" ‖ 0x01). Undefined when u = 0 (refused).
 */
export function serverKey(input: { A: bigint; B: string; b: string; verifier: string }): Buffer | undefined {
  const B = BigInt(`0x${input.B}`);
  const u = hashHex(input.A, B);
  if (u === 0n) return undefined;
  const v = BigInt(`0x${input.verifier}`);
  const S = modPow((input.A * modPow(v, u, N)) % N, BigInt(`0x${input.b}`), N);
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
  const info = Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]);
  return createHmac('sha256', prk).update(info).digest().subarray(0, 16);
}

/** PASSWORD_CLAIM_SIGNATURE = base64(HMAC(K, poolName ‖ userIdForSrp ‖ secretBlock ‖ timestamp)). */
export function claimSignature(key: Buffer, poolName: string, userIdForSrp: string, secretBlock: Buffer, timestamp: string): string {
  return createHmac('sha256', key)
    .update(Buffer.from(poolName, 'utf8'))
    .update(Buffer.from(userIdForSrp, 'utf8'))
    .update(secretBlock)
    .update(Buffer.from(timestamp, 'utf8'))
    .digest('base64');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TIMESTAMP = /^([A-Z][a-z]{2}) ([A-Z][a-z]{2}) ([1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):([0-5]\d):([0-5]\d) UTC (\d{4})$/;

/**
 * TIMESTAMP as the clients send it: `ddd MMM D HH:mm:ss UTC YYYY`, English, UTC, day not zero-padded.
 * AWS refuses a padded day or a weekday that does not match the date, so both are checked. How far it
 * may be from the server's clock is not documented; it is not checked (the clients use their own clock).
 */
export function isValidSrpTimestamp(timestamp: string): boolean {
  const match = TIMESTAMP.exec(timestamp);
  if (!match) return false;
  const [, day, month, date, hh, mm, ss, year] = match.map(String);
  const monthIndex = MONTHS.indexOf(month ?? '');
  if (monthIndex < 0) return false;
  const when = new Date(Date.UTC(Number(year), monthIndex, Number(date), Number(hh), Number(mm), Number(ss)));
  return when.getUTCDate() === Number(date) && DAYS[when.getUTCDay()] === day;
}
