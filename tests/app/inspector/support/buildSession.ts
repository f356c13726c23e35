import type { SessionSnapshot } from '../../../../src/lib/session/types';

/** A session snapshot as the session hook publishes it, with sensible defaults. */
export function buildSession(overrides: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return {
    status: 'active',
    username: 'new@example.com',
    identityId: 'ap-northeast-1:0a1b2c3d-0000-4000-8000-00000000abcd',
    accessKeyId: 'ASIALOCALSESSION0042',
    clockOffsetMs: 0,
    renewalCount: 0,
    ...overrides,
  };
}
