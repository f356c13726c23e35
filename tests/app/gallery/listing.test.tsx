import { render, screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Gallery } from '../../../src/features/gallery/components/Gallery';
import { buildGallery, buildObject, imageKeys } from './support/builders';
import { FakeIntersectionObserver } from './support/intersectionObserverDouble';
import { renderGallery } from './support/renderGallery';
import { installBrowserDoubles, removeBrowserDoubles, stubGalleryApi } from './support/stubGalleryApi';

vi.mock('../../../src/features/gallery/api/listImages', () => ({ listImages: vi.fn() }));
vi.mock('../../../src/features/gallery/api/signImageUrl', () => ({ signImageUrl: vi.fn() }));
vi.mock('../../../src/features/gallery/api/currentAccessKeyId', () => ({ currentAccessKeyId: vi.fn() }));

const cat = buildGallery({ id: 'cat' });

beforeEach(installBrowserDoubles);
afterEach(removeBrowserDoubles);

describe('Gallery listing', () => {
  it('is a region named after its gallery, and shows the loading state until the first page arrives', async () => {
    const { release } = stubGalleryApi({ 'local-cat-photos': ['a.jpg'] }).holdLists();
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    expect(within(view.region()).getByRole('heading', { name: 'Cat photos' })).toBeInTheDocument();
    expect(within(view.region()).getByRole('status')).toHaveTextContent('Loading images…');
    release();
    expect(await within(view.region()).findByRole('button', { name: 'a.jpg' })).toBeInTheDocument();
  });

  it('names a gallery without a vocabulary label by its id', async () => {
    stubGalleryApi({ 'local-birds-photos': [] });
    renderGallery({ gallery: buildGallery({ id: 'birds' }), paused: false, renewalCount: 0 }, 'birds');
    expect(await screen.findByText('This bucket has no images.')).toBeInTheDocument();
  });

  it('shows image objects only, by extension and (where known) content type', async () => {
    stubGalleryApi({
      'local-cat-photos': [
        'tabby.jpg',
        'kitten.JPEG',
        'sleepy.png',
        'anim.gif',
        'modern.webp',
        'tiny.avif',
        'notes.txt',
        'photos/',
        'README',
        'archive.jpg.zip',
        buildObject('lies.png', { contentType: 'text/html' }),
        buildObject('typed.webp', { contentType: 'image/webp' }),
      ],
    });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    await within(view.region()).findByRole('button', { name: 'tabby.jpg' });
    const shown = within(view.region())
      .getAllByRole('listitem')
      .map((item) => within(item).getByRole('button').getAttribute('aria-label'));
    expect(shown).toEqual([
      'tabby.jpg',
      'kitten.JPEG',
      'sleepy.png',
      'anim.gif',
      'modern.webp',
      'tiny.avif',
      'typed.webp',
    ]);
    expect(within(view.region()).getByRole('status')).toHaveTextContent('7 images (12 objects listed)');
  });

  it('shows an empty state for a bucket with objects but no images', async () => {
    stubGalleryApi({ 'local-cat-photos': ['a.txt', 'b.pdf'] });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    expect(await within(view.region()).findByText('This bucket has no images.')).toBeInTheDocument();
    expect(within(view.region()).queryByRole('listitem')).not.toBeInTheDocument();
  });

  it('lists one page at first and the next page (with the continuation token) when the end scrolls into view', async () => {
    const fake = stubGalleryApi({ 'local-cat-photos': imageKeys(250) });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    await within(view.region()).findByText(/100 images so far/);
    expect(fake.listCalls).toHaveLength(1);
    expect(fake.listCalls[0]).toMatchObject({ pageSize: 100, nextToken: undefined });

    expect(FakeIntersectionObserver.intersect(view.viewport())).toBe(1);
    await within(view.region()).findByText(/200 images so far/);
    expect(fake.listCalls).toHaveLength(2);
    expect(fake.listCalls[1]?.nextToken).toBe('100');

    // The observer is re-created after each page; nothing more is fetched until it reports the end again.
    await waitFor(() => expect(FakeIntersectionObserver.watching(view.viewport())).toBe(1));
    expect(fake.listCalls).toHaveLength(2);
    FakeIntersectionObserver.intersect(view.viewport());
    await within(view.region()).findByText('250 images (250 objects listed)');
    expect(fake.listCalls.map((call) => call.nextToken)).toEqual([undefined, '100', '200']);
    // Complete: no observer is left watching, so no further ListObjectsV2 can be sent.
    await waitFor(() => expect(FakeIntersectionObserver.watching(view.viewport())).toBe(0));
  });

  it('keeps going while a page adds no images and the end is still in view', async () => {
    const keys = [
      ...imageKeys(3, 'first'),
      ...Array.from({ length: 200 }, (_, i) => `log-${i}.txt`),
      ...imageKeys(2, 'last'),
    ];
    const fake = stubGalleryApi({ 'local-cat-photos': keys });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    await within(view.region()).findByText(/3 images so far/);
    // A freshly created observer reports the sentinel at once: a browser would say "intersecting".
    FakeIntersectionObserver.intersect(view.viewport());
    await waitFor(() => expect(fake.listCalls).toHaveLength(2));
    await waitFor(() => expect(FakeIntersectionObserver.watching(view.viewport())).toBe(1));
    FakeIntersectionObserver.intersect(view.viewport());
    expect(await within(view.region()).findByRole('button', { name: 'last-00001.jpg' })).toBeInTheDocument();
    expect(fake.listCalls).toHaveLength(3);
  });

  it('sends one ListObjectsV2 per page even when intersections arrive in a burst', async () => {
    const fake = stubGalleryApi({ 'local-cat-photos': imageKeys(300) });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    await within(view.region()).findByText(/100 images so far/);
    FakeIntersectionObserver.intersect(view.viewport());
    FakeIntersectionObserver.intersect(view.viewport());
    FakeIntersectionObserver.intersect(view.viewport());
    await within(view.region()).findByText(/200 images so far/);
    expect(fake.listCalls).toHaveLength(2);
  });
});

describe('Gallery under React StrictMode', () => {
  it('sends a single ListObjectsV2 for the first page although effects run twice', async () => {
    const storage = stubGalleryApi({ 'local-cat-photos': imageKeys(3) });
    render(
      <StrictMode>
        <Gallery gallery={cat} paused={false} renewalCount={0} />
      </StrictMode>,
    );
    expect(await screen.findByRole('button', { name: 'photo-00002.jpg' })).toBeInTheDocument();
    expect(storage.listCalls).toHaveLength(1);
  });
});
