import { SignJWT } from 'jose';
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../../local/clock';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { buildIdTokenClaims, foreignKey, providerName, signIdToken, tamper } from './idTokens';

/** Each refused token gets AWS's exact NotAuthorizedException message, from GetId and from GetCredentialsForIdentity. */
describe('cognito identity: login token verification', () => {
  let emu: TestEmulator;
  let client: CognitoIdentityClient;
  let sub: string;
  let identityId: string;

  beforeAll(async () => {
    emu = await startTestEmulator({ seed: false, clock: createManualClock() });
    client = new CognitoIdentityClient({ endpoint: emu.url, region: emu.config.region });
    sub = 'aaaaaaaa-1111-4222-8333-444444444444';
    const token = await signIdToken(emu, buildIdTokenClaims(emu, { sub }));
    const answer = await client.send(
      new GetIdCommand({ IdentityPoolId: emu.config.identityPoolId, Logins: { [providerName(emu)]: token } }),
    );
    identityId = answer.IdentityId ?? '';
  });
  afterAll(async () => {
    client.destroy();
    await emu.dispose();
  });

  async function expectRefused(logins: Record<string, string>, message: string): Promise<void> {
    const refusal = { name: 'NotAuthorizedException', message };
    await expect(
      client.send(new GetIdCommand({ IdentityPoolId: emu.config.identityPoolId, Logins: logins })),
    ).rejects.toMatchObject(refusal);
    await expect(
      client.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId, Logins: logins })),
    ).rejects.toMatchObject(refusal);
  }

  it('refuses an expired ID token with "Token expired: <now> >= <exp>" in epoch seconds', async () => {
    const claims = buildIdTokenClaims(emu, { sub });
    const token = await signIdToken(emu, claims);
    emu.clock.advance((emu.config.tokenTtlSeconds + 7) * 1000);
    const now = Math.floor(emu.clock.now() / 1000);
    await expectRefused(
      { [providerName(emu)]: token },
      `Invalid login token. Token expired: ${now} >= ${claims.exp}`,
    );
  });

  it('refuses a token at the very second it expires, and accepts it one second before', async () => {
    const claims = buildIdTokenClaims(emu, { sub });
    const token = await signIdToken(emu, claims);
    const exp = claims.exp ?? 0;
    emu.clock.set((exp - 1) * 1000);
    await expect(
      client.send(
        new GetCredentialsForIdentityCommand({
          IdentityId: identityId,
          Logins: { [providerName(emu)]: token },
        }),
      ),
    ).resolves.toBeDefined();
    emu.clock.set(exp * 1000);
    await expectRefused(
      { [providerName(emu)]: token },
      `Invalid login token. Token expired: ${exp} >= ${exp}`,
    );
  });

  it('refuses a tampered token (payload changed, signature kept)', async () => {
    const token = await signIdToken(emu, buildIdTokenClaims(emu, { sub }));
    await expectRefused(
      { [providerName(emu)]: tamper(token, { sub: 'someone-else' }) },
      "Invalid login token. Couldn't verify signed token.",
    );
  });

  it('refuses a token signed by a key the user pool does not publish, even under a known kid', async () => {
    const claims = buildIdTokenClaims(emu, { sub });
    for (const key of [await foreignKey('not-a-pool-kid'), await foreignKey(emu.deps.keys.id.kid)]) {
      const token = await signIdToken(emu, claims, { key });
      await expectRefused(
        { [providerName(emu)]: token },
        "Invalid login token. Couldn't verify signed token.",
      );
    }
  });

  it('refuses an unsigned (alg none) token and a string that is no JWT', async () => {
    const claims = buildIdTokenClaims(emu, { sub });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    await expectRefused({ [providerName(emu)]: none }, "Invalid login token. Couldn't verify signed token.");
    await expectRefused(
      { [providerName(emu)]: 'not-a-token' },
      "Invalid login token. Couldn't verify signed token.",
    );
  });

  it('refuses an HS256 token even when keyed with the public key material', async () => {
    const claims = buildIdTokenClaims(emu, { sub });
    const secret = new TextEncoder().encode(JSON.stringify(emu.deps.keys.id.publicJwk));
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: 'HS256', kid: emu.deps.keys.id.kid })
      .sign(secret);
    await expectRefused({ [providerName(emu)]: token }, "Invalid login token. Couldn't verify signed token.");
  });

  it('refuses a token whose issuer is not the Logins key', async () => {
    const other = 'ap-northeast-1_OtherPool';
    const token = await signIdToken(
      emu,
      buildIdTokenClaims(emu, { sub, iss: `https://${providerName(emu, other)}` }),
    );
    await expectRefused(
      { [providerName(emu)]: token },
      "Invalid login token. Issuer doesn't match providerName",
    );
    const plainHttp = await signIdToken(
      emu,
      buildIdTokenClaims(emu, { sub, iss: `http://${providerName(emu)}` }),
    );
    await expectRefused(
      { [providerName(emu)]: plainHttp },
      "Invalid login token. Issuer doesn't match providerName",
    );
  });

  it('refuses a token of a user pool the identity pool does not list', async () => {
    const other = providerName(emu, 'ap-northeast-1_OtherPool');
    const token = await signIdToken(emu, buildIdTokenClaims(emu, { sub, iss: `https://${other}` }));
    await expectRefused({ [other]: token }, 'Token is not from a supported provider of this identity pool.');
  });

  it('refuses a token issued to another app client (wrong aud)', async () => {
    const token = await signIdToken(
      emu,
      buildIdTokenClaims(emu, { sub, aud: 'someotherappclient000000000' }),
    );
    await expectRefused(
      { [providerName(emu)]: token },
      'Token is not from a supported provider of this identity pool.',
    );
  });

  it('refuses an access token: it has no aud', async () => {
    const claims = buildIdTokenClaims(emu, {
      sub,
      aud: undefined,
      token_use: 'access',
      client_id: emu.config.userPoolClientId,
      scope: 'aws.cognito.signin.user.admin',
    });
    const token = await signIdToken(emu, claims, { key: emu.deps.keys.access });
    await expectRefused({ [providerName(emu)]: token }, 'Invalid login token. Missing a required claim: aud');
  });

  it('refuses a signed token that is not an ID token', async () => {
    const token = await signIdToken(emu, buildIdTokenClaims(emu, { sub, token_use: 'access' }));
    await expectRefused(
      { [providerName(emu)]: token },
      'Invalid login token. Not a valid OpenId Connect identity token.',
    );
  });

  it('refuses a token without exp', async () => {
    const token = await signIdToken(emu, buildIdTokenClaims(emu, { sub, exp: undefined }));
    await expectRefused({ [providerName(emu)]: token }, 'Invalid login token. Missing a required claim: exp');
  });
});
