/**
 * Messages between this origin's tabs: BroadcastChannel, or `storage` events where it is missing (a value
 * written then removed at once; every other tab sees the write). Never to the sending tab itself.
 * The storage fallback can be refused for messages that must not touch localStorage (AWS credentials).
 */
export interface TabChannel<M> {
  post(message: M): void;
  subscribe(listener: (message: M) => void): () => void;
  close(): void;
}

interface ChannelOptions {
  storageFallback?: boolean;
  /** For tests: the globals to use. */
  scope?: { BroadcastChannel?: typeof BroadcastChannel; localStorage?: Storage; addEventListener?: Window['addEventListener']; removeEventListener?: Window['removeEventListener'] };
}

const PREFIX = 'gallery.channel.';

export function createTabChannel<M>(name: string, options: ChannelOptions = {}): TabChannel<M> | undefined {
  const scope = options.scope ?? (typeof window !== 'undefined' ? window : undefined);
  const listeners = new Set<(message: M) => void>();
  const deliver = (message: M) => {
    for (const listener of [...listeners]) listener(message);
  };
  if (scope?.BroadcastChannel) {
    const channel = new scope.BroadcastChannel(PREFIX + name);
    channel.onmessage = (event: MessageEvent<M>) => deliver(event.data);
    return {
      post: (message) => channel.postMessage(message),
      subscribe: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
      close: () => channel.close(),
    };
  }
  const storage = scope?.localStorage;
  if (!options.storageFallback || !storage || !scope?.addEventListener || !scope.removeEventListener) return undefined;
  const key = PREFIX + name;
  const onStorage = (event: StorageEvent) => {
    if (event.key !== key || !event.newValue) return;
    try {
      deliver((JSON.parse(event.newValue) as { message: M }).message);
    } catch {
      // Not one of ours (or truncated): ignore rather than break the listener.
    }
  };
  scope.addEventListener('storage', onStorage);
  return {
    post(message) {
      // The nonce makes two identical messages in a row still count as a change (and fire an event).
      storage.setItem(key, JSON.stringify({ message, nonce: Math.random() }));
      storage.removeItem(key);
    },
    subscribe: (listener) => (listeners.add(listener), () => void listeners.delete(listener)),
    close: () => scope.removeEventListener?.('storage', onStorage),
  };
}
