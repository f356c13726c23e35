import { fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_USER } from '../../../local/seed/users';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { configureAmplify, s3With } from './amplifyAgainst';

/** Amplify's own SRP sign-in and session against the emulator, then S3 with the credentials it got. */
describe('amplify: sign-in and session', () => {
  let emu: TestEmulator;

  beforeAll(async () => {
    emu = await startTestEmulator();
    configureAmplify(emu);
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    await signOut().catch(() => undefined);
    await emu.dispose();
  });

  it('signs in the demo user with SRP', async () => {
    const result = await signIn({ username: DEMO_USER.email, password: DEMO_USER.password });
    expect(result).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  });

  it('fetchAuthSession returns tokens, an identity id and temporary AWS credentials', async () => {
    const session = await fetchAuthSession();
    expect(session.tokens?.idToken?.payload).toMatchObject({
      email: DEMO_USER.email,
      token_use: 'id',
      aud: emu.config.userPoolClientId,
      iss: `https://cognito-idp.${emu.config.region}.amazonaws.com/${emu.config.userPoolId}`,
    });
    expect(session.tokens?.accessToken.payload.token_use).toBe('access');
    expect(session.identityId).toMatch(/^ap-northeast-1:[0-9a-f-]{36}$/);
    expect(session.credentials?.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(session.credentials?.sessionToken).toBeTruthy();
    const expiresIn = (session.credentials?.expiration?.getTime() ?? 0) - Date.now();
    expect(expiresIn).toBeGreaterThan((emu.config.credentialsTtlSeconds - 60) * 1000);
    expect(expiresIn).toBeLessThanOrEqual(emu.config.credentialsTtlSeconds * 1000);
  });

  it("lists both seeded buckets with Amplify's credentials and is denied PutObject", async () => {
    const { credentials } = await fetchAuthSession();
    if (!credentials) throw new Error('Amplify returned no AWS credentials');
    const s3 = s3With(emu, credentials);
    for (const bucket of [emu.config.buckets.cat, emu.config.buckets.dog]) {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
      expect(
        (page.Contents ?? []).filter((c) => /\.(jpg|png|webp)$/.test(c.Key ?? '')).length,
      ).toBeGreaterThanOrEqual(8);
    }
    await expect(
      s3.send(new PutObjectCommand({ Bucket: emu.config.buckets.dog, Key: 'x.txt', Body: 'x' })),
    ).rejects.toMatchObject({ name: 'AccessDenied' });
    s3.destroy();
  });

  it('keeps the same identity id across sessions of the same user', async () => {
    const first = (await fetchAuthSession()).identityId;
    await signOut();
    await signIn({ username: DEMO_USER.email, password: DEMO_USER.password });
    expect((await fetchAuthSession()).identityId).toBe(first);
  });

  it('refreshes the tokens once they expire, and fetches credentials for the new ID token', async () => {
    const before = await fetchAuthSession();
    vi.useFakeTimers({ toFake: ['Date'] });
    // Past the token TTL for Amplify and the emulator alike: both read the same (faked) Date.
    vi.setSystemTime(Date.now() + (emu.config.tokenTtlSeconds + 10) * 1000);
    const after = await fetchAuthSession();
    expect(after.tokens?.idToken?.toString()).not.toBe(before.tokens?.idToken?.toString());
    expect(after.tokens?.idToken?.payload.exp).toBeGreaterThan(Math.floor(Date.now() / 1000));
    // auth_time keeps the original sign-in time on refresh.
    expect(after.tokens?.idToken?.payload.auth_time).toBe(before.tokens?.idToken?.payload.auth_time);
    expect(after.credentials?.accessKeyId).not.toBe(before.credentials?.accessKeyId);
    expect(after.identityId).toBe(before.identityId);
    const s3 = s3With(emu, after.credentials ?? { accessKeyId: '', secretAccessKey: '' });
    await expect(
      s3.send(new ListObjectsV2Command({ Bucket: emu.config.buckets.cat, MaxKeys: 1 })),
    ).resolves.toMatchObject({ KeyCount: 1 });
    s3.destroy();
  });

  it("refuses a wrong password through Amplify with Cognito's error", async () => {
    await signOut();
    await expect(signIn({ username: DEMO_USER.email, password: 'Wrong-Passw0rd!' })).rejects.toMatchObject({
      name: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
    });
  });
});
