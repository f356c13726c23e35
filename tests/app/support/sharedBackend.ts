import type { SessionApi } from '../../../src/features/session/hooks/sessionApi';
import { FakeAuthBackend, type FakeBackendOptions, type FakeTab } from './fakeAuthBackend';

/**
 * For app-level tests that mock the session api seam module: the mock delegates to the current fake tab,
 * which each test replaces with `resetBackend()`.
 *
 *   vi.mock('../../../src/features/session/hooks/sessionApi', async () => ({
 *     amplifySessionApi: (await import('../support/sharedBackend')).sharedSessionApi,
 *   }));
 */
let backend = new FakeAuthBackend();
let tab: FakeTab = backend.tab();

export function resetBackend(options: FakeBackendOptions = {}): FakeAuthBackend {
  backend = new FakeAuthBackend(options);
  tab = backend.tab();
  return backend;
}

export const sharedSessionApi: SessionApi = {
  readSession: () => tab.readSession(),
  renewSession: () => tab.renewSession(),
  peekSession: (options) => tab.peekSession(options),
  revokeSession: () => tab.revokeSession(),
  listenAuthEvents: (listener) => tab.listenAuthEvents(listener),
};
