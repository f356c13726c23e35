import { InvalidPasswordException } from './errors';

/**
 * Cognito's default password policy (what the CDK stack keeps): at least 8 characters, with uppercase,
 * lowercase, a number and a symbol. The first rule broken is reported, in Cognito's words.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html#user-pool-settings-policies
 */
// The symbols Cognito counts, from its documentation: ^ $ * . [ ] { } ( ) ? " ! @ # % & / \ , > < ' : ; | _ ~ ` = + - and space
// (a space counts only when it is neither first nor last; Cognito refuses leading or trailing spaces anyway).
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;
const PREFIX = 'Password did not conform with password policy: ';

export function checkPasswordPolicy(password: string): void {
  const problem =
    password.length < 8
      ? 'Password not long enough'
      : !/[A-Z]/.test(password)
        ? 'Password must have uppercase characters'
        : !/[a-z]/.test(password)
          ? 'Password must have lowercase characters'
          : !/[0-9]/.test(password)
            ? 'Password must have numeric characters'
            : !SYMBOLS.test(password.trim())
              ? 'Password must have symbol characters'
              : undefined;
  if (problem) throw new InvalidPasswordException(PREFIX + problem);
}
