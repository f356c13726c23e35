import type { EmulatorDeps } from '../deps';

/**
 * Seeds one user (idempotent). Stub: the real implementation (salt + SRP verifier, FORCE_CHANGE_PASSWORD
 * for temporary passwords) lands with the user pool actions; the signature is final.
 */
export async function seedUser(
  _deps: EmulatorDeps,
  _input: { email: string; password: string; temporary: boolean },
): Promise<void> {}
