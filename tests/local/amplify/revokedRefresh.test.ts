import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import {
  AdminUserGlobalSignOutCommand,
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_USER } from '../../../local/seed/users';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { configureAmplify } from './amplifyAgainst';

/**
 * A refresh token revoked elsewhere (an admin's global sign-out): Amplify's next refresh fails with
 * NotAuthorizedException, it clears the tokens, emits `tokenRefresh_failure`, and fetchAuthSession
 * *resolves* with `tokens: undefined` (amplify-notes.md) — the case the session banner explains.
 */
describe('amplify: refresh token revoked', () => {
  let emu: TestEmulator;
  let idp: CognitoIdentityProviderClient;

  beforeAll(async () => {
    emu = await startTestEmulator();
    configureAmplify(emu);
    const credentials = {
      accessKeyId: emu.config.admin.accessKeyId,
      secretAccessKey: emu.config.admin.secretAccessKey,
    };
    idp = new CognitoIdentityProviderClient({ endpoint: emu.url, region: emu.config.region, credentials });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    idp.destroy();
    await signOut().catch(() => undefined);
    await emu.dispose();
  });

  it('resolves fetchAuthSession with tokens undefined once the revoked refresh token is needed', async () => {
    await signIn({ username: DEMO_USER.email, password: DEMO_USER.password });
    const before = await fetchAuthSession();
    expect(before.tokens?.idToken).toBeDefined();

    await idp.send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: emu.config.userPoolId, Username: DEMO_USER.email }),
    );
    const events: string[] = [];
    const stop = Hub.listen('auth', ({ payload }) => events.push(payload.event));

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + (emu.config.tokenTtlSeconds + 10) * 1000);
    const after = await fetchAuthSession();
    stop();

    expect(after.tokens).toBeUndefined();
    expect(after.credentials).toBeUndefined();
    expect(events).toContain('tokenRefresh_failure');
  });

  it("the emulator answers the revoked refresh token with Cognito's exact message", async () => {
    await signIn({ username: DEMO_USER.email, password: DEMO_USER.password });
    const { tokens } = await fetchAuthSession();
    expect(tokens).toBeDefined();
    await idp.send(
      new AdminUserGlobalSignOutCommand({ UserPoolId: emu.config.userPoolId, Username: DEMO_USER.email }),
    );
    // Amplify keeps the refresh token out of its public API; the SDK shows what Amplify received.
    const refreshToken = await amplifyRefreshToken();
    await expect(
      idp.send(
        new GetTokensFromRefreshTokenCommand({
          ClientId: emu.config.userPoolClientId,
          RefreshToken: refreshToken,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Refresh Token has been revoked',
    });
  });
});

/** Reads the refresh token from Amplify's token store (in memory in Node). */
async function amplifyRefreshToken(): Promise<string> {
  const tokens = await cognitoUserPoolsTokenProvider.tokenOrchestrator.getTokenStore().loadTokens();
  if (!tokens?.refreshToken) throw new Error('Amplify holds no refresh token');
  return tokens.refreshToken;
}
