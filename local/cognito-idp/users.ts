import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { AttributeType, UserStatusType } from '@aws-sdk/client-cognito-identity-provider';
import type { EmulatorDeps } from '../deps';
import { computeVerifier, newSalt } from './srp';

/**
 * The pool's users, behind the Store (collection `users`, keyed by the lower-cased email).
 *
 * The pool signs in by email, as the CDK stack's (`signInAliases: { email: true }`, i.e. UsernameAttributes
 * = email). In such a pool Cognito gives every user a UUID username equal to `sub`: that is what
 * `cognito:username`, the access token's `username`, AdminGetUser's `Username` and the SRP challenge's
 * `USER_ID_FOR_SRP` carry, while the user types the email. Either name finds the user here, as on AWS.
 */
export interface UserRecord {
  username: string;
  sub: string;
  /** Attributes other than `sub` (email, email_verified, …), as strings like Cognito's. */
  attributes: Record<string, string>;
  status: Extract<UserStatusType, 'CONFIRMED' | 'FORCE_CHANGE_PASSWORD'>;
  enabled: boolean;
  /** SRP salt and verifier (hex); the password itself is never stored. */
  salt: string;
  verifier: string;
  /** Epoch milliseconds. */
  createdAt: number;
  modifiedAt: number;
  /** A pending ForgotPassword code, hashed. */
  reset?: { codeHash: string; expiresAt: number };
}

export const USERS = 'users';

export function userKey(email: string): string {
  return email.trim().toLowerCase();
}

export function findUser(deps: EmulatorDeps, name: string): UserRecord | undefined {
  return (
    deps.store.get<UserRecord>(USERS, userKey(name)) ??
    deps.store.list<UserRecord>(USERS).find((user) => user.username === name)
  );
}

export function emailOf(user: UserRecord): string {
  return user.attributes.email ?? '';
}

export async function saveUser(deps: EmulatorDeps, user: UserRecord): Promise<void> {
  await deps.store.put(USERS, userKey(emailOf(user)), user);
}

/** The salt and verifier for a password, bound to the user's SRP id and the pool name. */
export function passwordVerifier(deps: EmulatorDeps, username: string, password: string): { salt: string; verifier: string } {
  const salt = newSalt();
  return { salt, verifier: computeVerifier(deps.config.userPoolName, username, password, salt) };
}

/** USER_PASSWORD_AUTH: the password is right when it yields the stored verifier with the stored salt. */
export function passwordMatches(deps: EmulatorDeps, user: UserRecord, password: string): boolean {
  const candidate = Buffer.from(computeVerifier(deps.config.userPoolName, user.username, password, user.salt), 'utf8');
  const stored = Buffer.from(user.verifier, 'utf8');
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}

/** Attributes as Cognito lists them: `sub` first, then the rest. */
export function attributeList(user: UserRecord): AttributeType[] {
  return [{ Name: 'sub', Value: user.sub }, ...Object.entries(user.attributes).map(([Name, Value]) => ({ Name, Value }))];
}

export function newUser(
  deps: EmulatorDeps,
  input: { email: string; attributes: Record<string, string>; password: string; status: UserRecord['status'] },
): UserRecord {
  const sub = randomUUID();
  const now = deps.clock.now();
  return {
    username: sub,
    sub,
    attributes: { ...input.attributes, email: input.email },
    status: input.status,
    enabled: true,
    ...passwordVerifier(deps, sub, input.password),
    createdAt: now,
    modifiedAt: now,
  };
}

/**
 * Creates a seeded user unless one with that email exists (idempotent): `temporary` makes it
 * FORCE_CHANGE_PASSWORD, as `admin-create-user` does, otherwise CONFIRMED; the email is verified.
 */
export async function seedUser(deps: EmulatorDeps, input: { email: string; password: string; temporary: boolean }): Promise<void> {
  if (findUser(deps, input.email)) return;
  const user = newUser(deps, {
    email: input.email,
    attributes: { email_verified: 'true' },
    password: input.password,
    status: input.temporary ? 'FORCE_CHANGE_PASSWORD' : 'CONFIRMED',
  });
  await saveUser(deps, user);
  deps.logger.info('user seeded', { username: user.username, email: input.email, status: user.status });
}
