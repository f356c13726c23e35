import type { AttributeType } from '@aws-sdk/client-cognito-identity-provider';
import { InvalidParameterException } from './errors';

/**
 * User attributes as the pool's schema allows them: the OIDC standard attributes Cognito always has, no
 * custom ones (the CDK stack declares none). `sub` is Cognito's own and cannot be written.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html
 */
const STANDARD = new Set([
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
]);

function checkName(name: string): void {
  // Unconfirmed wording for `sub`; the schema message is Cognito's for names it does not know.
  if (name === 'sub') throw new InvalidParameterException('Cannot modify an immutable attribute: sub');
  if (!STANDARD.has(name)) {
    throw new InvalidParameterException(`Attributes did not conform to the schema: Type for attribute {${name}} could not be determined`);
  }
}

/** Applies `[{Name, Value}]` to a user's attributes (an absent value writes the empty string, as Cognito). */
export function mergeAttributeList(current: Record<string, string>, updates: AttributeType[], member: string): Record<string, string> {
  const next = { ...current };
  updates.forEach((attribute, index) => {
    if (!attribute.Name) {
      throw new InvalidParameterException(
        `1 validation error detected: Value null at '${member}.${index + 1}.member.name' failed to satisfy constraint: Member must not be null`,
      );
    }
    checkName(attribute.Name);
    next[attribute.Name] = attribute.Value ?? '';
  });
  return next;
}

/** Applies the `userAttributes.<name>` entries of a NEW_PASSWORD_REQUIRED answer. */
export function mergeChallengeAttributes(current: Record<string, string>, responses: Record<string, string>): Record<string, string> {
  const prefix = 'userAttributes.';
  const updates = Object.entries(responses)
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, Value]) => ({ Name: key.slice(prefix.length), Value }));
  return mergeAttributeList(current, updates, 'userAttributes');
}
