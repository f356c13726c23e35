import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildGallery } from './support/builders';
import { renderGallery } from './support/renderGallery';
import { installBrowserDoubles, removeBrowserDoubles, stubGalleryApi } from './support/stubGalleryApi';

vi.mock('../../../src/features/gallery/api/listImages', () => ({ listImages: vi.fn() }));
vi.mock('../../../src/features/gallery/api/signImageUrl', () => ({ signImageUrl: vi.fn() }));
vi.mock('../../../src/features/gallery/api/currentAccessKeyId', () => ({ currentAccessKeyId: vi.fn() }));

const cat = buildGallery({ id: 'cat' });
const injection = '<img src=x onerror=alert(1)>.png';

beforeEach(installBrowserDoubles);
afterEach(removeBrowserDoubles);

describe('object keys are data, never markup', () => {
  it('shows the injection key as text and creates no element from it', async () => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const storage = stubGalleryApi({
      'local-cat-photos': [injection, '<script>alert(2)</script>.jpg', 'safe.jpg'],
    });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    const button = await within(view.region()).findByRole('button', { name: injection });

    expect(within(button).getByText(injection)).toBeInTheDocument();
    expect(within(view.region()).getByText('<script>alert(2)</script>.jpg')).toBeInTheDocument();
    // The only <img> elements are the three thumbnails, each with the key as its alt text.
    await waitFor(() => expect(view.container.querySelectorAll('img')).toHaveLength(3));
    const images = view.container.querySelectorAll('img');
    expect([...images].map((img) => img.getAttribute('alt'))).toEqual([
      injection,
      '<script>alert(2)</script>.jpg',
      'safe.jpg',
    ]);
    expect(view.container.querySelector('img[src="x"]')).toBeNull();
    expect(view.container.querySelector('[onerror]')).toBeNull();
    expect(document.querySelectorAll('script')).toHaveLength(0);
    // The key reaches getUrl unchanged (Amplify encodes it when signing).
    expect(storage.signCalls).toContain(injection);
    expect(alert).not.toHaveBeenCalled();
  });

  it.each([
    ['Japanese', '猫/三毛猫のたま.jpg'],
    ['emoji', '🐱 sleepy 😴.png'],
    ['right-to-left', 'قطة صغيرة.webp'],
    ['percent', '100% cat %2F not-a-slash.jpg'],
    ['plus and spaces', 'a+b c++.gif'],
    ['quotes', `it's "fluffy".jpeg`],
    ['path-like', '../../etc/passwd.png'],
    ['very long', `${'long-'.repeat(200)}.jpg`],
  ])('shows a %s key exactly as listed', async (_kind, key) => {
    const storage = stubGalleryApi({ 'local-cat-photos': [key] });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    const button = await within(view.region()).findByRole('button', { name: key });
    expect(await within(button).findByRole('img', { name: key })).toBeInTheDocument();
    const caption = within(button).getByText(key);
    expect(caption).toHaveAttribute('dir', 'auto');
    expect(caption).toHaveAttribute('title', key);
    expect(storage.signCalls).toEqual([key]);
  });

  it('opens the viewer for an odd key with the key as its name', async () => {
    stubGalleryApi({ 'local-cat-photos': ['🐱 قطة %+.png'] });
    const view = renderGallery({ gallery: cat, paused: false, renewalCount: 0 });
    (await within(view.region()).findByRole('button', { name: '🐱 قطة %+.png' })).click();
    expect(await screen.findByRole('dialog', { name: '🐱 قطة %+.png' })).toBeInTheDocument();
  });
});
