import { act } from '@testing-library/react';
import { vi } from 'vitest';
import { storedAutoRenewPreference } from '../../../src/features/session/hooks/autoRenewPreference';
import { createSessionController } from '../../../src/features/session/hooks/createSessionController';
import type { SessionApi } from '../../../src/features/session/hooks/sessionApi';
import type { SessionController } from '../../../src/features/session/hooks/sessionController';
import type { SessionMessage } from '../../../src/features/session/hooks/sessionMessage';
import { createTabChannel, type TabChannel } from '../../../src/lib/crossTab/tabChannel';
import { createTabLock, type LockRequester } from '../../../src/lib/crossTab/tabLock';

const channels: Array<TabChannel<SessionMessage>> = [];
let lockQueues = new Map<string, Promise<unknown>>();

/**
 * Web Locks as browsers implement them (jsdom has none): an exclusive lock per name, granted in request
 * order, shared by every "tab" of the test. The localStorage lease that replaces Web Locks elsewhere has
 * its own tests (tabLock.test.ts).
 */
export const webLocks: LockRequester = {
  request(name, _options, task) {
    const previous = lockQueues.get(name) ?? Promise.resolve();
    const granted = previous.catch(() => undefined).then(task);
    lockQueues.set(name, granted);
    return granted;
  },
};
const controllers: SessionController[] = [];

/**
 * Fake time: Date, performance.now() and timers move only when a test says so. `vi.setSystemTime` then
 * moves the wall clock alone — exactly what a sleeping laptop or a changed clock looks like to the page.
 * setImmediate stays real so BroadcastChannel messages (delivered by Node's event loop) still arrive.
 */
export function useFakeClock(start: number): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date', 'performance'] });
  vi.setSystemTime(start);
  // Testing Library ends each user-event action by waiting for a setTimeout(0); it only advances fake
  // timers it recognises as Jest's, so give it the one call it makes.
  vi.stubGlobal('jest', { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) });
}

/**
 * A session controller as one browser tab runs it: the real tab lock over Web Locks, the real BroadcastChannel, the real "Renew automatically" preference, this window's events —
 * and the given api seam.
 */
export function startTab(api: SessionApi): SessionController {
  const controller = createSessionController({
    api,
    lock: createTabLock({ locks: webLocks }),
    openChannel: () => {
      const channel = createTabChannel<SessionMessage>('session');
      if (channel) channels.push(channel);
      return channel;
    },
    preference: storedAutoRenewPreference(localStorage),
    scope: { window, document },
    now: () => Date.now(),
    monotonic: () => performance.now(),
  });
  controllers.push(controller);
  return controller;
}

/** Moves fake time forward, letting every promise chain in between settle. */
export async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

// Node's setImmediate (not faked; the app's tsconfig has no Node types): one real event-loop turn.
const realImmediate = (globalThis as { setImmediate?: (callback: () => void) => void }).setImmediate;
const nextTurn = () => new Promise<void>((resolve) => (realImmediate ? realImmediate(resolve) : queueMicrotask(resolve)));

/** Lets cross-tab messages (real event-loop turns) and the work they start finish. */
export async function settle(turns = 6): Promise<void> {
  for (let i = 0; i < turns; i += 1) {
    await act(async () => {
      await nextTurn();
      await vi.advanceTimersByTimeAsync(0);
    });
  }
}

export function fireWake(type: 'visibilitychange' | 'focus' | 'online' | 'pageshow'): void {
  act(() => {
    if (type === 'visibilitychange') document.dispatchEvent(new Event('visibilitychange'));
    else window.dispatchEvent(new Event(type));
  });
}

export function stopTabs(): void {
  for (const controller of controllers.splice(0)) controller.stop();
  for (const channel of channels.splice(0)) channel.close();
  lockQueues = new Map();
  vi.useRealTimers();
  vi.unstubAllGlobals();
}
