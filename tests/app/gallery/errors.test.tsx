import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Gallery } from '../../../src/features/gallery/components/Gallery';
import { setLanguage } from '../../../src/lib/i18n/translate';
import type { GalleryError } from '../../../src/features/gallery/api/galleryError';
import { buildGallery, imageKeys } from './support/builders';
import { FakeIntersectionObserver } from './support/intersectionObserverDouble';
import { renderGallery } from './support/renderGallery';
import { installBrowserDoubles, removeBrowserDoubles, stubGalleryApi } from './support/stubGalleryApi';

vi.mock('../../../src/features/gallery/api/listImages', () => ({ listImages: vi.fn() }));
vi.mock('../../../src/features/gallery/api/signImageUrl', () => ({ signImageUrl: vi.fn() }));
vi.mock('../../../src/features/gallery/api/currentAccessKeyId', () => ({ currentAccessKeyId: vi.fn() }));

const cat = buildGallery({ id: 'cat' });
const dog = buildGallery({ id: 'dog' });
const accessDenied: GalleryError = { kind: 'accessDenied', code: 'AccessDenied' };

beforeEach(installBrowserDoubles);
afterEach(removeBrowserDoubles);

describe('Gallery errors', () => {
  it.each<[GalleryError, string]>([
    [accessDenied, 'You do not have access to this bucket.'],
    [{ kind: 'sessionExpired', code: 'ExpiredToken' }, 'Your session has expired'],
    [{ kind: 'network', code: 'NetworkError' }, 'The network is unreachable.'],
    [{ kind: 'noSuchBucket', code: 'NoSuchBucket' }, 'This bucket does not exist.'],
  ])('names %j in plain words, and Retry lists again', async (error, words) => {
    const storage = stubGalleryApi({ 'local-cat-photos': ['a.jpg'] });
    storage.failNextList('local-cat-photos', error);
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    const alert = await within(view.region()).findByRole('alert');
    expect(alert).toHaveTextContent(words);
    expect(alert).toHaveTextContent(`Error code: ${error.code}`);

    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(view.region()).findByRole('button', { name: 'a.jpg' })).toBeInTheDocument();
    expect(within(view.region()).queryByRole('alert')).not.toBeInTheDocument();
    expect(storage.listCalls).toHaveLength(2);
  });

  it('keeps the pages it has when a later page fails, and Retry continues from the same token', async () => {
    const storage = stubGalleryApi({ 'local-cat-photos': imageKeys(150) });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    await within(view.region()).findByText(/100 images so far/);
    storage.failNextList('local-cat-photos', { kind: 'unavailable', code: 'SlowDown' });
    FakeIntersectionObserver.intersect(view.viewport());
    const alert = await within(view.region()).findByRole('alert');
    expect(alert).toHaveTextContent('busy or unavailable');
    expect(within(view.region()).getByRole('button', { name: 'photo-00000.jpg' })).toBeInTheDocument();

    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(view.region()).findByText('150 images (150 objects listed)')).toBeInTheDocument();
    expect(storage.listCalls.map((call) => call.nextToken)).toEqual([undefined, '100', '100']);
  });

  it('one failing gallery leaves the other browsing', async () => {
    const storage = stubGalleryApi({
      'local-cat-photos': ['tabby.jpg'],
      'local-dog-photos': ['rex.jpg', 'fido.png'],
    });
    storage.failNextList('local-cat-photos', accessDenied);
    render(
      <>
        <Gallery gallery={cat} paused={false} renewalCount={0} />
        <Gallery gallery={dog} paused={false} renewalCount={0} />
      </>,
    );
    const catRegion = screen.getByRole('region', { name: 'Cat photos' });
    const dogRegion = screen.getByRole('region', { name: 'Dog photos' });
    expect(await within(catRegion).findByRole('alert')).toHaveTextContent(
      'You do not have access to this bucket.',
    );
    expect(await within(dogRegion).findByRole('button', { name: 'fido.png' })).toBeInTheDocument();
    expect(within(dogRegion).queryByRole('alert')).not.toBeInTheDocument();

    await userEvent.click(within(dogRegion).getByRole('button', { name: 'rex.jpg' }));
    expect(screen.getByRole('dialog', { name: 'rex.jpg' })).toBeInTheDocument();
  });

  it('retries a listing that failed for lack of a session once the session is renewed', async () => {
    const storage = stubGalleryApi({ 'local-cat-photos': ['a.jpg'] });
    storage.failNextList('local-cat-photos', { kind: 'sessionExpired', code: 'ExpiredToken' });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    await within(view.region()).findByRole('alert');
    view.rerenderWith({ paused: true });
    // While paused the banner explains; the gallery just waits (no Retry that could do nothing).
    expect(within(view.region()).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(view.region()).getByRole('status')).toHaveTextContent(
      'Paused until the session is renewed.',
    );
    expect(storage.listCalls).toHaveLength(1);
    view.rerenderWith({ paused: false, renewalCount: 1 });
    expect(await within(view.region()).findByRole('button', { name: 'a.jpg' })).toBeInTheDocument();
    expect(storage.listCalls).toHaveLength(2);
  });

  it('does not retry "no access" by itself after a renewal (only the Retry button does)', async () => {
    const storage = stubGalleryApi({ 'local-cat-photos': ['a.jpg'] });
    storage.failNextList('local-cat-photos', accessDenied);
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    await within(view.region()).findByRole('alert');
    view.rerenderWith({ renewalCount: 1 });
    await Promise.resolve();
    expect(within(view.region()).getByRole('alert')).toBeInTheDocument();
    expect(storage.listCalls).toHaveLength(1);
  });
});

describe('Gallery in Japanese', () => {
  it('names the gallery and its errors in Japanese', async () => {
    setLanguage('ja');
    const storage = stubGalleryApi({ 'local-cat-photos': [] });
    storage.failNextList('local-cat-photos', accessDenied);
    renderGallery({ gallery: cat, paused: false, renewalCount: 0 }, '猫の写真');
    const alert = await within(screen.getByRole('region', { name: '猫の写真' })).findByRole('alert');
    expect(alert).toHaveTextContent('このバケットへのアクセス権がありません。');
    expect(within(alert).getByRole('button', { name: '再試行' })).toBeInTheDocument();
  });
});
