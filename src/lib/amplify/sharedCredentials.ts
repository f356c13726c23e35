import type {
  CredentialsAndIdentityId,
  CredentialsAndIdentityIdProvider,
  GetCredentialsOptions,
  JWT,
} from 'aws-amplify/auth';
import type { TabChannel } from '../crossTab/tabChannel';
import type { TabLock } from '../crossTab/tabLock';

/** What one tab tells the others after fetching credentials (BroadcastChannel only: never localStorage). */
export interface SharedCredentialsMessage {
  type: 'credentials';
  sub: string;
  /** The ID token the credentials were obtained with (its `jti`, or `sub:iat`). */
  tokenKey: string;
  identityId: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** Epoch ms, the credentials' real `Expiration`. */
  expiration: number;
}

interface Entry {
  sub: string;
  tokenKey: string;
  value: CredentialsAndIdentityId;
  expiresAt: number;
}

/** Amplify's early-expiry window for tokens, used for credentials too: the "check on use" safety net. */
const ON_USE_MARGIN_MS = 5_000;

/**
 * A tab that had to wait for the exchange lock waits this much longer for the holder's message: the lock's
 * release and the BroadcastChannel message travel separately, so the message may come a moment later.
 */
const AFTER_LOCK_MESSAGE_WAIT_MS = 500;
/** Longer than this for the lock means another tab held it (an uncontended lock is granted at once). */
const CONTENDED_LOCK_MS = 20;

export interface SharedCredentialsOptions {
  /** Cross-tab lock around the exchange itself, so tabs starting together (a sign-in seen by every tab) make one. */
  lock?: TabLock;
  now?: () => number;
}

export function tokenKeyOf(idToken: JWT | undefined): string | undefined {
  const payload = idToken?.payload;
  if (!payload?.sub) return undefined;
  return typeof payload.jti === 'string' ? payload.jti : `${payload.sub}:${payload.iat ?? 0}`;
}

/**
 * Amplify's credentials provider, wrapped so that AWS credentials are:
 * - kept until their real `Expiration` (Amplify caches them for a fixed 50 minutes, whatever they say —
 *   too long for short-lived credentials, too short for 12-hour ones) and re-fetched on use near the end;
 * - fetched once for concurrent callers (Amplify does not deduplicate: amplify-js #13499), so two galleries
 *   starting together cause one GetCredentialsForIdentity;
 * - shared with the other tabs, so a renewal in one tab costs one credentials exchange in total; the
 *   exchange runs under a cross-tab lock, and a tab that waited for it adopts what the holder shared —
 *   so the tabs that follow a sign-in in another tab make neither a GetId nor a GetCredentialsForIdentity.
 * `forceRefresh` (a renewal) reuses credentials only if they were obtained with the very ID token in hand —
 * i.e. another tab renewed and shared them; otherwise it fetches.
 */
export class SharedCredentialsProvider implements CredentialsAndIdentityIdProvider {
  private entry: Entry | undefined;
  private inFlight: { tokenKey: string; promise: Promise<CredentialsAndIdentityId | undefined> } | undefined;
  private generation = 0;
  private readonly waiters = new Set<() => void>();

  private readonly lock: TabLock | undefined;
  private readonly now: () => number;

  constructor(
    private readonly inner: CredentialsAndIdentityIdProvider,
    private readonly channel: TabChannel<SharedCredentialsMessage> | undefined,
    options: SharedCredentialsOptions = {},
  ) {
    this.lock = options.lock;
    this.now = options.now ?? Date.now;
    channel?.subscribe((message) => {
      if (message.type === 'credentials') this.accept(message);
    });
  }

  async getCredentialsAndIdentityId(options: GetCredentialsOptions): Promise<CredentialsAndIdentityId | undefined> {
    const idToken = options.authenticated ? options.tokens.idToken : undefined;
    const tokenKey = tokenKeyOf(idToken);
    const sub = idToken?.payload.sub;
    if (!options.authenticated || !tokenKey || !sub) return this.inner.getCredentialsAndIdentityId(options);
    const cached = this.entry;
    if (cached && cached.sub === sub && cached.expiresAt - ON_USE_MARGIN_MS > this.now()) {
      if (!options.forceRefresh || cached.tokenKey === tokenKey) return cached.value;
    }
    if (this.inFlight?.tokenKey === tokenKey) return this.inFlight.promise;
    const generation = this.generation;
    const promise = this.exchange(options, sub, tokenKey)
      .then(({ value, adopted }) => {
        if (value && !adopted && generation === this.generation) this.store({ sub, tokenKey, value }, true);
        return value;
      })
      .finally(() => {
        if (this.inFlight?.promise === promise) this.inFlight = undefined;
      });
    this.inFlight = { tokenKey, promise };
    return promise;
  }

  /**
   * One exchange across tabs for one ID token: under the lock, credentials another tab obtained with this
   * very token (shared while this tab waited) are adopted instead of fetched.
   */
  private async exchange(
    options: GetCredentialsOptions,
    sub: string,
    tokenKey: string,
  ): Promise<{ value: CredentialsAndIdentityId | undefined; adopted: boolean }> {
    // forceRefresh for the inner provider: its own 50-minute cache must not answer for us.
    const fetch = async () => ({
      value: await this.inner.getCredentialsAndIdentityId({ ...options, forceRefresh: true }),
      adopted: false,
    });
    if (!this.lock) return fetch();
    const requestedAt = this.now();
    return this.lock.run('credentials-exchange', async () => {
      if (this.now() - requestedAt > CONTENDED_LOCK_MS) await this.waitFor(tokenKey, AFTER_LOCK_MESSAGE_WAIT_MS);
      const shared = this.entry;
      const usable = shared && shared.sub === sub && shared.tokenKey === tokenKey && shared.expiresAt - ON_USE_MARGIN_MS > this.now();
      return usable ? { value: shared.value, adopted: true } : fetch();
    });
  }

  clearCredentialsAndIdentityId(): void {
    this.generation += 1;
    this.entry = undefined;
    this.inFlight = undefined;
    this.inner.clearCredentialsAndIdentityId();
  }

  /** The credentials held right now, without any request (the session hook's re-read after a lock). */
  peek(sub: string): CredentialsAndIdentityId | undefined {
    const entry = this.entry;
    return entry && entry.sub === sub && entry.expiresAt > this.now() ? entry.value : undefined;
  }

  /** Resolves once credentials obtained with this ID token are held (shared by another tab), or after the timeout. */
  waitFor(tokenKey: string, timeoutMs: number): Promise<void> {
    if (this.entry?.tokenKey === tokenKey) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const check = () => {
        if (this.entry?.tokenKey === tokenKey) done();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(check);
    });
  }

  private store(entry: Omit<Entry, 'expiresAt'>, broadcast: boolean): void {
    const { credentials, identityId } = entry.value;
    const expiresAt = credentials.expiration?.getTime() ?? this.now() + 15 * 60_000;
    this.entry = { ...entry, expiresAt };
    for (const check of [...this.waiters]) check();
    if (broadcast && identityId && this.channel) {
      this.channel.post({
        type: 'credentials',
        sub: entry.sub,
        tokenKey: entry.tokenKey,
        identityId,
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        sessionToken: credentials.sessionToken,
        expiration: expiresAt,
      });
    }
  }

  private accept(message: SharedCredentialsMessage): void {
    if (this.entry && this.entry.expiresAt >= message.expiration) return;
    const value: CredentialsAndIdentityId = {
      identityId: message.identityId,
      credentials: {
        accessKeyId: message.accessKeyId,
        secretAccessKey: message.secretAccessKey,
        sessionToken: message.sessionToken,
        expiration: new Date(message.expiration),
      },
    };
    this.store({ sub: message.sub, tokenKey: message.tokenKey, value }, false);
  }
}
