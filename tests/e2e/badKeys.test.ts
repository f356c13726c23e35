import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../local/config';
import { CAT_PICTURES, SEED_IMAGES_DIR } from '../../local/seed/manifest';
import { DEMO_USER } from '../../local/seed/users';
import path from 'node:path';
import { galleryRegion, signIn, until } from './support/app';
import { expectCleanRun } from './support/cleanRun';
import { startRun, type E2eRun } from './support/e2eRun';
import { scrollThrough, tiles, type TileView } from './support/galleryTiles';

/**
 * Issue 5, bad input in the app: objects uploaded (with the emulator's administrator keys, as anyone with
 * write access could) under hostile or awkward keys, and with bodies that are not what they claim. The
 * cat gallery must show every key as text, execute nothing, show the placeholder for what cannot be
 * decoded, and log no console error.
 */
const CAT_BUCKET = 'local-cat-photos';
/** Set by any of the injected scripts, should one ever run. */
const FLAG = 'e2eInjected';

interface BadObject {
  key: string;
  body: 'png' | 'empty' | 'random' | 'html';
  contentType: string;
  /** What the tile must show: the decoded image, or the broken-image placeholder. */
  expect: 'loaded' | 'Image unavailable';
}

const png = (key: string): BadObject => ({ key, body: 'png', contentType: 'image/png', expect: 'loaded' });

/**
 * Valid PNGs under keys a URL would mangle: dot segments (removed by every URL parser, so `a/../b.png`
 * would address `b.png`) and a leading slash (refused by Amplify's getUrl). The app gives them their
 * literal path (src/features/gallery/model/literalKeyPath.ts), so they load like any other picture.
 */
const PATH_LIKE_KEYS = ['a/../b.png', '/leading.png', './dot/./slash.png', '../../etc/passwd.png'];

const BAD_OBJECTS: BadObject[] = [
  png(`long-${'k'.repeat(900)}.png`),
  png(`<script>window.${FLAG}=1;alert(1)</script>.png`),
  png(`<img src=x onerror="window.${FLAG}=2">.png`),
  png(`quotes "double" and 'single' \`back\`.png`),
  png('100% sure & 50%2F50 %zz.png'),
  png('plus+sign + spaces.png'),
  png('emoji 🐱😺🐈‍⬛.png'),
  png('עברית مرحبا rtl.png'),
  ...PATH_LIKE_KEYS.map(png),
  { key: 'zero-byte.png', body: 'empty', contentType: 'image/png', expect: 'Image unavailable' },
  { key: 'corrupt.jpg', body: 'random', contentType: 'image/jpeg', expect: 'Image unavailable' },
  { key: 'lying-type.png', body: 'html', contentType: 'text/html', expect: 'Image unavailable' },
];

async function upload(emulatorUrl: string): Promise<void> {
  const config = loadConfig({});
  const s3 = new S3Client({
    endpoint: emulatorUrl,
    forcePathStyle: true,
    region: config.region,
    credentials: config.admin,
  });
  const picture = await readFile(path.join(SEED_IMAGES_DIR, 'cat', CAT_PICTURES.find((f) => f.endsWith('.png')) ?? ''));
  const bodies = {
    png: picture,
    empty: Buffer.alloc(0),
    random: randomBytes(4096),
    html: Buffer.from(`<!doctype html><script>window.${FLAG}=3;alert(document.domain)</script>`),
  };
  for (const object of BAD_OBJECTS) {
    await s3.send(
      new PutObjectCommand({ Bucket: CAT_BUCKET, Key: object.key, Body: bodies[object.body], ContentType: object.contentType }),
    );
  }
  s3.destroy();
}

describe('bad keys and bad images', () => {
  let run: E2eRun;
  const seen = new Map<string, TileView>();

  beforeAll(async () => {
    run = await startRun('bad-keys');
    await upload(run.stack.emulatorUrl);
  });
  afterAll(async () => {
    await run?.close();
  });

  it('shows every key as text, runs no script, and shows the placeholder for what cannot be decoded', async ({
    onTestFailed,
  }) => {
    onTestFailed(() => run.screenshotAll('zz-test-failed'));
    const { page } = run;
    const cat = galleryRegion(page, 'cat');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => dialogs.push(dialog.message()));

    await run.step('signed in: the cat gallery lists the uploaded objects', async () => {
      await page.goto(run.stack.appUrl);
      await signIn(page, DEMO_USER.email, DEMO_USER.password);
      await cat.getByRole('button', { name: BAD_OBJECTS[0]?.key ?? '', exact: true }).waitFor();
    });

    await run.step('scrolled through: every key shown, each image loaded or a placeholder', async () => {
      const settled = (views: TileView[]) => views.every((v) => v.image !== 'loading' && v.image !== '');
      await scrollThrough(page, cat, async () => {
        const views = await until('the visible tiles to settle', () => tiles(cat), settled, 15_000);
        for (const view of views) seen.set(view.name, view);
      });
    });

    const outcome = BAD_OBJECTS.map((o) => {
      const view = seen.get(o.key);
      return { key: o.key.slice(0, 60), caption: view?.caption === o.key, image: view?.image };
    });
    expect(outcome, 'each key as its caption, with the right image outcome').toEqual(
      BAD_OBJECTS.map((o) => ({ key: o.key.slice(0, 60), caption: true, image: o.expect })),
    );
    expect(await page.evaluate((flag) => flag in window, FLAG), 'no injected script ran').toBe(false);
    expect(dialogs, 'no alert() dialog').toEqual([]);

    await run.step('a key that is markup opens in the viewer as text, still inert', async () => {
      const key = BAD_OBJECTS[1]?.key ?? '';
      await scrollThrough(page, cat, async () => undefined, { maxSteps: 0 });
      await page.mouse.wheel(0, -100_000);
      await cat.getByRole('button', { name: key, exact: true }).click();
      await page.getByRole('dialog').getByText(key, { exact: true }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    });
    expect(await page.evaluate((flag) => flag in window, FLAG), 'no injected script ran').toBe(false);
    expect(dialogs, 'no alert() dialog').toEqual([]);
    expectCleanRun(run, { passwords: [DEMO_USER.password] });
  });
});
