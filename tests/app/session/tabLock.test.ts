import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTabChannel } from '../../../src/lib/crossTab/tabChannel';
import { createTabLock } from '../../../src/lib/crossTab/tabLock';

/** The fallbacks used where the browser lacks Web Locks or BroadcastChannel. */
describe('tab lock over a localStorage lease', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('lets one tab in at a time, in turn', async () => {
    const tabs = [createTabLock({ locks: null, storage: localStorage }), createTabLock({ locks: null, storage: localStorage })];
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name} in`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      log.push(`${name} out`);
      return name;
    };
    const runs = [tabs[0]?.run('renewal', task('a')), tabs[1]?.run('renewal', task('b')), tabs[0]?.run('renewal', task('c'))];
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c']);
    for (let i = 0; i < log.length; i += 2) expect(log[i + 1]).toBe(log[i]?.replace('in', 'out'));
    expect(localStorage.getItem('gallery.lock.renewal')).toBeNull();
  });

  it('takes over the lease of a tab that closed while holding it', async () => {
    localStorage.setItem('gallery.lock.renewal', JSON.stringify({ owner: 'closed-tab', until: Date.now() + 10_000 }));
    const ran = vi.fn(async () => 'done');
    const result = createTabLock({ locks: null, storage: localStorage }).run('renewal', ran);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(ran).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await result).toBe('done');
  });

  it('releases the lease when the task fails', async () => {
    const lock = createTabLock({ locks: null, storage: localStorage });
    const failing = lock.run('renewal', async () => {
      throw new Error('refresh failed');
    });
    const failed = expect(failing).rejects.toThrow('refresh failed');
    await vi.advanceTimersByTimeAsync(100);
    await failed;
    const next = lock.run('renewal', async () => 'next');
    await vi.advanceTimersByTimeAsync(100);
    expect(await next).toBe('next');
  });
});

describe('tab channel over storage events', () => {
  it('delivers a message to the other tabs through a storage write', () => {
    const target = new EventTarget();
    const scope = {
      localStorage,
      addEventListener: target.addEventListener.bind(target) as Window['addEventListener'],
      removeEventListener: target.removeEventListener.bind(target) as Window['removeEventListener'],
    };
    const channel = createTabChannel<{ type: string }>('session', { storageFallback: true, scope });
    const received = vi.fn();
    channel?.subscribe(received);
    // What another tab's post looks like from here: a storage event for the channel's key.
    target.dispatchEvent(new StorageEvent('storage', { key: 'gallery.channel.session', newValue: JSON.stringify({ message: { type: 'renewed' }, nonce: 1 }) }));
    target.dispatchEvent(new StorageEvent('storage', { key: 'gallery.channel.session', newValue: null }));
    target.dispatchEvent(new StorageEvent('storage', { key: 'unrelated', newValue: '{}' }));
    expect(received).toHaveBeenCalledTimes(1);
    expect(received).toHaveBeenCalledWith({ type: 'renewed' });
    channel?.post({ type: 'signedOut' });
    expect(localStorage.getItem('gallery.channel.session')).toBeNull();
    channel?.close();
  });

  it('refuses the storage fallback for messages that must not touch localStorage', () => {
    expect(createTabChannel('credentials', { storageFallback: false, scope: { localStorage } })).toBeUndefined();
  });
});
