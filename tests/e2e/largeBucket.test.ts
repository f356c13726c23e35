import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BULK_GET,
  BULK_LIST,
  bulkRegion,
  domCounts,
  nearViewportBound,
  scrollToEnd,
  scrollToTop,
} from '../../scripts/bench/largeBucket';
import { DEMO_USER } from '../../local/seed/users';
import { signIn, waitForThumbnails } from './support/app';
import { expectCleanRun } from './support/cleanRun';
import { startRun, type E2eRun } from './support/e2eRun';

/**
 * Issue 5, a very large bucket, scaled down for `npm test`: 1,000 generated objects (900 images) in the
 * bulk gallery, listed 100 per ListObjectsV2 page. The full 20,000 are measured by `npm run bench`
 * (scripts/bench/largeBucket.ts, the same walk). The gallery must fetch pages as the user scrolls, keep
 * only the tiles near its viewport in the DOM, and request images only near the viewport.
 */
const OBJECTS = 1_000;
const PAGE_SIZE = 100;
const IMAGES = OBJECTS - OBJECTS / 10;

describe('large bucket', () => {
  let run: E2eRun;

  beforeAll(async () => {
    run = await startRun('large-bucket', { LOCAL_AWS_BULK_OBJECTS: String(OBJECTS) });
  });
  afterAll(async () => {
    await run?.close();
  });

  it('lists page by page as the user scrolls, with a bounded DOM and image requests', async ({ onTestFailed }) => {
    onTestFailed(() => run.screenshotAll('zz-test-failed'));
    const { page, traffic } = run;
    const bulk = bulkRegion(page);

    const before = await run.step('signed in: the bulk gallery shows its first thumbnails', async () => {
      await page.goto(run.stack.appUrl);
      await signIn(page, DEMO_USER.email, DEMO_USER.password);
      await waitForThumbnails(bulk, { min: 6 });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      return {
        lists: traffic.count(BULK_LIST),
        images: traffic.count(BULK_GET),
        bound: await nearViewportBound(bulk),
        dom: await domCounts(bulk),
        status: (await bulk.getByRole('status').textContent()) ?? '',
      };
    });
    expect(before.bound, 'tiles near the viewport').toBeGreaterThan(6);
    expect(before.lists, 'ListObjectsV2 pages before any scroll').toBeLessThanOrEqual(2);
    expect(before.status).toMatch(/images so far/);
    expect(before.dom.tiles, 'tiles in the DOM before any scroll').toBeLessThanOrEqual(before.bound);
    expect(before.images, 'image requests before any scroll').toBeLessThanOrEqual(before.bound);
    expect(before.images).toBeGreaterThan(0);

    const scroll = await run.step('scrolled to the end: every page listed as it came near', async () => {
      return scrollToEnd(page, bulk, traffic);
    });
    expect(scroll.status).toMatch(new RegExp(`^${IMAGES} images \\(${OBJECTS} objects listed\\)`));
    expect(traffic.count(BULK_LIST), 'one ListObjectsV2 per page, none repeated').toBe(OBJECTS / PAGE_SIZE);
    // Pages came one gesture at a time: the count grew along the way, not all at once before scrolling.
    expect(scroll.listCallsByGesture.length, 'gestures').toBeGreaterThanOrEqual(OBJECTS / PAGE_SIZE - before.lists);
    expect(scroll.maxTiles, 'most tiles in the DOM at any point').toBeLessThanOrEqual(before.bound);
    expect(scroll.maxImages, 'most <img> in the DOM at any point').toBeLessThanOrEqual(before.bound);
    const atEnd = await domCounts(bulk);
    expect(atEnd.images).toBeGreaterThan(0);
    // Images only near the viewport: each resting place of the scroll (sign-in, each gesture) requests
    // about the tiles near it (twice that allowed: rows rendered on the way, the end moving as a page
    // arrives); flinging past the middle requests none of its images.
    expect(traffic.count(BULK_GET), 'image requests in all').toBeLessThanOrEqual(2 * (scroll.gestures + 1) * before.bound);
    expect(traffic.count(BULK_GET)).toBeLessThan(IMAGES);

    await run.step('back at the top: the first thumbnails again', async () => {
      await scrollToTop(page, bulk);
      await waitForThumbnails(bulk, { min: 6 });
      expect((await domCounts(bulk)).tiles).toBeLessThanOrEqual(before.bound);
    });
    expectCleanRun(run, { passwords: [DEMO_USER.password] });
  }, 240_000);
});
