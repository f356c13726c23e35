import type { UserType } from '@aws-sdk/client-cognito-identity-provider';
import { attributeList, type UserRecord } from './users';

/** A user as Admin* answers describe one (dates go on the wire as epoch seconds). */
export function userType(user: UserRecord): UserType {
  return {
    Username: user.username,
    Attributes: attributeList(user),
    UserCreateDate: new Date(user.createdAt),
    UserLastModifiedDate: new Date(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}
