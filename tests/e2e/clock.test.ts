import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../local/seed/users';
import { galleryRegion, seededImageKeys, signIn, until, viewerImage, waitForThumbnails } from './support/app';
import { expectCleanRun } from './support/cleanRun';
import { startRun, type E2eRun } from './support/e2eRun';
import { bannerTexts, recordBanners } from './support/emulatorControl';
import { recordSignedS3Requests } from './support/requestKeys';

/**
 * Issue 5, sleep and clock jumps, with Playwright's clock in the page and the emulator on real time.
 *
 * How the app sees them (src/features/session/hooks/wakeEvents.ts): on a wake-up event it compares how far
 * the wall clock (Date.now) and the monotonic clock (performance.now) moved since the last check. The
 * specs make the page's clocks move as a laptop's do:
 * - a night asleep: `pauseAt` freezes both clocks and every timer (the renewal timer must not fire, as it
 *   would not on a sleeping machine); real time passes beyond the tokens' expiry; on waking the wall clock
 *   is set to the real time again (`setSystemTime`, which leaves performance.now behind, as suspend does:
 *   the monotonic clock does not count sleep), time resumes and the page becomes visible;
 * - the clock set back an hour: `setSystemTime` an hour behind, while performance.now runs on.
 * The emulator's clock never moves: what expires is real, so the wait for expiry is real too (30-second
 * tokens, the shortest that leaves time to sign in and load on a busy machine).
 */
const TTL_SECONDS = 30;
const REFRESH = /^(GetTokensFromRefreshToken|InitiateAuth REFRESH_TOKEN_AUTH)$/;
const RENEWED = /^Session renewed — valid until (\d{2}):(\d{2}):(\d{2})/;
/** "At once": how soon after the wake-up event the renewal must reach the emulator. */
const AT_ONCE_MS = 5_000;

const wakeUp = (page: Page) =>
  page.evaluate(() => {
    document.dispatchEvent(new Event('visibilitychange'));
  });

/** Seconds from the page's own clock now to a banner's `HH:MM:SS` (the next such time, within a day). */
async function secondsUntilShownTime(page: Page, text: string): Promise<number> {
  const [, h, m, s] = RENEWED.exec(text) ?? [];
  const shown = Number(h) * 3600 + Number(m) * 60 + Number(s);
  const local = await page.evaluate(() => {
    const d = new Date();
    return d.getHours() * 3600 + d.getMinutes() * 60 + d.getSeconds();
  });
  return (shown - local + 86_400) % 86_400;
}

describe('sleep and clock jumps', () => {
  let run: E2eRun;
  /** When the first test woke the page (the second test's jump must come before the next renewal). */
  let woke: { mark: number; s3Mark: number; at: number } | undefined;

  beforeAll(async () => {
    run = await startRun('clock', {
      TOKEN_TTL_SECONDS: String(TTL_SECONDS),
      CREDENTIALS_TTL_SECONDS: String(TTL_SECONDS),
    });
  });
  afterAll(async () => {
    await run?.close();
  });

  it('renews at once after a night asleep, and every S3 request carries the new credentials', async ({ onTestFailed }) => {
    onTestFailed(() => run.screenshotAll('zz-test-failed'));
    const { page, traffic } = run;
    const cat = galleryRegion(page, 'cat');
    const dog = galleryRegion(page, 'dog');
    const s3 = recordSignedS3Requests(page, run.stack.emulatorUrl);
    const renewedBanner = page.getByRole('status').filter({ hasText: RENEWED });

    const signedInAt = await run.step('signed in with Playwright’s clock installed', async () => {
      await page.clock.install();
      await page.goto(run.stack.appUrl);
      await signIn(page, DEMO_USER.email, DEMO_USER.password);
      await until('the first credentials', async () => traffic.accessKeyIds.length, (n) => n === 1);
      const at = Date.now();
      const key = traffic.accessKeyIds[0];
      await waitForThumbnails(cat, { min: 6, accessKeyId: key });
      await waitForThumbnails(dog, { min: 6, accessKeyId: key });
      await recordBanners(page);
      return at;
    });
    const firstKey = traffic.accessKeyIds[0] ?? '';

    await run.step('asleep: page clocks and timers frozen while the tokens expire', async () => {
      // pauseAt must lie ahead of the page's clock, which runs on while this call travels: 2 s ahead.
      const pageNow = await page.evaluate(() => Date.now());
      await page.clock.pauseAt(pageNow + 2_000);
      // Real time passes (the emulator's clock): the tokens and credentials expire while the page sleeps.
      const expiredAt = signedInAt + (TTL_SECONDS + 2) * 1000;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiredAt - Date.now())));
      expect(traffic.count(REFRESH), 'no renewal while asleep (the timer was frozen)').toBe(0);
    });

    woke = await run.step('awake: renews at once, shows "renewed", never an alert', async () => {
      const mark = traffic.mark();
      const s3Mark = s3.length;
      await page.clock.setSystemTime(Date.now());
      await page.clock.resume();
      const at = Date.now();
      await wakeUp(page);
      await until('the refresh after waking', async () => traffic.count(REFRESH, mark), (n) => n === 1, AT_ONCE_MS);
      await renewedBanner.waitFor({ timeout: 15_000 });
      await until('the new credentials', async () => traffic.accessKeyIds.length, (n) => n === 2);
      return { mark, s3Mark, at };
    });
    const secondKey = traffic.accessKeyIds[1] ?? '';
    expect(secondKey).not.toBe(firstKey);
    expect(traffic.count('GetCredentialsForIdentity', woke.mark), 'one credentials exchange').toBe(1);

    await run.step('after waking, every S3 request carries the new credentials', async () => {
      const key = seededImageKeys('dog')[3] ?? '';
      await dog.getByRole('button', { name: key, exact: true }).click();
      const view = await until('the viewer image', () => viewerImage(page), (v) => v.loaded && v.alt === key);
      expect(view.accessKeyId).toBe(secondKey);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await waitForThumbnails(cat, { min: 6, accessKeyId: secondKey });
      await waitForThumbnails(dog, { min: 6, accessKeyId: secondKey });
    });
    const afterWake = s3.slice(woke.s3Mark);
    expect(afterWake.length, 'S3 requests after waking').toBeGreaterThan(0);
    expect(
      afterWake.filter((r) => r.accessKeyId !== secondKey).map((r) => `${r.operation} signed by …${r.accessKeyId.slice(-4)}`),
      'S3 requests after waking signed by anything but the new credentials',
    ).toEqual([]);
    const sleepBanners = await bannerTexts(page);
    expect(sleepBanners.filter((t) => t.startsWith('alert:')), 'no alert on waking').toEqual([]);
    expectCleanRun(run, { passwords: [DEMO_USER.password] });
  });

  it('treats the clock set back an hour as a reason to renew, at once', async ({ onTestFailed }) => {
    onTestFailed(() => run.screenshotAll('zz-test-failed'));
    const { page, traffic } = run;
    const renewedBanner = page.getByRole('status').filter({ hasText: RENEWED });
    const wokeAt = woke?.at ?? 0;
    expect(wokeAt, 'the first test got as far as waking').toBeGreaterThan(0);
    const failuresBefore = traffic.failures.length;

    const setBack = await run.step('clock set back an hour: treated as a reason to renew, at once', async () => {
      // The "renewed" banner dismisses itself after a few seconds; the jump comes once it has gone.
      await renewedBanner.waitFor({ state: 'detached', timeout: 15_000 });
      const mark = traffic.mark();
      const keys = traffic.accessKeyIds.length;
      await page.clock.setSystemTime(Date.now() - 3_600_000);
      const at = Date.now();
      await wakeUp(page);
      await until('the refresh after the clock change', async () => traffic.count(REFRESH, mark), (n) => n === 1, AT_ONCE_MS);
      const text = await until('the renewed banner', () => renewedBanner.allInnerTexts(), (t) => t.length > 0, 15_000);
      // Read at once, while "valid until" is still about one lifetime ahead.
      const ahead = await secondsUntilShownTime(page, text[0] ?? '');
      await until('the new credentials', async () => traffic.accessKeyIds.length, (n) => n > keys);
      return { mark, at, text: text[0] ?? '', ahead };
    });
    expect(traffic.count('GetCredentialsForIdentity', setBack.mark), 'one credentials exchange').toBe(1);
    // The natural renewal of the second tokens was still ~20 s away: this one came from the clock change.
    expect(setBack.at - wokeAt, 'the set-back came before the natural renewal').toBeLessThan((TTL_SECONDS - 8) * 1000);
    // "Valid until" is shown on the page's (set back) clock: about one lifetime from the page's now.
    // (Shown on the server's clock it would be an hour and 30 s ahead.)
    expect(setBack.ahead, `"${setBack.text}" is about ${TTL_SECONDS} s ahead of the page's clock`).toBeGreaterThan(TTL_SECONDS - 10);
    expect(setBack.ahead).toBeLessThanOrEqual(TTL_SECONDS + 2);

    const banners = await bannerTexts(page);
    expect(banners.filter((t) => t.startsWith('alert:')), 'no alert at any point').toEqual([]);
    expect(
      traffic.failures.slice(failuresBefore).filter((f) => !f.operation.startsWith('GetObject ')),
      'no Cognito or listing request failed',
    ).toEqual([]);
    expect(run.problems.filter((p) => p.kind !== 'console.error'), 'no page error or dialog').toEqual([]);
  });

  /**
   * Amplify's getUrl presigns with the device's `new Date()` (no skew correction, unlike its signed
   * requests): after the set-back its X-Amz-Date is an hour old and S3 — like the emulator — answers 403
   * "Request has expired". The app signs such URLs again on the server's time
   * (src/features/gallery/api/serverTimeSignature.ts), from the drift Amplify measured at the renewal.
   */
  it('after the set-back, the galleries load with the newest credentials', async () => {
    const { page, traffic } = run;
    await run.step('after the set-back, the galleries load with the newest credentials', async () => {
      const key = traffic.accessKeyIds.at(-1);
      await waitForThumbnails(galleryRegion(page, 'cat'), { min: 6, accessKeyId: key, timeoutMs: 10_000 });
      await waitForThumbnails(galleryRegion(page, 'dog'), { min: 6, accessKeyId: key, timeoutMs: 10_000 });
    });
    expectCleanRun(run, { passwords: [DEMO_USER.password] });
  });
});
