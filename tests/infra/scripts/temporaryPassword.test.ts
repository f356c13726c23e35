import { describe, expect, it } from 'vitest';
import { generateTemporaryPassword, isEmailAddress, passwordPolicyProblems } from '../../../scripts/aws/lib/temporaryPassword';

describe('temporary passwords', () => {
  it('generates passwords that meet the default policy, and differ', () => {
    const passwords = Array.from({ length: 200 }, () => generateTemporaryPassword());
    for (const password of passwords) {
      expect(password).toHaveLength(16);
      expect(passwordPolicyProblems(password)).toEqual([]);
    }
    expect(new Set(passwords).size).toBe(passwords.length);
  });

  it('meets the policy even when the random source always picks the first character', () => {
    expect(passwordPolicyProblems(generateTemporaryPassword(8, () => 0))).toEqual([]);
  });

  it('lists what a chosen password lacks', () => {
    expect(passwordPolicyProblems('short')).toEqual(['at least 8 characters', 'an upper-case letter', 'a digit', 'a symbol such as ! # % + - = @ ^ _ ~']);
    expect(passwordPolicyProblems('Abcdefg1!')).toEqual([]);
    expect(passwordPolicyProblems(' Abcdefg1!')).toEqual(['no leading or trailing space']);
  });

  it('checks e-mail addresses loosely (Cognito checks the rest)', () => {
    expect(isEmailAddress('someone@example.com')).toBe(true);
    expect(isEmailAddress('someone@example')).toBe(false);
    expect(isEmailAddress('some one@example.com')).toBe(false);
  });
});
