import type { CredentialsAndIdentityId, CredentialsAndIdentityIdProvider, GetCredentialsOptions, JWT } from 'aws-amplify/auth';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTabChannel, type TabChannel } from '../../../src/lib/crossTab/tabChannel';
import { createTabLock } from '../../../src/lib/crossTab/tabLock';
import { SharedCredentialsProvider, type SharedCredentialsMessage } from '../../../src/lib/amplify/sharedCredentials';
import { CLIENT_ID, IDENTITY_POOL_ID, USER_POOL_ID } from '../support/builders';

/** Amplify's provider, as far as ours sees it: one GetCredentialsForIdentity per call, counted. */
function innerProvider(lifetimeMs = 3_600_000) {
  let issued = 0;
  const get = vi.fn(async (_options: GetCredentialsOptions): Promise<CredentialsAndIdentityId> => {
    issued += 1;
    await Promise.resolve();
    return {
      identityId: 'ap-northeast-1:identity-demo',
      credentials: {
        accessKeyId: `ASIAKEY${issued}`,
        secretAccessKey: 'secret',
        sessionToken: 'session',
        expiration: new Date(Date.now() + lifetimeMs),
      },
    };
  });
  const provider: CredentialsAndIdentityIdProvider = { getCredentialsAndIdentityId: get, clearCredentialsAndIdentityId: vi.fn() };
  return { provider, get };
}

function jwt(payload: JWT['payload']): JWT {
  return { payload, toString: () => `jwt-${String(payload.jti)}` };
}

function options(jti: string, forceRefresh = false, sub = 'sub-demo'): GetCredentialsOptions {
  return {
    authConfig: { Cognito: { userPoolId: USER_POOL_ID, userPoolClientId: CLIENT_ID, identityPoolId: IDENTITY_POOL_ID } },
    tokens: { idToken: jwt({ sub, jti, iat: 1 }), accessToken: jwt({ sub, jti: `a-${jti}` }) },
    authenticated: true,
    forceRefresh,
  };
}

const channels: Array<TabChannel<SharedCredentialsMessage>> = [];
function channel() {
  const c = createTabChannel<SharedCredentialsMessage>('credentials-test', { storageFallback: false });
  if (!c) throw new Error('BroadcastChannel missing');
  channels.push(c);
  return c;
}

afterEach(() => {
  for (const c of channels.splice(0)) c.close();
  vi.useRealTimers();
});

describe('shared credentials provider', () => {
  it('fetches once for concurrent callers (two galleries starting together)', async () => {
    const { provider, get } = innerProvider();
    const shared = new SharedCredentialsProvider(provider, undefined);
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => shared.getCredentialsAndIdentityId(options('t1'))));
    expect(get).toHaveBeenCalledOnce();
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(get.mock.calls[0]?.[0].forceRefresh).toBe(true);
  });

  it('keeps credentials until their real Expiration, then fetches on use', async () => {
    vi.useFakeTimers();
    const { provider, get } = innerProvider(120_000);
    const shared = new SharedCredentialsProvider(provider, undefined);
    await shared.getCredentialsAndIdentityId(options('t1'));
    vi.advanceTimersByTime(114_999);
    expect((await shared.getCredentialsAndIdentityId(options('t1')))?.credentials.accessKeyId).toBe('ASIAKEY1');
    vi.advanceTimersByTime(1);
    expect((await shared.getCredentialsAndIdentityId(options('t1')))?.credentials.accessKeyId).toBe('ASIAKEY2');
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('keeps them across a token refresh, but a renewal (forceRefresh) fetches new ones', async () => {
    const { provider, get } = innerProvider();
    const shared = new SharedCredentialsProvider(provider, undefined);
    await shared.getCredentialsAndIdentityId(options('t1'));
    await shared.getCredentialsAndIdentityId(options('t2'));
    expect(get).toHaveBeenCalledOnce();
    const renewed = await shared.getCredentialsAndIdentityId(options('t2', true));
    expect(renewed?.credentials.accessKeyId).toBe('ASIAKEY2');
  });

  it('shares with the other tabs, whose renewal with the same new token then costs nothing', async () => {
    const first = innerProvider();
    const second = innerProvider();
    const tabA = new SharedCredentialsProvider(first.provider, channel());
    const tabB = new SharedCredentialsProvider(second.provider, channel());
    await tabA.getCredentialsAndIdentityId(options('t2', true));
    await vi.waitFor(() => expect(tabB.peek('sub-demo')?.credentials.accessKeyId).toBe('ASIAKEY1'));
    const adopted = await tabB.getCredentialsAndIdentityId(options('t2', true));
    expect(adopted?.credentials.accessKeyId).toBe('ASIAKEY1');
    expect(second.get).not.toHaveBeenCalled();
  });

  it('tabs starting together (a sign-in seen by every tab) make one exchange: the others wait and adopt it', async () => {
    // One lock for the "tabs": what Web Locks give separate tabs; each tab has its own channel end.
    const lock = createTabLock({ locks: null, storage: localStorage });
    const tabs = [innerProvider(), innerProvider(), innerProvider()].map((inner) => ({
      inner,
      shared: new SharedCredentialsProvider(inner.provider, channel(), { lock }),
    }));
    const results = await Promise.all(tabs.map((tab) => tab.shared.getCredentialsAndIdentityId(options('t1'))));
    expect(results.map((r) => r?.credentials.accessKeyId)).toEqual(['ASIAKEY1', 'ASIAKEY1', 'ASIAKEY1']);
    expect(tabs.map((tab) => tab.inner.get.mock.calls.length)).toEqual([1, 0, 0]);
  });

  it('still fetches under the lock when nobody shared credentials for this token', async () => {
    const lock = createTabLock({ locks: null, storage: localStorage });
    const first = innerProvider();
    const second = innerProvider();
    const tabA = new SharedCredentialsProvider(first.provider, channel(), { lock });
    const tabB = new SharedCredentialsProvider(second.provider, channel(), { lock });
    const [a, b] = await Promise.all([
      tabA.getCredentialsAndIdentityId(options('t1', false, 'sub-a')),
      tabB.getCredentialsAndIdentityId(options('t2', false, 'sub-b')),
    ]);
    expect([a?.credentials.accessKeyId, b?.credentials.accessKeyId]).toEqual(['ASIAKEY1', 'ASIAKEY1']);
    expect([first.get.mock.calls.length, second.get.mock.calls.length]).toEqual([1, 1]);
  });

  it('never serves one user’s credentials to another, and forgets them on sign-out', async () => {
    const { provider, get } = innerProvider();
    const shared = new SharedCredentialsProvider(provider, undefined);
    await shared.getCredentialsAndIdentityId(options('t1'));
    await shared.getCredentialsAndIdentityId(options('t9', false, 'sub-other'));
    expect(get).toHaveBeenCalledTimes(2);
    shared.clearCredentialsAndIdentityId();
    expect(shared.peek('sub-other')).toBeUndefined();
    expect(provider.clearCredentialsAndIdentityId).toHaveBeenCalled();
  });
});
