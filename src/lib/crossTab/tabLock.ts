/**
 * A mutex shared by this origin's tabs, so one of them renews the session while the others wait and then
 * re-read what it stored (auth0-spa-js's pattern). Web Locks where the browser has them; otherwise a lease
 * in localStorage (write, let racing writers land, read back, keep the lease fresh while holding it).
 * Inside one tab, callers are queued first, so the storage lease never sees two owners from the same tab.
 */
export interface TabLock {
  run<T>(name: string, task: () => Promise<T>): Promise<T>;
}

/** The part of the Web Locks API used here (`navigator.locks`). */
export interface LockRequester {
  request<T>(name: string, options: { mode: 'exclusive' }, task: () => Promise<T>): Promise<T>;
}

interface LockOptions {
  /** Web Locks; `null` forces the storage lease (browsers without Web Locks, and its tests). */
  locks?: LockRequester | null;
  storage?: Storage;
  /** How long a lease lives without being refreshed: a closed tab blocks the others at most this long. */
  leaseMs?: number;
  pollMs?: number;
}

const PREFIX = 'gallery.lock.';
const SETTLE_MS = 25;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function leaseOwner(storage: Storage, key: string, now: number): string | undefined {
  try {
    const lease = JSON.parse(storage.getItem(key) ?? 'null') as { owner?: string; until?: number } | null;
    return lease && typeof lease.until === 'number' && lease.until > now ? lease.owner : undefined;
  } catch {
    return undefined;
  }
}

function storageLock(storage: Storage, leaseMs: number, pollMs: number): TabLock['run'] {
  const me = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  const write = (key: string) => storage.setItem(key, JSON.stringify({ owner: me, until: Date.now() + leaseMs }));
  return async (name, task) => {
    const key = PREFIX + name;
    for (;;) {
      if (leaseOwner(storage, key, Date.now()) === undefined) {
        write(key);
        await sleep(SETTLE_MS);
        if (leaseOwner(storage, key, Date.now()) === me) break;
      }
      await sleep(pollMs);
    }
    const keepAlive = setInterval(() => write(key), Math.max(leaseMs / 3, 10));
    try {
      return await task();
    } finally {
      clearInterval(keepAlive);
      if (leaseOwner(storage, key, Date.now()) === me) storage.removeItem(key);
    }
  };
}

export function createTabLock(options: LockOptions = {}): TabLock {
  const locks: LockRequester | undefined =
    options.locks === null ? undefined : (options.locks ?? (typeof navigator !== 'undefined' ? navigator.locks : undefined));
  const crossTab: TabLock['run'] | undefined = locks
    ? (name, task) => locks.request(PREFIX + name, { mode: 'exclusive' }, task)
    : options.storage ?? (typeof localStorage !== 'undefined' ? localStorage : undefined)
      ? storageLock(options.storage ?? localStorage, options.leaseMs ?? 10_000, options.pollMs ?? 100)
      : undefined;
  const queues = new Map<string, Promise<unknown>>();
  return {
    run(name, task) {
      const previous = queues.get(name) ?? Promise.resolve();
      const next = previous.catch(() => undefined).then(() => (crossTab ? crossTab(name, task) : task()));
      queues.set(name, next);
      void next.catch(() => undefined).then(() => {
        if (queues.get(name) === next) queues.delete(name);
      });
      return next;
    },
  };
}
