import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { BULK_BUCKET } from '../../local/config';
import { DEMO_USER } from '../../local/seed/users';
import { trackAwsTraffic, type AwsTraffic } from '../harness/awsTraffic';
import { launchChromium } from '../harness/browser';
import { startStack } from '../harness/stack';

/**
 * The large-bucket figures of issue 5, in real Chromium against `npm start` with
 * `LOCAL_AWS_BULK_OBJECTS=N` (the generated `bulk` gallery: every tenth object not an image). The walk
 * (sign in → first thumbnails → scroll to the end page by page → back to the top) is exported, so the
 * scaled-down e2e spec (tests/e2e/largeBucket.test.ts) asserts on the very same steps.
 */
export const BULK_LIST = `ListObjectsV2 ${BULK_BUCKET}`;
export const BULK_GET = `GetObject ${BULK_BUCKET}`;
/** The bulk gallery has no vocabulary label: the app names it by its id. */
export const bulkRegion = (page: Page): Locator => page.getByRole('region', { name: 'Bulk photos', exact: true });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** <img> elements in a gallery's DOM, and tiles (whether or not their image is signed yet). */
export function domCounts(region: Locator): Promise<{ images: number; tiles: number }> {
  return region.evaluate((section) => ({
    images: section.querySelectorAll('img').length,
    tiles: section.querySelectorAll('li').length,
  }));
}

/**
 * How many tiles can be near the viewport: the rows the gallery's scroll container shows, plus the
 * overscan the app keeps above and below (2 rows each side, useVirtualGrid.ts), times the columns.
 */
export function nearViewportBound(region: Locator): Promise<number> {
  return region.getByRole('list').evaluate((list) => {
    const viewport = list.parentElement?.parentElement;
    const tile = list.querySelector('li')?.getBoundingClientRect();
    if (!viewport || !tile || tile.width === 0) return 0;
    const columns = Math.max(1, Math.floor(viewport.clientWidth / tile.width));
    const rows = Math.ceil(viewport.clientHeight / tile.height) + 1 + 2 * 2;
    return rows * columns;
  });
}

/** Presses Sign in and answers the ms until the first bulk thumbnail has decoded. */
export async function signInToFirstThumbnail(page: Page, appUrl: string): Promise<number> {
  await page.goto(appUrl);
  await page.getByLabel('Email').fill(DEMO_USER.email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_USER.password);
  const started = Date.now();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('section[data-gallery="bulk"] img')].some(
        (img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0,
      ),
    undefined,
    { timeout: 120_000, polling: 20 },
  );
  return Date.now() - started;
}

export interface ScrollFigures {
  /** Wheel gestures until the listing was complete and its last tile shown. */
  gestures: number;
  /** ListObjectsV2 calls for the bulk bucket counted after each gesture. */
  listCallsByGesture: number[];
  /** Most tiles and <img> elements in the DOM at any point of the way. */
  maxTiles: number;
  maxImages: number;
  /** The status line at the end ("N images (M objects listed)"). */
  status: string;
}

/**
 * Scrolls the gallery's own scroll container down with the mouse wheel, as a user flinging to the end,
 * until the listing is complete and the last tile is in view: each gesture reaches the current end, the
 * sentinel there asks for the next page, and the next gesture waits until that page has arrived.
 */
export async function scrollToEnd(page: Page, region: Locator, traffic: AwsTraffic, maxGestures = 1_000): Promise<ScrollFigures> {
  const status = region.getByRole('status');
  const figures: ScrollFigures = { gestures: 0, listCallsByGesture: [], maxTiles: 0, maxImages: 0, status: '' };
  await region.getByRole('listitem').first().hover();
  const last = region.getByRole('listitem').last();
  for (;;) {
    const before = await last.getAttribute('aria-setsize');
    await page.mouse.wheel(0, 1_000_000);
    figures.gestures += 1;
    // Settled: no page in flight, and either the next page has arrived (the sentinel asks for it 800 px
    // ahead, so the end moves away again) or the last listed tile is in view.
    const deadline = Date.now() + 15_000;
    let text: string;
    let atEnd: boolean;
    for (;;) {
      await sleep(50);
      text = (await status.textContent()) ?? '';
      const total = await last.getAttribute('aria-setsize');
      atEnd = (await last.getAttribute('aria-posinset')) === total;
      if ((!/Loading/.test(text) && (atEnd || total !== before)) || Date.now() > deadline) break;
    }
    const counts = await domCounts(region);
    figures.maxTiles = Math.max(figures.maxTiles, counts.tiles);
    figures.maxImages = Math.max(figures.maxImages, counts.images);
    figures.listCallsByGesture.push(traffic.count(BULK_LIST));
    figures.status = text;
    if ((/^\d+ images \(/.test(text) && atEnd) || figures.gestures >= maxGestures) break;
  }
  // Let the last rows' images sign and load before anything is counted.
  await sleep(1_000);
  return figures;
}

/** With everything listed: one fling to the last tile (no page to wait for), then back to the top. */
export async function roundTrip(page: Page, region: Locator): Promise<void> {
  await region.getByRole('listitem').first().hover();
  await page.mouse.wheel(0, 100_000_000);
  const list = await region.getByRole('list').elementHandle();
  // Reads the list's current last tile each time: tiles are replaced as the grid scrolls.
  await page.waitForFunction((ul) => {
    const last = ul?.querySelector('li:last-child');
    return !!last && last.getAttribute('aria-posinset') === last.getAttribute('aria-setsize');
  }, list);
  await sleep(1_000);
  await scrollToTop(page, region);
}

export async function scrollToTop(page: Page, region: Locator): Promise<void> {
  await region.getByRole('listitem').first().hover();
  await page.mouse.wheel(0, -100_000_000);
  await region.locator('li[aria-posinset="1"]').waitFor();
  await sleep(1_000);
}

/** JS heap in use after a full garbage collection (CDP), in bytes. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = await cdp.send('Runtime.getHeapUsage');
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

export interface LargeBucketFigures {
  objects: number;
  signInToFirstThumbnailMs: number;
  listCallsBeforeScroll: number;
  listCallsAfterScroll: number;
  imageRequestsBeforeScroll: number;
  nearViewportBound: number;
  domImagesAtEnd: number;
  domTilesAtEnd: number;
  scroll: ScrollFigures;
  heapBeforeBytes: number;
  /** After scrolling to the end (everything listed) and back to the top. */
  heapAfterBytes: number;
  /** After one more trip to the end and back: equal to the above when scrolling itself keeps nothing. */
  heapAfterSecondTripBytes: number;
  imageRequestsTotal: number;
}

/** Starts `npm start` with N bulk objects, walks the bulk gallery once, and stops everything. */
export async function measureLargeBucket(objects = 20_000): Promise<LargeBucketFigures> {
  const stack = await startStack({ LOCAL_AWS_BULK_OBJECTS: String(objects) });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const traffic = trackAwsTraffic(context, stack.emulatorUrl);
    const page = await context.newPage();
    const region = bulkRegion(page);
    const signInToFirstThumbnailMs = await signInToFirstThumbnail(page, stack.appUrl);
    await sleep(2_000);
    const listCallsBeforeScroll = traffic.count(BULK_LIST);
    const imageRequestsBeforeScroll = traffic.count(BULK_GET);
    const bound = await nearViewportBound(region);
    const heapBeforeBytes = await heapAfterGc(page);
    const scroll = await scrollToEnd(page, region, traffic);
    const atEnd = await domCounts(region);
    await scrollToTop(page, region);
    const heapAfterBytes = await heapAfterGc(page);
    await roundTrip(page, region);
    const heapAfterSecondTripBytes = await heapAfterGc(page);
    traffic.stop();
    return {
      objects,
      signInToFirstThumbnailMs,
      listCallsBeforeScroll,
      listCallsAfterScroll: traffic.count(BULK_LIST),
      imageRequestsBeforeScroll,
      nearViewportBound: bound,
      domImagesAtEnd: atEnd.images,
      domTilesAtEnd: atEnd.tiles,
      scroll,
      heapBeforeBytes,
      heapAfterBytes,
      heapAfterSecondTripBytes,
      imageRequestsTotal: traffic.count(BULK_GET),
    };
  } finally {
    await browser.close();
    await stack.stop();
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function formatLargeBucketFigures(f: LargeBucketFigures): string {
  return [
    `Large bucket: ${f.objects.toLocaleString('en')} objects in the bulk gallery (real Chromium, 1280×900)`,
    `  Sign in → first bulk thumbnail:            ${f.signInToFirstThumbnailMs} ms`,
    `  ListObjectsV2 before scrolling:            ${f.listCallsBeforeScroll}`,
    `  ListObjectsV2 after scrolling to the end:  ${f.listCallsAfterScroll} (${f.scroll.gestures} wheel gestures; ${f.scroll.status})`,
    `  image requests before any scroll:          ${f.imageRequestsBeforeScroll} (tiles near the viewport: up to ${f.nearViewportBound})`,
    `  DOM at the end: <img> ${f.domImagesAtEnd}, tiles ${f.domTilesAtEnd} (most on the way: <img> ${f.scroll.maxImages}, tiles ${f.scroll.maxTiles})`,
    `  image requests in all:                     ${f.imageRequestsTotal}`,
    `  JS heap after GC: before scrolling ${mb(f.heapBeforeBytes)}, after scrolling to the end and back ${mb(f.heapAfterBytes)}` +
      ` (the listing: ${f.scroll.status}), after a second trip ${mb(f.heapAfterSecondTripBytes)}`,
    '',
  ].join('\n');
}

// `npx tsx scripts/bench/largeBucket.ts [N]`: this benchmark on its own.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  measureLargeBucket(Number(process.argv[2] ?? 20_000))
    .then((figures) => process.stdout.write(formatLargeBucketFigures(figures)))
    .catch((error: unknown) => {
      process.stderr.write(`bench: ${String(error)}\n`);
      process.exit(1);
    });
}
