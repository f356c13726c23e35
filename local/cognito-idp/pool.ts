import type { EmulatorDeps } from '../deps';
import { ResourceNotFoundException, UserNotFoundException } from './errors';
import { findUser, type UserRecord } from './users';

/**
 * The one user pool and its one app client (public, no secret), named by config. Any other id is
 * unknown, with Cognito's messages.
 */
export function requireClient(deps: EmulatorDeps, clientId: string): void {
  if (clientId !== deps.config.userPoolClientId) {
    throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
  }
}

export function requirePool(deps: EmulatorDeps, userPoolId: string): void {
  if (userPoolId !== deps.config.userPoolId) throw new ResourceNotFoundException(`User pool ${userPoolId} does not exist.`);
}

/** Admin* calls: the pool must be ours and the user must exist (admins may learn that, unlike clients). */
export function requireAdminUser(deps: EmulatorDeps, input: { UserPoolId?: string; Username?: string }): UserRecord {
  requirePool(deps, input.UserPoolId ?? '');
  const user = findUser(deps, input.Username ?? '');
  if (!user) throw new UserNotFoundException();
  return user;
}
