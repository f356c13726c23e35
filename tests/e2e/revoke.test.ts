import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../local/seed/users';
import { galleryRegion, isFocused, signIn, waitForThumbnails } from './support/app';
import { expectCleanRun } from './support/cleanRun';
import { startRun, type E2eRun } from './support/e2eRun';

/**
 * Issue 3, browser test 4: "Revoke my session" (Cognito GlobalSignOut) ends the session; the app finds
 * out through the refresh that meets the revoked token, explains it in an alert outside the
 * Authenticator, and the user signs in again.
 */
describe('revoked session', () => {
  let run: E2eRun;

  beforeAll(async () => {
    run = await startRun('revoke');
  });
  afterAll(async () => {
    await run?.close();
  });

  it('shows the ended-session alert and signs in again', async ({ onTestFailed }) => {
    onTestFailed(() => run.screenshotAll('zz-test-failed'));
    const { page, traffic } = run;
    const ended = page
      .getByRole('alert')
      .filter({ hasText: 'Your session has ended (refresh token revoked) — sign in again' });

    await run.step('signed in', async () => {
      await page.goto(run.stack.appUrl);
      await signIn(page, DEMO_USER.email, DEMO_USER.password);
      await waitForThumbnails(galleryRegion(page, 'cat'), { min: 6 });
      await waitForThumbnails(galleryRegion(page, 'dog'), { min: 6 });
    });
    const signedIn = traffic.mark();

    await run.step('revoked: the ended-session alert, back at the sign-in screen', async () => {
      await page.getByRole('button', { name: 'Revoke my session' }).click();
      await ended.waitFor();
      await page.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
      expect(await galleryRegion(page, 'cat').count(), 'the galleries are gone').toBe(0);
    });
    expect(traffic.count('GlobalSignOut', signedIn)).toBe(1);

    await run.step('the alert\u2019s sign-in button leads to the email field', async () => {
      await ended.getByRole('button', { name: 'Sign in' }).click();
      const email = page.getByLabel('Email');
      await email.waitFor();
      expect(await isFocused(email)).toBe(true);
    });

    await run.step('signed in again, galleries back, alert gone', async () => {
      await signIn(page, DEMO_USER.email, DEMO_USER.password);
      await waitForThumbnails(galleryRegion(page, 'cat'), { min: 6 });
      await waitForThumbnails(galleryRegion(page, 'dog'), { min: 6 });
      await ended.waitFor({ state: 'detached' });
      await page.getByText(`Signed in as ${DEMO_USER.email}`).waitFor();
    });

    // The one request that had to fail: the refresh that discovers the revocation (Chromium logs it).
    expectCleanRun(run, {
      passwords: [DEMO_USER.password],
      expectedFailures: [
        { operation: 'GetTokensFromRefreshToken', status: 400, errorType: 'NotAuthorizedException' },
      ],
    });
  });
});
