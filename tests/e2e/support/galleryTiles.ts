import type { Locator, Page } from 'playwright-core';

/** One tile of a gallery as the user sees it: its button's name, its caption, and its image's fate. */
export interface TileView {
  name: string;
  caption: string;
  /** 'loaded' (decoded), 'loading', or the placeholder's words ('Image unavailable', …), '' if none. */
  image: string;
}

/** The tiles a gallery has in the DOM right now (a virtualised grid: only those near its viewport). */
export function tiles(region: Locator): Promise<TileView[]> {
  return region.getByRole('listitem').evaluateAll((items) =>
    items.flatMap((item) => {
      const button = item.querySelector('button');
      if (!button) return [];
      const img = button.querySelector('img');
      const placeholder = button.querySelector('.gallery-placeholder');
      const caption = button.querySelector('[title]');
      const image = img
        ? img.complete && img.naturalWidth > 0
          ? 'loaded'
          : 'loading'
        : (placeholder?.textContent ?? '');
      return [{ name: button.getAttribute('aria-label') ?? '', caption: caption?.textContent ?? '', image }];
    }),
  );
}

/**
 * Scrolls a gallery's own scroll container from top to bottom with the mouse wheel, as a user does,
 * calling `visit` after each step until the bottom is reached (the tiles stop changing). Answers the
 * number of wheel steps.
 */
export async function scrollThrough(
  page: Page,
  region: Locator,
  visit: () => Promise<void>,
  { stepPx = 400, maxSteps = 2_000, settleMs = 150 } = {},
): Promise<number> {
  await region.getByRole('listitem').first().hover();
  let unchanged = 0;
  let last = '';
  let steps = 0;
  await visit();
  while (unchanged < 4 && steps < maxSteps) {
    await page.mouse.wheel(0, stepPx);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    steps += 1;
    await visit();
    const now = (await tiles(region)).map((t) => t.name).join('\n');
    unchanged = now === last ? unchanged + 1 : 0;
    last = now;
  }
  return steps;
}
