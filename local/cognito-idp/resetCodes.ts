import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { UserRecord } from './users';

/**
 * ForgotPassword codes: 6 digits, valid 1 hour as Cognito's, stored hashed on the user record. The code
 * goes to the emulator's log instead of an email (the README says where to read it).
 */
export const RESET_CODE_TTL_MS = 60 * 60 * 1000;

function hashCode(user: UserRecord, code: string): string {
  return createHash('sha256').update(`${user.sub}:${code}`, 'utf8').digest('hex');
}

export function newResetCode(user: UserRecord, now: number): { code: string; reset: NonNullable<UserRecord['reset']> } {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  return { code, reset: { codeHash: hashCode(user, code), expiresAt: now + RESET_CODE_TTL_MS } };
}

export function resetCodeMatches(user: UserRecord, code: string): boolean {
  if (!user.reset) return false;
  const expected = Buffer.from(user.reset.codeHash, 'hex');
  const actual = Buffer.from(hashCode(user, code), 'hex');
  return timingSafeEqual(expected, actual);
}

/** Cognito's masked destination: first letter of the mailbox and of the domain (`d***@e***`). */
export function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at <= 0) return `${email.charAt(0)}***`;
  return `${email.charAt(0)}***@${email.charAt(at + 1)}***`;
}
