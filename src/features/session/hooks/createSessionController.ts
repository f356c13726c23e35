import { createTabChannel } from '../../../lib/crossTab/tabChannel';
import { createTabLock } from '../../../lib/crossTab/tabLock';
import { storedAutoRenewPreference } from './autoRenewPreference';
import { amplifySessionApi } from './sessionApi';
import { SessionController, type SessionControllerDeps } from './sessionController';
import type { SessionMessage } from './sessionMessage';

/** The controller wired to the real world (Amplify, this window, localStorage); tests override parts. */
export function createSessionController(overrides: Partial<SessionControllerDeps> = {}): SessionController {
  return new SessionController({
    api: amplifySessionApi,
    lock: createTabLock(),
    openChannel: () => createTabChannel<SessionMessage>('session', { storageFallback: true }),
    preference: storedAutoRenewPreference(),
    scope: typeof window !== 'undefined' ? { window, document } : undefined,
    ...overrides,
  });
}
