import type { AuthFailure } from '../../../lib/amplify/authErrors';
import type { TabChannel } from '../../../lib/crossTab/tabChannel';
import type { TabLock } from '../../../lib/crossTab/tabLock';
import type { SessionReason, SessionSnapshot } from '../../../lib/session/types';
import type { AuthEvent } from '../api/authEvents';
import { plan } from '../model/plan';
import { sessionReducer } from '../model/sessionReducer';
import { initialSessionState, type SessionAction, type SessionState } from '../model/sessionState';
import { toSnapshot } from '../model/snapshot';
import type { AutoRenewPreference } from './autoRenewPreference';
import { renewUnderLock, SHARE_WAIT_MS } from './renewUnderLock';
import type { SessionApi } from './sessionApi';
import type { SessionMessage } from './sessionMessage';
import { createJumpDetector, listenWakeEvents, type WakeScope, type WakeTrigger } from './wakeEvents';


export interface SessionControllerDeps {
  api: SessionApi;
  lock: TabLock;
  /** Opened on start, closed on stop: a controller that never starts (StrictMode's spare) holds none. */
  openChannel?: () => TabChannel<SessionMessage> | undefined;
  preference: AutoRenewPreference;
  /** The refresh token's validity, if known (AppSettings): enables the warning before the sign-in lapses. */
  refreshTokenValidityMs?: number;
  scope?: WakeScope;
  now?: () => number;
  monotonic?: () => number;
}

/** Longest single timer: a check at least once a minute also catches clock jumps while visible. */
const MAX_TIMER_MS = 60_000;

/**
 * Runs the session state machine (model/) against the world: reads, renewals under the cross-tab lock,
 * Amplify's auth events, the other tabs' messages, wake-up events and one timer. `useSession` is a thin
 * subscription to it. Every renewal path funnels through `renew()`: one in flight per tab.
 * (Longer than the house ~150 lines on purpose: every handler here shares the same few fields — the
 * renewal in flight, the generation that voids stale reads — and splitting them would spread that state.)
 */
export class SessionController {
  private state: SessionState;
  private snapshot: SessionSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly now: () => number;
  private readonly jumped: () => number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private renewal: Promise<void> | undefined;
  private stops: Array<() => void> = [];
  private running = false;
  private generation = 0;
  private pendingSignOut: SessionReason | undefined;
  private channel: TabChannel<SessionMessage> | undefined;
  private lastFailure: AuthFailure | undefined;

  constructor(private readonly deps: SessionControllerDeps) {
    this.now = deps.now ?? Date.now;
    this.jumped = createJumpDetector(this.now, deps.monotonic ?? (() => performance.now()));
    this.state = initialSessionState(deps.preference.read(), deps.refreshTokenValidityMs);
    this.snapshot = toSnapshot(this.state);
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SessionSnapshot => this.snapshot;

  start(): () => void {
    if (this.running) return () => this.stop();
    this.running = true;
    const channel = this.deps.openChannel?.();
    this.channel = channel;
    this.stops = [
      this.deps.api.listenAuthEvents((event) => this.onAuthEvent(event)),
      () => {
        channel?.close();
        this.channel = undefined;
      },
      channel?.subscribe((message) => this.onMessage(message)) ?? (() => undefined),
      this.deps.scope ? listenWakeEvents((trigger) => this.wake(trigger), this.deps.scope) : () => undefined,
    ];
    void this.read();
    return () => this.stop();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
    for (const stop of this.stops.splice(0)) stop();
  }

  /** One renewal for any number of callers; another tab's renewal is adopted instead of repeated. */
  renew(): Promise<void> {
    if (this.renewal) return this.renewal;
    const known = this.state.facts;
    if (!known) return Promise.resolve();
    const generation = this.generation;
    this.dispatch({ type: 'renewStarted', now: this.now() });
    const { api, lock } = this.deps;
    const attempt = renewUnderLock({ api, lock, channel: this.channel, now: this.now }, known);
    this.renewal = attempt
      .then(([result, by]) => {
        if (generation !== this.generation) return;
        const now = this.now();
        if (result.kind === 'session') this.dispatch({ type: 'renewSucceeded', facts: result.facts, now, by });
        else if (result.kind === 'failed') this.dispatch({ type: 'renewFailed', failure: result.failure, now });
        else this.dispatch({ type: 'absent', now, reason: this.definitiveReason() });
      })
      .catch((error: unknown) => {
        this.dispatch({ type: 'renewFailed', failure: { kind: 'temporary', reason: 'unknown', name: String(error) }, now: this.now() });
      })
      .finally(() => {
        this.renewal = undefined;
        this.schedule();
      });
    return this.renewal;
  }

  /** "Revoke my session": global sign-out that keeps the local tokens, then the renewal that discovers it. */
  async revoke(): Promise<void> {
    const result = await this.deps.api.revokeSession();
    if (!result.ok) {
      this.dispatch({ type: 'renewFailed', failure: result.failure, now: this.now() });
      return;
    }
    await this.renew();
  }

  setAutoRenew(value: boolean): void {
    this.deps.preference.write(value);
    this.dispatch({ type: 'autoRenew', value, now: this.now() });
  }

  dismiss(): void {
    this.dispatch({ type: 'dismiss', now: this.now() });
  }

  /** Called just before a sign-out this tab starts, so the state (and the other tabs) get its reason. */
  noteSignOut(reason: 'signed-out' | 'signed-out-everywhere'): void {
    this.pendingSignOut = reason;
  }

  private definitiveReason() {
    return this.lastFailure?.kind === 'definitive' ? this.lastFailure.reason : undefined;
  }

  private async read(): Promise<void> {
    const generation = this.generation;
    const result = await this.deps.api.readSession();
    if (generation !== this.generation || !this.running) return;
    const now = this.now();
    if (result.kind === 'session') return this.dispatch({ type: 'loaded', facts: result.facts, now, source: 'read' });
    if (result.kind === 'none') return this.dispatch({ type: 'absent', now, reason: this.definitiveReason() });
    // Tokens are stored but could not be refreshed (offline at start-up): show them, retry with backoff.
    const stored = await this.deps.api.peekSession();
    if (stored.kind === 'session') this.dispatch({ type: 'loaded', facts: stored.facts, now, source: 'read' });
    this.dispatch({ type: 'renewFailed', failure: result.failure, now });
  }

  /**
   * Another tab signed in and is exchanging the ID token for credentials, which it shares: wait for those
   * (storage holds the tokens already) before the read, so that read makes no credentials exchange of its own.
   */
  private async adoptSignIn(): Promise<void> {
    const generation = this.generation;
    await this.deps.api.peekSession({ awaitCredentialsMs: SHARE_WAIT_MS });
    if (generation === this.generation && this.running) await this.read();
  }

  /** Re-reads storage without any request: picks up what other tabs did while this one was frozen. */
  private async recheck(awaitCredentials: boolean): Promise<void> {
    if (this.renewal || !this.state.facts) return;
    const generation = this.generation;
    const knownIdToken = this.state.facts.idToken;
    const result = await this.deps.api.peekSession({ awaitCredentialsMs: awaitCredentials ? 2_000 : 0, knownIdToken });
    if (generation !== this.generation || this.renewal) return;
    const now = this.now();
    if (result.kind === 'session') this.dispatch({ type: 'loaded', facts: result.facts, now, source: 'another-tab' });
    else if (result.kind === 'none') this.dispatch({ type: 'absent', now, reason: this.definitiveReason() });
  }

  private onAuthEvent(event: AuthEvent): void {
    const now = this.now();
    switch (event.type) {
      case 'signedIn':
        this.lastFailure = undefined;
        this.generation += 1;
        void (event.crossTab ? this.adoptSignIn() : this.read());
        return;
      case 'signedOut': {
        const reason = event.crossTab ? 'signed-out-elsewhere' : (this.pendingSignOut ?? 'signed-out');
        // A tab whose session was already over (signed out elsewhere, ended) only follows: its own
        // Amplify sign-out is no news for the other tabs, which may even have signed in again since.
        const news = !event.crossTab && this.state.status !== 'signedOut' && this.state.status !== 'ended';
        this.pendingSignOut = undefined;
        this.generation += 1;
        this.dispatch({ type: 'signedOut', reason, now });
        if (news) this.channel?.post({ type: 'signedOut', reason });
        return;
      }
      case 'tokenRefresh':
        // This tab's refresh-on-use (Amplify), or another tab's refresh: adopt what is stored.
        void this.recheck(event.crossTab);
        return;
      case 'tokenRefreshFailure':
        this.lastFailure = event.failure;
        if (event.failure.kind === 'definitive') {
          this.generation += 1;
          this.dispatch({ type: 'ended', reason: event.failure.reason, now });
        }
        return;
    }
  }

  private onMessage(message: SessionMessage): void {
    if (message.type === 'renewed') {
      void this.recheck(true);
      return;
    }
    this.generation += 1;
    const reason = message.reason === 'signed-out-everywhere' ? message.reason : 'signed-out-elsewhere';
    this.dispatch({ type: 'signedOut', reason, now: this.now() });
  }

  private wake(trigger: WakeTrigger | 'timer'): void {
    const drift = this.jumped();
    const now = this.now();
    if (drift !== 0) this.dispatch({ type: 'clockJumped', driftMs: drift, now });
    if (trigger === 'online') this.dispatch({ type: 'online', now });
    this.dispatch({ type: 'tick', now });
    if (trigger !== 'timer') void this.recheck(false);
  }

  private dispatch(action: SessionAction): void {
    const next = sessionReducer(this.state, action);
    if (next !== this.state) {
      this.state = next;
      this.snapshot = toSnapshot(next);
      for (const listener of [...this.listeners]) listener();
    }
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.running) return;
    const now = this.now();
    const next = plan(this.state, now);
    if (next.renew && !this.renewal) {
      void this.renew();
      return;
    }
    if (next.wakeAt !== undefined) {
      this.timer = setTimeout(() => this.wake('timer'), Math.min(Math.max(next.wakeAt - now, 0), MAX_TIMER_MS));
    }
  }
}
