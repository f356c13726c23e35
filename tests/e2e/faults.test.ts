import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../local/seed/users';
import { galleryRegion, seededImageKeys, signIn, until, viewerImage, waitForThumbnails } from './support/app';
import { expectCleanRun } from './support/cleanRun';
import { startRun, type E2eRun } from './support/e2eRun';
import {
  addFault,
  bannerTexts,
  callStats,
  callsOf,
  clearFaults,
  recordBanners,
  resetCallStats,
} from './support/emulatorControl';

/**
 * Issue 5, faults in the browser: the emulator's fault injection (POST /_local/faults) makes a gallery's
 * listing, a token refresh and the credentials exchange fail or stall, and the app must hold:
 * - ListObjectsV2 failing for the cat bucket only: the dog gallery browses; Retry recovers the cat one;
 * - a refresh that meets two 503s and then succeeds: the session stays, the banner says "renewing" and
 *   "renewed" and nothing else, never an alert;
 * - a slow GetCredentialsForIdentity (4 s): no second one starts while it is in flight;
 * - a refresh that meets NotAuthorizedException: the session ends with the alert.
 *
 * 40-second tokens and credentials: the renewal is due 32 s after sign-in (timing.ts: a fifth of the
 * lifetime before expiry), time enough for the gallery steps first on a busy machine.
 */
const TTL_SECONDS = 40;
const REFRESH = /^(GetTokensFromRefreshToken|InitiateAuth REFRESH_TOKEN_AUTH)$/;
const CAT_BUCKET = 'local-cat-photos';
const CREDENTIALS_LATENCY_MS = 4_000;

describe('faults in the browser', () => {
  let run: E2eRun;

  beforeAll(async () => {
    run = await startRun('faults', {
      TOKEN_TTL_SECONDS: String(TTL_SECONDS),
      CREDENTIALS_TTL_SECONDS: String(TTL_SECONDS),
    });
  });
  afterAll(async () => {
    await run?.close();
  });

  it('keeps browsing and the session through faults, and ends it on NotAuthorized', async ({ onTestFailed }) => {
    onTestFailed(() => run.screenshotAll('zz-test-failed'));
    const { page, traffic, stack } = run;
    const cat = galleryRegion(page, 'cat');
    const dog = galleryRegion(page, 'dog');
    const catList = `ListObjectsV2 ${CAT_BUCKET}`;

    await run.step('cat listing fails (503, its bucket only): the dog gallery browses', async () => {
      await addFault(stack.emulatorUrl, { service: 's3', action: 'ListObjectsV2', bucket: CAT_BUCKET, fault: '503' });
      await page.goto(stack.appUrl);
      await signIn(page, DEMO_USER.email, DEMO_USER.password);
      await waitForThumbnails(dog, { min: 6 });
      await cat.getByText('The storage service is busy or unavailable. Try again in a moment.').waitFor();
      await cat.getByRole('button', { name: 'Retry' }).waitFor();
      expect(await cat.getByRole('img').count(), 'no cat images').toBe(0);
      // Still browsing: the dog viewer opens and loads.
      const key = seededImageKeys('dog')[0] ?? '';
      await dog.getByRole('button', { name: key, exact: true }).click();
      await until('the dog viewer image', () => viewerImage(page), (v) => v.loaded && v.alt === key);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    });
    const catListFailures = traffic.failures.filter((f) => f.operation === catList);
    expect(catListFailures.length, 'the cat listing met the fault').toBeGreaterThan(0);
    expect(traffic.failures.every((f) => f.operation === catList && f.status === 503)).toBe(true);

    await run.step('fault cleared: Retry recovers the cat gallery', async () => {
      await clearFaults(stack.emulatorUrl);
      await cat.getByRole('button', { name: 'Retry' }).click();
      await waitForThumbnails(cat, { min: 6 });
      await until('the cat gallery error gone', () => cat.getByRole('button', { name: 'Retry' }).count(), (n) => n === 0);
    });

    const beforeRenewal = await run.step('refresh faults armed: two 503s, then a slow credentials exchange', async () => {
      expect(traffic.count(REFRESH), 'no refresh yet: the renewal is still ahead').toBe(0);
      await addFault(stack.emulatorUrl, {
        service: 'cognito-idp',
        action: 'GetTokensFromRefreshToken',
        fault: '503',
        count: 2,
      });
      await addFault(stack.emulatorUrl, {
        service: 'cognito-identity',
        action: 'GetCredentialsForIdentity',
        fault: 'latency',
        latencyMs: CREDENTIALS_LATENCY_MS,
        count: 1,
      });
      await resetCallStats(stack.emulatorUrl);
      await recordBanners(page);
      return { mark: traffic.mark(), keys: traffic.accessKeyIds.length };
    });

    await run.step('renewing while the exchange is slow: a new image waits for the one exchange', async () => {
      await page.getByRole('status').filter({ hasText: 'Renewing the session…' }).waitFor({ timeout: (TTL_SECONDS + 30) * 1000 });
      // The refresh got through its 503s; the credentials exchange is now stalled by the latency fault.
      await until('the credentials exchange to start', async () => traffic.count('GetCredentialsForIdentity', beforeRenewal.mark), (n) => n === 1);
      const key = seededImageKeys('dog')[2] ?? '';
      await dog.getByRole('button', { name: key, exact: true }).click();
      await page.getByRole('status').filter({ hasText: /^Session renewed — valid until \d{2}:\d{2}:\d{2}/ }).waitFor({ timeout: 30_000 });
      const view = await until('the viewer image', () => viewerImage(page), (v) => v.loaded && v.alt === key);
      await until('the renewal credentials', async () => traffic.accessKeyIds.length, (n) => n > beforeRenewal.keys);
      expect(view.accessKeyId, 'the viewer image is signed by the renewed credentials').toBe(
        traffic.accessKeyIds[beforeRenewal.keys],
      );
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await waitForThumbnails(cat, { min: 6, accessKeyId: traffic.accessKeyIds[beforeRenewal.keys] });
    });
    const stats = await callStats(stack.emulatorUrl);
    expect(callsOf(stats, 'cognito-idp', 'GetTokensFromRefreshToken'), 'refresh attempts reaching the emulator').toBe(3);
    expect(stats.faulted['cognito-idp']?.GetTokensFromRefreshToken, 'of which faulted').toBe(2);
    expect(callsOf(stats, 'cognito-identity', 'GetCredentialsForIdentity'), 'one credentials exchange, slow as it was').toBe(1);
    expect(traffic.count(/^InitiateAuth USER_SRP_AUTH$/, beforeRenewal.mark), 'no new sign-in').toBe(0);
    const banners = await bannerTexts(page);
    expect(banners.filter((text) => text.startsWith('alert:')), 'no alert during the renewal').toEqual([]);
    expect(
      banners.filter((text) => !/^status: (Renewing the session…|Session renewed — valid until \d{2}:\d{2}:\d{2}Dismiss)$/.test(text)),
      'banners other than "renewing" and "renewed"',
    ).toEqual([]);

    await run.step('the next refresh meets NotAuthorizedException: the ended-session alert', async () => {
      await addFault(stack.emulatorUrl, {
        service: 'cognito-idp',
        action: 'GetTokensFromRefreshToken',
        fault: 'NotAuthorizedException',
        message: 'Refresh Token has been revoked',
        count: 1,
      });
      await page
        .getByRole('alert')
        .filter({ hasText: 'Your session has ended (refresh token revoked) — sign in again' })
        .waitFor({ timeout: (TTL_SECONDS + 30) * 1000 });
      await page.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
      expect(await cat.count(), 'the galleries are gone').toBe(0);
    });

    const refreshFailures = traffic.failures.filter((f) => REFRESH.test(f.operation));
    expect(refreshFailures.map((f) => `${f.status} ${f.errorType}`)).toEqual([
      '503 ServiceUnavailableException',
      '503 ServiceUnavailableException',
      '400 NotAuthorizedException',
    ]);
    expectCleanRun(run, {
      passwords: [DEMO_USER.password],
      expectedFailures: [...catListFailures, ...refreshFailures].map(({ operation, status, errorType }) => ({
        operation,
        status,
        errorType,
      })),
    });
  });
});
