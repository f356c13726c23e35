import { fireEvent, waitFor, within } from '@testing-library/react';
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

beforeEach(installBrowserDoubles);
afterEach(removeBrowserDoubles);

function img(region: HTMLElement, key: string): HTMLImageElement | null {
  return within(region).queryByRole('img', { name: key }) as HTMLImageElement | null;
}

describe('Gallery while paused and after renewal', () => {
  it('makes no request while paused from the start, and lists once resumed', async () => {
    const storage = stubGalleryApi({ 'local-cat-photos': ['a.jpg'] });
    const view = renderGallery({ gallery: cat, paused: true, renewalCount: 0 });
    await Promise.resolve();
    expect(storage.listCalls).toHaveLength(0);
    expect(within(view.region()).getByRole('status')).toHaveTextContent('Loading images…');
    view.rerenderWith({ paused: false });
    expect(await within(view.region()).findByRole('button', { name: 'a.jpg' })).toBeInTheDocument();
    expect(storage.listCalls).toHaveLength(1);
  });

  it('keeps its pages, loaded images and scroll position while paused, and requests nothing', async () => {
    const storage = stubGalleryApi({ 'local-cat-photos': imageKeys(300) });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    await within(view.region()).findByText(/100 images so far/);
    const viewport = view.viewport();
    scrollViewport(viewport, 10 * 196);
    const loadedKey = 'photo-00040.jpg';
    const loaded = await waitFor(
      () => img(view.region(), loadedKey) ?? Promise.reject(new Error('not rendered')),
    );
    fireEvent.load(loaded);
    const signedBefore = storage.signCalls.length;

    view.rerenderWith({ paused: true });
    expect(within(view.region()).getByRole('status')).toHaveTextContent(
      'Paused until the session is renewed.',
    );
    expect(view.viewport()).toBe(viewport);
    expect(viewport.scrollTop).toBe(10 * 196);
    expect(img(view.region(), loadedKey)).toBe(loaded);
    // Thumbnails that had not loaded yet drop their <img>, so the browser sends nothing for them.
    expect(img(view.region(), 'photo-00041.jpg')).toBeNull();
    expect(within(view.region()).getAllByText('Waiting for the session').length).toBeGreaterThan(0);

    // No observer watches the end while paused; scrolling renders rows but signs and lists nothing.
    expect(FakeIntersectionObserver.watching(viewport)).toBe(0);
    scrollViewport(viewport, 20 * 196);
    expect(within(view.region()).getByRole('button', { name: 'photo-00080.jpg' })).toBeInTheDocument();
    expect(storage.signCalls).toHaveLength(signedBefore);
    expect(storage.listCalls).toHaveLength(1);
    expect(within(view.region()).getByText(/100 images so far/)).toBeInTheDocument();

    view.rerenderWith({ paused: false, renewalCount: 1 });
    expect(await within(view.region()).findByRole('img', { name: 'photo-00080.jpg' })).toBeInTheDocument();
    await waitFor(() => expect(FakeIntersectionObserver.watching(viewport)).toBe(1));
    FakeIntersectionObserver.intersect(viewport);
    await within(view.region()).findByText(/200 images so far/);
    expect(storage.listCalls.map((c) => c.nextToken)).toEqual([undefined, '100']);
  });

  it('re-signs the visible thumbnails when renewalCount changes', async () => {
    const storage = stubGalleryApi({ 'local-cat-photos': ['a.jpg', 'b.jpg'] });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    const before = await within(view.region()).findByRole('img', { name: 'a.jpg' });
    fireEvent.load(before);
    const firstUrl = before.getAttribute('src');
    expect(firstUrl).toContain('X-Amz-Signature=sig1');
    expect(storage.signCalls).toEqual(['a.jpg', 'b.jpg']);

    storage.setAccessKeyId('ASIARENEWEDKEY000002');
    view.rerenderWith({ renewalCount: 1 });
    await waitFor(() =>
      expect(img(view.region(), 'a.jpg')?.getAttribute('src')).toContain('X-Amz-Signature=sig2'),
    );
    expect(img(view.region(), 'a.jpg')?.getAttribute('src')).toContain('ASIARENEWEDKEY000002');
    expect(storage.signCalls.filter((key) => key === 'a.jpg')).toHaveLength(2);
    expect(storage.signCalls.filter((key) => key === 'b.jpg')).toHaveLength(2);
    // A re-render without a renewal reuses the signed URLs.
    view.rerenderWith({ gallery: { ...cat } });
    await Promise.resolve();
    expect(storage.signCalls).toHaveLength(4);
  });

  it('re-signs a thumbnail once when it fails to load, then shows the broken-image placeholder', async () => {
    const storage = stubGalleryApi({ 'local-cat-photos': ['corrupt.jpg', 'fine.jpg'] });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    fireEvent.error(await within(view.region()).findByRole('img', { name: 'corrupt.jpg' }));
    await waitFor(() => expect(img(view.region(), 'corrupt.jpg')?.getAttribute('src')).toContain('sig2'));
    fireEvent.error(img(view.region(), 'corrupt.jpg') ?? new Image());
    const button = within(view.region()).getByRole('button', { name: 'corrupt.jpg' });
    expect(await within(button).findByText('Image unavailable')).toBeInTheDocument();
    expect(within(button).queryByRole('img')).toBeNull();
    expect(storage.signCalls.filter((key) => key === 'corrupt.jpg')).toHaveLength(2);
    expect(img(view.region(), 'fine.jpg')).not.toBeNull();
  });
});
