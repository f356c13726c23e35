import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../local/seed/users';
import { ARTIFACTS } from '../../scripts/harness/browser';
import { galleryRegion, seededImageKeys, signIn, thumbnails, until, waitForThumbnails } from './support/app';
import { expectCleanRun } from './support/cleanRun';
import { startRun, type E2eRun } from './support/e2eRun';

/**
 * Issue 3, browser test 3 — the seed article's experiment: with "Renew automatically" off, the session
 * expires, the galleries pause with their content kept, and one click renews without reloading the page.
 * 20-second tokens and credentials (the emulator's minimum is 10): expiry about 20 s after sign-in.
 */
const TTL_SECONDS = 20;
const REFRESH = /^(GetTokensFromRefreshToken|InitiateAuth REFRESH_TOKEN_AUTH)$/;
/** How long the paused page is watched for requests it should not make. */
const PAUSE_WATCH_MS = 1_500;

describe('manual renewal', () => {
  let run: E2eRun;

  beforeAll(async () => {
    run = await startRun('manual-renewal', {
      TOKEN_TTL_SECONDS: String(TTL_SECONDS),
      CREDENTIALS_TTL_SECONDS: String(TTL_SECONDS),
    });
  });
  afterAll(async () => {
    await run?.close();
  });

  it('pauses the galleries at expiry and renews with one click, without a reload', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => run.screenshotAll('zz-test-failed'));
    const { page, traffic } = run;
    const galleries = [galleryRegion(page, 'cat'), galleryRegion(page, 'dog')];

    await run.step('signed in, renew automatically turned off', async () => {
      await page.goto(run.stack.appUrl);
      await signIn(page, DEMO_USER.email, DEMO_USER.password);
      for (const region of galleries) await waitForThumbnails(region, { min: 6 });
      const autoRenew = page.getByRole('switch', { name: 'Renew automatically' });
      expect(await autoRenew.isChecked(), 'on by default').toBe(true);
      await autoRenew.uncheck();
      expect(await autoRenew.isChecked()).toBe(false);
      // Survives only if the page is never reloaded.
      await page.evaluate(() => Object.assign(window, { e2eNoReloadMarker: 'still here' }));
    });
    const before = await Promise.all(galleries.map((region) => thumbnails(region)));

    const expired = page.getByRole('alert').filter({ hasText: /^Session expired at \d{2}:\d{2}:\d{2}/ });
    const pausedAt = await run.step(
      'expired: alert with renew, galleries paused with their content',
      async () => {
        await expired.waitFor({ timeout: (TTL_SECONDS + 30) * 1000 });
        await expired.getByRole('button', { name: 'Renew session' }).waitFor();
        for (const [index, region] of galleries.entries()) {
          await region.getByRole('status').getByText('Paused until the session is renewed.').waitFor();
          const kept = await thumbnails(region);
          expect(
            kept.map((v) => v.alt),
            'the same thumbnails stay',
          ).toEqual(before[index]?.map((v) => v.alt));
          expect(
            kept.every((v) => v.loaded),
            'and stay loaded',
          ).toBe(true);
        }
        return traffic.mark();
      },
    );

    await new Promise((resolve) => setTimeout(resolve, PAUSE_WATCH_MS));
    expect([...traffic.byOperation(pausedAt)], 'no request while paused').toEqual([]);
    expect(traffic.count(REFRESH), 'nothing renewed automatically').toBe(0);

    // Every image the page fetches from the click on: which object, signed by which access key.
    const fetched: string[] = [];
    const emulator = new URL(run.stack.emulatorUrl).origin;
    run.context.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== emulator || request.method() !== 'GET' || !url.searchParams.has('X-Amz-Signature'))
        return;
      const accessKeyId = (url.searchParams.get('X-Amz-Credential') ?? '').split('/')[0] ?? '';
      fetched.push(`${decodeURIComponent(url.pathname)} …${accessKeyId.slice(-4)}`);
    });

    await run.step('one click renews', async () => {
      await expired.getByRole('button', { name: 'Renew session' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Session renewed — valid until \d{2}:\d{2}:\d{2}/ })
        .waitFor();
      await expired.waitFor({ state: 'detached' });
    });

    await run.step('galleries resume with their content, signed by the new credentials', async () => {
      await until(
        'the renewal credentials',
        async () => traffic.accessKeyIds.length,
        (n) => n === 2,
      );
      const renewedKey = traffic.accessKeyIds[1] ?? '';
      for (const [index, region] of galleries.entries()) {
        const total = seededImageKeys(index === 0 ? 'cat' : 'dog').length;
        await region
          .getByRole('status')
          .getByText(new RegExp(`^${total} images`))
          .waitFor();
        expect(await region.getByText('Paused until the session is renewed.').count()).toBe(0);
        const resumed = await waitForThumbnails(region, { min: 6, accessKeyId: renewedKey });
        expect(
          resumed.map((v) => v.alt),
          'the same thumbnails, reloaded',
        ).toEqual(before[index]?.map((v) => v.alt));
      }
    });

    const renewedKey = traffic.accessKeyIds[1] ?? '';
    const fetchedOnce = [...new Set(fetched)].filter((line) => line.endsWith(`…${renewedKey.slice(-4)}`));
    await mkdir(ARTIFACTS, { recursive: true });
    await writeFile(
      path.join(ARTIFACTS, 'manual-renewal--figures.json'),
      JSON.stringify({ fetched }, null, 2),
    );
    expect(fetched.length, 'images fetched after the click').toBeGreaterThan(0);
    expect(fetched, 'each image fetched once, with the renewed credentials').toEqual(fetchedOnce);

    const afterRenewal = await page.evaluate(() => ({
      marker: (window as Window & { e2eNoReloadMarker?: string }).e2eNoReloadMarker,
      navigation: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)
        ?.type,
    }));
    expect(afterRenewal, 'the page was never reloaded').toEqual({
      marker: 'still here',
      navigation: 'navigate',
    });
    expect(traffic.count(REFRESH, pausedAt), 'token refreshes').toBe(1);
    expect(traffic.count('GetCredentialsForIdentity', pausedAt), 'credentials exchanges').toBe(1);
    expect(traffic.count(/^ListObjectsV2 /, pausedAt), 'the listings were kept, not fetched again').toBe(0);
    expectCleanRun(run, { passwords: [DEMO_USER.password] });
  });
});
