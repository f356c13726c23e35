import { randomInt } from 'node:crypto';

/**
 * Temporary passwords for AdminCreateUser under Cognito's default policy (the stack writes it out:
 * at least 8 characters with a lower-case letter, an upper-case letter, a digit and a symbol).
 */
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
// From Cognito's allowed symbol list, minus characters that are awkward to read aloud or paste into a shell.
const SYMBOLS = '!#%+-=@^_~';

/** Cognito's special characters (https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html). */
const COGNITO_SYMBOL = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

export function passwordPolicyProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < 8) problems.push('at least 8 characters');
  if (password.length > 256) problems.push('at most 256 characters');
  if (!/[a-z]/.test(password)) problems.push('a lower-case letter');
  if (!/[A-Z]/.test(password)) problems.push('an upper-case letter');
  if (!/[0-9]/.test(password)) problems.push('a digit');
  if (!COGNITO_SYMBOL.test(password)) problems.push('a symbol such as ! # % + - = @ ^ _ ~');
  if (/^\s|\s$/.test(password)) problems.push('no leading or trailing space');
  return problems;
}

/** 16 characters: one of each class, the rest from all classes, shuffled with a CSPRNG. */
export function generateTemporaryPassword(length = 16, random: (max: number) => number = randomInt): string {
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  const pick = (set: string): string => set.charAt(random(set.length));
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
  }
  return chars.join('');
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value) && value.length <= 254;
}
