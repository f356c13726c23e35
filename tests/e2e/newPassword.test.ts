import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_USER } from '../../local/seed/users';
import type { SeedGallery } from '../../local/seed/manifest';
import {
  galleryRegion,
  isFocused,
  seededImageKeys,
  seededObjectCount,
  until,
  viewerImage,
  waitForThumbnails,
} from './support/app';
import { expectCleanRun } from './support/cleanRun';
import { startRun, type E2eRun } from './support/e2eRun';

/**
 * Issue 3, browser test 1: the first sign-in of a user created with a temporary password — the
 * new-password step, both galleries with their thumbnails, and the viewer driven from the keyboard.
 */
describe('first sign-in with a temporary password', () => {
  let run: E2eRun;
  // A password only this run knows: if it shows up in any log, the log got it from the app.
  const newPassword = `E2e-${Date.now().toString(36)}-Pw1!`;

  beforeAll(async () => {
    run = await startRun('new-password');
  });
  afterAll(async () => {
    await run?.close();
  });

  it('sets a new password, sees both galleries, and browses each in the viewer', async ({ onTestFailed }) => {
    onTestFailed(() => run.screenshotAll('zz-test-failed'));
    const { page } = run;

    await run.step('sign-in screen', async () => {
      await page.goto(run.stack.appUrl);
      await page.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
    });

    await run.step('temporary password asks for a new one', async () => {
      await page.getByLabel('Email').fill(NEW_USER.email);
      await page.getByLabel('Password', { exact: true }).fill(NEW_USER.password);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page.getByRole('heading', { name: 'Change Password' }).waitFor();
    });

    await run.step('new password set', async () => {
      await page.getByLabel('Password', { exact: true }).fill(newPassword);
      await page.getByLabel('Confirm Password').fill(newPassword);
      await page.getByRole('button', { name: 'Change Password' }).click();
      await page.getByText(`Signed in as ${NEW_USER.email}`).waitFor();
    });

    for (const gallery of ['cat', 'dog'] as const) {
      await run.step(`${gallery} gallery listed with thumbnails`, async () => {
        const region = galleryRegion(page, gallery);
        const images = seededImageKeys(gallery).length;
        await region
          .getByRole('status')
          .getByText(`${images} images (${seededObjectCount(gallery)} objects listed)`)
          .waitFor();
        const shown = await waitForThumbnails(region, { min: Math.min(images, 6) });
        // Only images are listed; keys that look like HTML are shown as text, never parsed.
        for (const view of shown) expect(seededImageKeys(gallery)).toContain(view.alt);
        await region
          .getByText(seededImageKeys(gallery).find((k) => k.includes('<')) ?? '<', { exact: true })
          .waitFor();
      });
    }

    for (const gallery of ['cat', 'dog'] as const) await browseInViewer(gallery);

    expect(run.traffic.count('RespondToAuthChallenge'), 'PASSWORD_VERIFIER, then NEW_PASSWORD_REQUIRED').toBe(
      2,
    );
    expectCleanRun(run, { passwords: [NEW_USER.password, newPassword] });
  });

  /** Opens the gallery's first image, moves right and back with the arrow keys, closes with Escape. */
  async function browseInViewer(gallery: SeedGallery): Promise<void> {
    const { page } = run;
    const region = galleryRegion(page, gallery);
    const [first, second] = seededImageKeys(gallery);
    const total = seededImageKeys(gallery).length;
    const dialog = page.getByRole('dialog');
    const thumbnail = region.getByRole('button', { name: first, exact: true });

    await run.step(`${gallery} viewer opens the first image`, async () => {
      await thumbnail.click();
      await dialog.getByRole('heading', { name: first, exact: true }).waitFor();
      await dialog.getByText(`1 of ${total}`).waitFor();
      await until(
        `the ${gallery} viewer image to load`,
        () => viewerImage(page),
        (v) => v.loaded && v.alt === first,
      );
    });

    await run.step(`${gallery} viewer arrow right`, async () => {
      await page.keyboard.press('ArrowRight');
      await dialog.getByRole('heading', { name: second, exact: true }).waitFor();
      await dialog.getByText(`2 of ${total}`).waitFor();
      await until(
        `the next ${gallery} image to load`,
        () => viewerImage(page),
        (v) => v.loaded && v.alt === second,
      );
    });

    await run.step(`${gallery} viewer arrow left`, async () => {
      await page.keyboard.press('ArrowLeft');
      await dialog.getByRole('heading', { name: first, exact: true }).waitFor();
      await until(
        `the first ${gallery} image again`,
        () => viewerImage(page),
        (v) => v.loaded && v.alt === first,
      );
    });

    await run.step(`${gallery} viewer closed with escape`, async () => {
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await isFocused(thumbnail), 'focus back on the thumbnail that opened the viewer').toBe(true);
    });
  }
});
