import { createHash, randomBytes } from 'node:crypto';
import type { EmulatorDeps } from '../deps';
import { MESSAGES, NotAuthorizedException } from './errors';

/**
 * State between InitiateAuth and RespondToAuthChallenge, behind the Store (collection `auth-challenges`,
 * keyed by a hash of the opaque value the client holds, so the data dir never holds a usable handle):
 * - `srp`: the SRP server state behind a PASSWORD_VERIFIER's SECRET_BLOCK;
 * - `new-password`: the `Session` of a NEW_PASSWORD_REQUIRED challenge.
 * Both expire after 3 minutes, Cognito's default auth session validity, and are single-use.
 */
export const CHALLENGE_TTL_MS = 3 * 60 * 1000;
const COLLECTION = 'auth-challenges';

export interface SrpState {
  /** Null for a user that does not exist: the challenge is simulated and can never succeed. */
  userKey: string | null;
  userIdForSrp: string;
  A: string;
  b: string;
  B: string;
}

export type ChallengeState = { kind: 'srp'; srp: SrpState } | { kind: 'new-password'; userKey: string };

interface StoredChallenge {
  state: ChallengeState;
  clientId: string;
  expiresAt: number;
  used: boolean;
}

function keyOf(handle: string): string {
  return createHash('sha256').update(handle, 'utf8').digest('hex');
}

/** Stores the state and returns the opaque handle (base64, as Cognito's SECRET_BLOCK and Session are). */
export async function openChallenge(deps: EmulatorDeps, clientId: string, state: ChallengeState): Promise<string> {
  const now = deps.clock.now();
  // Drop what has expired so the collection never grows with abandoned sign-ins.
  for (const id of deps.store.ids(COLLECTION)) {
    const old = deps.store.get<StoredChallenge>(COLLECTION, id);
    if (old && old.expiresAt <= now) await deps.store.delete(COLLECTION, id);
  }
  const handle = randomBytes(state.kind === 'srp' ? 96 : 128).toString('base64');
  await deps.store.put<StoredChallenge>(COLLECTION, keyOf(handle), { state, clientId, expiresAt: now + CHALLENGE_TTL_MS, used: false });
  return handle;
}

/**
 * Reads the state behind a handle without using it up. An unknown handle (or another client's, or one
 * opened for another kind) is refused with `unknownMessage`; a used or expired one with Cognito's
 * session messages.
 */
export function readChallenge<K extends ChallengeState['kind']>(
  deps: EmulatorDeps,
  handle: string,
  clientId: string,
  kind: K,
  unknownMessage: string = MESSAGES.sessionInvalid,
): Extract<ChallengeState, { kind: K }> {
  const stored = deps.store.get<StoredChallenge>(COLLECTION, keyOf(handle));
  if (!stored || stored.clientId !== clientId || stored.state.kind !== kind) {
    throw new NotAuthorizedException(unknownMessage);
  }
  if (stored.expiresAt <= deps.clock.now()) throw new NotAuthorizedException(MESSAGES.sessionExpired);
  if (stored.used) throw new NotAuthorizedException(MESSAGES.sessionUsed);
  // The kind was checked just above; TypeScript cannot narrow a generic discriminant by itself.
  return stored.state as Extract<ChallengeState, { kind: K }>;
}

/** Marks a handle used; it stays stored until it expires, so a replay gets "can only be used once". */
export async function consumeChallenge(deps: EmulatorDeps, handle: string): Promise<void> {
  const key = keyOf(handle);
  const stored = deps.store.get<StoredChallenge>(COLLECTION, key);
  if (stored) await deps.store.put<StoredChallenge>(COLLECTION, key, { ...stored, used: true });
}

export async function takeChallenge<K extends ChallengeState['kind']>(
  deps: EmulatorDeps,
  handle: string,
  clientId: string,
  kind: K,
  unknownMessage?: string,
): Promise<Extract<ChallengeState, { kind: K }>> {
  const state = readChallenge(deps, handle, clientId, kind, unknownMessage);
  await consumeChallenge(deps, handle);
  return state;
}
