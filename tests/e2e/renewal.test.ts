import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../local/seed/users';
import { galleryRegion, seededImageKeys, signIn, until, viewerImage, waitForThumbnails } from './support/app';
import { expectCleanRun } from './support/cleanRun';
import { startRun, type E2eRun } from './support/e2eRun';

/**
 * Issue 3, browser test 2: short-lived tokens and credentials renew by themselves, and the galleries keep
 * loading images with the new credentials.
 *
 * Timing: the session hook renews a fifth of a lifetime before expiry (at least 5 s: src/features/session/
 * model/timing.ts), so 30-second tokens and credentials renew about 24 s after sign-in and the whole spec
 * takes about 35 s. Nothing sleeps: each wait ends when the page shows what it waits for.
 */
const TTL_SECONDS = 30;
const REFRESH = /^(GetTokensFromRefreshToken|InitiateAuth REFRESH_TOKEN_AUTH)$/;

describe('automatic renewal', () => {
  let run: E2eRun;

  beforeAll(async () => {
    run = await startRun('renewal', {
      TOKEN_TTL_SECONDS: String(TTL_SECONDS),
      CREDENTIALS_TTL_SECONDS: String(TTL_SECONDS),
    });
  });
  afterAll(async () => {
    await run?.close();
  });

  it('shows the renewal, makes one refresh and one credentials exchange, and images keep loading', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => run.screenshotAll('zz-test-failed'));
    const { page, traffic } = run;
    const cat = galleryRegion(page, 'cat');
    const dog = galleryRegion(page, 'dog');

    const firstKey = await run.step('signed in, thumbnails signed by the first credentials', async () => {
      await page.goto(run.stack.appUrl);
      await signIn(page, DEMO_USER.email, DEMO_USER.password);
      await until(
        'the first credentials',
        async () => traffic.accessKeyIds.length,
        (n) => n === 1,
      );
      const key = traffic.accessKeyIds[0] ?? '';
      await waitForThumbnails(cat, { min: 6, accessKeyId: key });
      await waitForThumbnails(dog, { min: 6, accessKeyId: key });
      return key;
    });
    const afterSignIn = traffic.mark();
    expect(traffic.count(REFRESH, 0), 'no refresh yet').toBe(0);

    const renewed = await run.step('renewal shown in the status banner', async () => {
      // It dismisses itself after a few seconds: wait with a timeout longer than the token lifetime.
      await page
        .getByRole('status')
        .filter({ hasText: /^Session renewed — valid until \d{2}:\d{2}:\d{2}/ })
        .waitFor({ timeout: (TTL_SECONDS + 30) * 1000 });
      return traffic.mark();
    });

    const renewedKey = await run.step('thumbnails signed again with the new credentials', async () => {
      await until(
        'new credentials',
        async () => traffic.accessKeyIds.length,
        (n) => n >= 2,
      );
      const key = traffic.accessKeyIds[1] ?? '';
      expect(key).not.toBe(firstKey);
      await waitForThumbnails(cat, { min: 6, accessKeyId: key });
      await waitForThumbnails(dog, { min: 6, accessKeyId: key });
      return key;
    });

    await run.step('scrolled to the end, the last thumbnails load with the new credentials', async () => {
      const lastKey = seededImageKeys('cat').at(-1) ?? '';
      await cat.getByRole('button', { name: seededImageKeys('cat')[0], exact: true }).hover();
      await page.mouse.wheel(0, 5000);
      const last = cat.getByRole('button', { name: lastKey, exact: true });
      await last.waitFor();
      await until(
        `the last cat thumbnail (${lastKey})`,
        async () => (await waitForThumbnails(cat, { accessKeyId: renewedKey })).map((v) => v.alt),
        (alts) => alts.includes(lastKey),
      );
    });

    await run.step('reopened in the viewer, the image loads with the new credentials', async () => {
      const key = seededImageKeys('dog')[1] ?? '';
      await dog.getByRole('button', { name: key, exact: true }).click();
      const view = await until(
        'the viewer image',
        () => viewerImage(page),
        (v) => v.loaded && v.alt === key,
      );
      expect(view.accessKeyId).toBe(renewedKey);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    });

    // One renewal: one token refresh and one credentials exchange, no new sign-in, and S3 kept serving.
    expect(traffic.count(REFRESH, afterSignIn), 'token refreshes').toBe(1);
    expect(traffic.count('GetCredentialsForIdentity', afterSignIn), 'credentials exchanges').toBe(1);
    expect(
      traffic.count(/^InitiateAuth USER_SRP_AUTH$|^RespondToAuthChallenge$/, afterSignIn),
      'new sign-ins',
    ).toBe(0);
    expect(traffic.count(/^GetObject /, renewed), 'images fetched after the renewal').toBeGreaterThan(0);
    expect(await page.getByRole('alert').count(), 'no alert on the page').toBe(0);
    expectCleanRun(run, { passwords: [DEMO_USER.password] });
  });
});
