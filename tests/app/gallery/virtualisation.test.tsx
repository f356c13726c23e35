import { waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildGallery, imageKeys } from './support/builders';
import { FakeIntersectionObserver } from './support/intersectionObserverDouble';
import { scrollViewport } from './support/layout';
import { renderGallery } from './support/renderGallery';
import { installBrowserDoubles, removeBrowserDoubles, stubGalleryApi } from './support/stubGalleryApi';

vi.mock('../../../src/features/gallery/api/listImages', () => ({ listImages: vi.fn() }));
vi.mock('../../../src/features/gallery/api/signImageUrl', () => ({ signImageUrl: vi.fn() }));
vi.mock('../../../src/features/gallery/api/currentAccessKeyId', () => ({ currentAccessKeyId: vi.fn() }));

const cat = buildGallery({ id: 'cat' });
const fast = { interval: 5 };
const TOTAL = 20_000;
// The stubbed viewport shows 4 × 3 tiles. Rendered: the 3 visible rows, the row a scroll half-reveals,
// and 2 rows of overscan on each side — 4 × 8 at most, 4 × 6 at the top.
const MAX_RENDERED = 4 * 8;
const AT_TOP = 4 * 6;

beforeEach(installBrowserDoubles);
afterEach(removeBrowserDoubles);

describe('virtualised grid', () => {
  it('keeps the DOM and the image requests near the viewport for 20,000 listed images', async () => {
    // Mixed with non-images, as the emulator's large seed is.
    const keys = imageKeys(TOTAL).flatMap((key, i) => (i % 10 === 0 ? [key, `meta-${i}.json`] : [key]));
    const storage = stubGalleryApi({ 'local-cat-photos': keys });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    const region = view.region();
    await within(region).findByText(/images so far/);

    // Before any scroll: only the rows near the viewport exist, and only they were signed.
    await waitFor(() => expect(region.querySelectorAll('img')).toHaveLength(AT_TOP));
    expect(storage.signCalls).toHaveLength(AT_TOP);

    // List everything, page by page, as the sentinel keeps coming into view.
    const pages = Math.ceil(keys.length / 100);
    while (storage.listCalls.length < pages) {
      await waitFor(() => expect(FakeIntersectionObserver.watching(view.viewport())).toBe(1), fast);
      const sent = storage.listCalls.length;
      FakeIntersectionObserver.intersect(view.viewport());
      await waitFor(() => expect(storage.listCalls).toHaveLength(sent + 1), fast);
    }
    await within(region).findByText(`20000 images (${keys.length} objects listed)`);
    expect(storage.listCalls).toHaveLength(pages);
    expect(FakeIntersectionObserver.watching(view.viewport())).toBe(0);
    expect(region.querySelectorAll('li').length).toBeLessThanOrEqual(MAX_RENDERED);

    // Scroll to the middle and to the end: still a handful of elements, the right ones.
    scrollViewport(view.viewport(), 2500 * 196);
    expect(within(region).getByRole('button', { name: 'photo-10000.jpg' })).toBeInTheDocument();
    expect(within(region).queryByRole('button', { name: 'photo-00000.jpg' })).toBeNull();
    expect(region.querySelectorAll('li').length).toBeLessThanOrEqual(MAX_RENDERED);
    scrollViewport(view.viewport(), 5000 * 196 - 3 * 196);
    expect(within(region).getByRole('button', { name: 'photo-19999.jpg' })).toBeInTheDocument();
    expect(region.querySelectorAll('li').length).toBeLessThanOrEqual(MAX_RENDERED);
    await waitFor(() => expect(region.querySelectorAll('img').length).toBeLessThanOrEqual(MAX_RENDERED));

    // Back to the top: the first thumbnails return; images were signed only for rows actually shown.
    scrollViewport(view.viewport(), 0);
    expect(within(region).getByRole('button', { name: 'photo-00000.jpg' })).toBeInTheDocument();
    // Signed: the top, the middle and the end windows; scrolling back reused the cached URLs.
    await waitFor(() => expect(region.querySelectorAll('img')).toHaveLength(AT_TOP));
    expect(storage.signCalls.length).toBeLessThanOrEqual(AT_TOP + 2 * MAX_RENDERED);
    const item = within(region).getAllByRole('listitem')[0];
    expect(item).toHaveAttribute('aria-setsize', String(TOTAL));
  }, 120_000);
});
