import type { AuthEvent } from '../../../src/features/session/api/authEvents';
import type { PeekOptions } from '../../../src/features/session/api/peekSession';
import type { ReadResult } from '../../../src/features/session/api/readResult';
import type { SessionApi } from '../../../src/features/session/hooks/sessionApi';
import type { SessionFacts } from '../../../src/features/session/model/facts';
import type { AuthFailure } from '../../../src/lib/amplify/authErrors';
import { fakeJwt } from './amplifyTokens';
import { CLIENT_ID, REGION, USER_POOL_ID } from './builders';

/**
 * A double of the session feature's api/ seam — what Amplify + Cognito do behind `readSession`,
 * `renewSession`, `peekSession` … — with one shared "browser storage" for the tokens and one in-memory
 * credentials cache per tab, as Amplify has. It mirrors the behaviours the hook must handle:
 * refresh-on-use within 5 s of expiry, tokens kept on temporary failures, `fetchAuthSession` *resolving*
 * with no tokens once the refresh token is revoked (after a definitive `tokenRefresh_failure`), other tabs
 * hearing of refreshes and sign-outs, and credentials shared between tabs. It counts the requests.
 */
interface StoredTokens {
  generation: number;
  issuedAt: number;
  expiresAt: number;
}

interface HeldCredentials {
  accessKeyId: string;
  expiresAt: number;
}

export interface FakeBackendOptions {
  tokenTtlMs?: number;
  credentialsTtlMs?: number;
  /** Server clock − local clock. */
  serverOffsetMs?: number;
  /** How long a refresh takes (fake time): lets other tabs commit to renewing meanwhile. */
  latencyMs?: number;
}

const AMPLIFY_EARLY_MS = 5_000;

export class FakeAuthBackend {
  readonly tokenTtlMs: number;
  readonly credentialsTtlMs: number;
  serverOffsetMs: number;
  readonly latencyMs: number;
  tokens: StoredTokens | undefined;
  refreshCalls = 0;
  credentialCalls = 0;
  revokeCalls = 0;
  /** Failures the next refreshes meet, in order (then they succeed). */
  readonly scriptedFailures: AuthFailure[] = [];
  /** From now on every refresh fails with this (a revoked refresh token, a disabled user …). */
  permanentFailure: AuthFailure | undefined;
  private readonly tabs: FakeTab[] = [];
  private keys = 0;

  constructor(options: FakeBackendOptions = {}) {
    this.tokenTtlMs = options.tokenTtlMs ?? 300_000;
    this.credentialsTtlMs = options.credentialsTtlMs ?? 3_600_000;
    this.serverOffsetMs = options.serverOffsetMs ?? 0;
    this.latencyMs = options.latencyMs ?? 0;
  }

  serverNow(): number {
    return Date.now() + this.serverOffsetMs;
  }

  signIn(): void {
    this.issueTokens();
  }

  tab(): FakeTab {
    const tab = new FakeTab(this);
    this.tabs.push(tab);
    return tab;
  }

  issueTokens(): void {
    const issuedAt = this.serverNow();
    this.tokens = { generation: (this.tokens?.generation ?? 0) + 1, issuedAt, expiresAt: issuedAt + this.tokenTtlMs };
  }

  newCredentials(): HeldCredentials {
    this.credentialCalls += 1;
    this.keys += 1;
    return { accessKeyId: `ASIAFAKE${String(this.keys).padStart(12, '0')}`, expiresAt: this.serverNow() + this.credentialsTtlMs };
  }

  /** Amplify's storage events reach every other tab, a moment later. */
  broadcast(from: FakeTab | undefined, event: AuthEvent): void {
    for (const tab of this.tabs) if (tab !== from) queueMicrotask(() => tab.emit({ ...event, crossTab: true }));
  }

  shareCredentials(from: FakeTab, credentials: HeldCredentials): void {
    for (const tab of this.tabs) if (tab !== from) tab.receive(credentials);
  }

  facts(credentials: HeldCredentials | undefined): SessionFacts | undefined {
    const t = this.tokens;
    if (!t) return undefined;
    const claims = {
      sub: 'sub-demo',
      iss: `https://cognito-idp.${REGION}.amazonaws.com/${USER_POOL_ID}`,
      iat: Math.floor(t.issuedAt / 1000),
      exp: Math.floor(t.expiresAt / 1000),
    };
    return {
      sub: 'sub-demo',
      username: 'demo@example.com',
      idToken: fakeJwt({ ...claims, token_use: 'id', aud: CLIENT_ID, email: 'demo@example.com', jti: `id-${t.generation}` }),
      accessToken: fakeJwt({ ...claims, token_use: 'access', client_id: CLIENT_ID, username: 'sub-demo', jti: `access-${t.generation}` }),
      issuedAt: t.issuedAt,
      idTokenExpiresAt: t.expiresAt,
      accessTokenExpiresAt: t.expiresAt,
      identityId: 'ap-northeast-1:identity-demo',
      accessKeyId: credentials?.accessKeyId,
      credentialsExpireAt: credentials?.expiresAt,
      clockOffsetMs: this.serverOffsetMs,
    };
  }
}

export class FakeTab implements SessionApi {
  private credentials: HeldCredentials | undefined;
  private readonly listeners = new Set<(event: AuthEvent) => void>();

  constructor(private readonly backend: FakeAuthBackend) {}

  emit(event: AuthEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }

  receive(credentials: HeldCredentials): void {
    if (!this.credentials || this.credentials.expiresAt < credentials.expiresAt) this.credentials = credentials;
  }

  /** A failed refresh, as Amplify's TokenOrchestrator reports it. */
  private fail(failure: AuthFailure): ReadResult {
    this.emit({ type: 'tokenRefreshFailure', crossTab: false, failure });
    if (failure.kind === 'temporary') return { kind: 'failed', failure };
    // Definitive: Amplify clears the stored tokens (other tabs see the refresh token vanish) and, for
    // NotAuthorizedException, resolves with no tokens instead of throwing.
    this.backend.tokens = undefined;
    this.credentials = undefined;
    this.backend.broadcast(this, { type: 'signedOut', crossTab: true });
    return { kind: 'none' };
  }

  private refresh(): ReadResult | undefined {
    const b = this.backend;
    b.refreshCalls += 1;
    const failure = b.permanentFailure ?? b.scriptedFailures.shift();
    if (failure) return this.fail(failure);
    b.issueTokens();
    this.emit({ type: 'tokenRefresh', crossTab: false });
    b.broadcast(this, { type: 'tokenRefresh', crossTab: true });
    return undefined;
  }

  private fetchCredentials(): void {
    this.credentials = this.backend.newCredentials();
    this.backend.shareCredentials(this, this.credentials);
  }

  async readSession(): Promise<ReadResult> {
    const b = this.backend;
    if (!b.tokens) return { kind: 'none' };
    if (b.tokens.expiresAt - AMPLIFY_EARLY_MS <= b.serverNow()) {
      const failed = this.refresh();
      if (failed) return failed;
    }
    if (!this.credentials || this.credentials.expiresAt - AMPLIFY_EARLY_MS <= b.serverNow()) this.fetchCredentials();
    const facts = b.facts(this.credentials);
    return facts ? { kind: 'session', facts } : { kind: 'none' };
  }

  async renewSession(): Promise<ReadResult> {
    if (!this.backend.tokens) return { kind: 'none' };
    if (this.backend.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.backend.latencyMs));
    const failed = this.refresh();
    if (failed) return failed;
    this.fetchCredentials();
    const facts = this.backend.facts(this.credentials);
    return facts ? { kind: 'session', facts } : { kind: 'none' };
  }

  async peekSession(_options?: PeekOptions): Promise<ReadResult> {
    const facts = this.backend.facts(this.credentials);
    return facts ? { kind: 'session', facts } : { kind: 'none' };
  }

  async revokeSession(): Promise<{ ok: true }> {
    this.backend.revokeCalls += 1;
    this.backend.permanentFailure = { kind: 'definitive', reason: 'refresh-token-revoked', name: 'NotAuthorizedException' };
    return { ok: true };
  }

  listenAuthEvents(listener: (event: AuthEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** A sign-out in this tab, as Amplify reports it (to this tab, and through storage to the others). */
  signOut(): void {
    this.backend.tokens = undefined;
    this.credentials = undefined;
    this.emit({ type: 'signedOut', crossTab: false });
    this.backend.broadcast(this, { type: 'signedOut', crossTab: true });
  }
}

export const network: AuthFailure = { kind: 'temporary', reason: 'network', name: 'NetworkError' };
export const throttled: AuthFailure = { kind: 'temporary', reason: 'throttled', name: 'TooManyRequestsException' };
export const revoked: AuthFailure = { kind: 'definitive', reason: 'refresh-token-revoked', name: 'NotAuthorizedException' };
export const userDisabled: AuthFailure = { kind: 'definitive', reason: 'user-disabled', name: 'NotAuthorizedException' };
