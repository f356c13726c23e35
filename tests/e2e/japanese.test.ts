import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER } from '../../local/seed/users';
import { galleryRegion, waitForThumbnails } from './support/app';
import { expectCleanRun } from './support/cleanRun';
import { startRun, type E2eRun } from './support/e2eRun';

/**
 * Issue 3, browser test 5: English and Japanese, switchable on the sign-in screen and after sign-in, all
 * strings (Amplify's included) following, and the choice remembered across reloads.
 */
describe('language switch', () => {
  let run: E2eRun;

  beforeAll(async () => {
    run = await startRun('japanese');
  });
  afterAll(async () => {
    await run?.close();
  });

  it('switches to Japanese on the sign-in screen and after sign-in, and keeps it across reloads', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => run.screenshotAll('zz-test-failed'));
    const { page } = run;
    const pressed = (name: string) => page.getByRole('button', { name, pressed: true });

    await run.step('sign-in screen in English', async () => {
      await page.goto(run.stack.appUrl);
      await page.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      await pressed('English').waitFor();
    });

    await run.step('sign-in screen switched to Japanese', async () => {
      await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '日本語' }).click();
      await page.getByRole('heading', { name: 'アカウントにサインイン' }).waitFor();
      await page.getByRole('button', { name: 'サインイン', exact: true }).waitFor();
      await page.getByLabel('メールアドレス').waitFor();
      await page.getByRole('heading', { name: '猫と犬のギャラリー' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Sign in to your account' }).count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    });

    await run.step('still Japanese after a reload', async () => {
      await page.reload();
      await page.getByRole('heading', { name: 'アカウントにサインイン' }).waitFor();
      await pressed('日本語').waitFor();
    });

    await run.step('signed in in Japanese: galleries and controls in Japanese', async () => {
      await page.getByLabel('メールアドレス').fill(DEMO_USER.email);
      await page.getByLabel('パスワード', { exact: true }).fill(DEMO_USER.password);
      await page.getByRole('button', { name: 'サインイン', exact: true }).click();
      await waitForThumbnails(galleryRegion(page, 'cat', '猫の写真'), { min: 6 });
      await waitForThumbnails(galleryRegion(page, 'dog', '犬の写真'), { min: 6 });
      await page.getByRole('button', { name: 'サインアウト', exact: true }).waitFor();
      await page.getByRole('switch', { name: '自動で更新する' }).waitFor();
      await page.getByRole('button', { name: 'セッションを取り消す' }).waitFor();
    });

    await run.step('switched to English after sign-in', async () => {
      await page.getByRole('button', { name: 'English' }).click();
      await galleryRegion(page, 'cat').waitFor();
      await galleryRegion(page, 'dog').waitFor();
      await page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
      expect(await galleryRegion(page, 'cat', '猫の写真').count()).toBe(0);
    });

    await run.step('switched back to Japanese after sign-in', async () => {
      await page.getByRole('button', { name: '日本語' }).click();
      await galleryRegion(page, 'cat', '猫の写真').waitFor();
      await page.getByRole('button', { name: 'Revoke my session' }).waitFor({ state: 'detached' });
    });

    await run.step('still Japanese and signed in after a reload', async () => {
      await page.reload();
      await waitForThumbnails(galleryRegion(page, 'cat', '猫の写真'), { min: 6 });
      await waitForThumbnails(galleryRegion(page, 'dog', '犬の写真'), { min: 6 });
      await page.getByText(`${DEMO_USER.email} でサインイン中`).waitFor();
      await pressed('日本語').waitFor();
    });

    expectCleanRun(run, { passwords: [DEMO_USER.password] });
  });
});
