import type { GetCredentialsForIdentityInput, GetIdInput } from '@aws-sdk/client-cognito-identity';
import { SerializationException } from '../http/jsonProtocol';
import { ValidationException } from './errors';

/**
 * Checks a JSON body against the service model before an action runs, as AWS's front end does: a value
 * of the wrong JSON type is a SerializationException (wording unconfirmed), a missing or out-of-range
 * value a ValidationException listing every problem with the model's member name.
 */
type Body = Record<string, unknown>;

interface StringRule {
  required?: boolean;
  min: number;
  max: number;
  pattern?: RegExp;
}

const ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
const ACCOUNT_PATTERN = /^\d+$/;
const lowerFirst = (name: string) => name[0]?.toLowerCase() + name.slice(1);

class InputChecker {
  private readonly problems: string[] = [];

  constructor(private readonly body: Body) {}

  string(name: string, rule: StringRule): string | undefined {
    const value = this.body[name];
    const member = lowerFirst(name);
    if (value === undefined || value === null) {
      if (rule.required)
        this.problems.push(`Value null at '${member}' failed to satisfy constraint: Member must not be null`);
      return undefined;
    }
    if (typeof value !== 'string')
      throw new SerializationException(`Unexpected value type for ${name}: expected a string.`);
    const prefix = `Value '${value}' at '${member}' failed to satisfy constraint: Member must`;
    if (value.length < rule.min)
      this.problems.push(`${prefix} have length greater than or equal to ${rule.min}`);
    else if (value.length > rule.max)
      this.problems.push(`${prefix} have length less than or equal to ${rule.max}`);
    else if (rule.pattern && !rule.pattern.test(value)) {
      this.problems.push(`${prefix} satisfy regular expression pattern: ${rule.pattern.source.slice(1, -1)}`);
    }
    return value;
  }

  /** `Logins`: at most 10 providers, names 1–128 characters, tokens 1–50000. */
  logins(): Record<string, string> | undefined {
    const value = this.body.Logins;
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new SerializationException('Unexpected value type for Logins: expected a map of strings.');
    }
    const logins: Record<string, string> = {};
    for (const [provider, token] of Object.entries(value)) {
      if (typeof token !== 'string')
        throw new SerializationException('Unexpected value type for Logins: expected a map of strings.');
      if (provider.length < 1 || provider.length > 128 || token.length < 1 || token.length > 50_000) {
        this.problems.push(
          "Value at 'logins' failed to satisfy constraint: Map keys must have length between 1 and 128, values between 1 and 50000",
        );
      }
      logins[provider] = token;
    }
    if (Object.keys(logins).length > 10) {
      this.problems.push(
        "Value at 'logins' failed to satisfy constraint: Member must have length less than or equal to 10",
      );
    }
    return logins;
  }

  done(): void {
    if (this.problems.length > 0) throw new ValidationException(this.problems);
  }
}

/** https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetId.html#API_GetId_RequestSyntax */
export function readGetIdInput(body: Body): GetIdInput {
  const check = new InputChecker(body);
  const AccountId = check.string('AccountId', { min: 1, max: 15, pattern: ACCOUNT_PATTERN });
  const IdentityPoolId = check.string('IdentityPoolId', {
    required: true,
    min: 1,
    max: 55,
    pattern: ID_PATTERN,
  });
  const Logins = check.logins();
  check.done();
  return { AccountId, IdentityPoolId, Logins };
}

/** https://docs.aws.amazon.com/cognitoidentity/latest/APIReference/API_GetCredentialsForIdentity.html#API_GetCredentialsForIdentity_RequestSyntax */
export function readGetCredentialsForIdentityInput(body: Body): GetCredentialsForIdentityInput {
  const check = new InputChecker(body);
  const IdentityId = check.string('IdentityId', { required: true, min: 1, max: 55, pattern: ID_PATTERN });
  const Logins = check.logins();
  const CustomRoleArn = check.string('CustomRoleArn', { min: 20, max: 2048 });
  check.done();
  return { IdentityId, Logins, CustomRoleArn };
}
