import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Gallery } from '../../../src/features/gallery/components/Gallery';
import { requestLog } from '../../../src/lib/requestLog/requestLog';
import { buildGallery } from './support/builders';
import { installBrowserDoubles, removeBrowserDoubles, stubGalleryApi } from './support/stubGalleryApi';

vi.mock('../../../src/features/gallery/api/listImages', () => ({ listImages: vi.fn() }));
vi.mock('../../../src/features/gallery/api/signImageUrl', () => ({ signImageUrl: vi.fn() }));
vi.mock('../../../src/features/gallery/api/currentAccessKeyId', () => ({ currentAccessKeyId: vi.fn() }));

const cat = buildGallery({ id: 'cat' });
const dog = buildGallery({ id: 'dog' });
const KEY = 'ASIAONEIDENTITYKEY42';

beforeEach(() => {
  installBrowserDoubles();
  requestLog.clear();
});
afterEach(removeBrowserDoubles);

function renderBoth() {
  render(
    <>
      <Gallery gallery={cat} paused={false} renewalCount={0} />
      <Gallery gallery={dog} paused={false} renewalCount={0} />
    </>,
  );
  return {
    cat: screen.getByRole('region', { name: 'Cat photos' }),
    dog: screen.getByRole('region', { name: 'Dog photos' }),
  };
}

describe("the galleries' request log", () => {
  it('records each ListObjectsV2 and image load with the masked key of the credentials that served it', async () => {
    stubGalleryApi({ 'local-cat-photos': ['tabby.jpg'], 'local-dog-photos': ['rex.png'] }, KEY);
    const regions = renderBoth();
    fireEvent.load(await within(regions.cat).findByRole('img', { name: 'tabby.jpg' }));
    fireEvent.load(await within(regions.dog).findByRole('img', { name: 'rex.png' }));

    const entries = requestLog.getSnapshot();
    const summary = entries.map(({ galleryId, bucket, operation, accessKey, result }) => ({
      galleryId,
      bucket,
      operation,
      accessKey,
      result,
    }));
    expect(summary).toEqual(
      expect.arrayContaining([
        {
          galleryId: 'cat',
          bucket: 'local-cat-photos',
          operation: 'ListObjectsV2',
          accessKey: '••••EY42',
          result: 'ok',
        },
        {
          galleryId: 'dog',
          bucket: 'local-dog-photos',
          operation: 'ListObjectsV2',
          accessKey: '••••EY42',
          result: 'ok',
        },
        {
          galleryId: 'cat',
          bucket: 'local-cat-photos',
          operation: 'GetObject (presigned URL)',
          accessKey: '••••EY42',
          result: 'ok',
        },
        {
          galleryId: 'dog',
          bucket: 'local-dog-photos',
          operation: 'GetObject (presigned URL)',
          accessKey: '••••EY42',
          result: 'ok',
        },
      ]),
    );
    expect(entries).toHaveLength(4);
    // Only the last 4 characters are ever kept.
    expect(JSON.stringify(entries)).not.toContain(KEY.slice(0, -4));
  });

  it('records the error code of a failed listing and of an image that would not load', async () => {
    const storage = stubGalleryApi({ 'local-cat-photos': ['tabby.jpg'] }, KEY);
    storage.failNextList('local-cat-photos', { kind: 'sessionExpired', code: 'ExpiredToken' });
    render(<Gallery gallery={cat} paused={false} renewalCount={0} />);
    const region = screen.getByRole('region', { name: 'Cat photos' });
    fireEvent.click(await within(region).findByRole('button', { name: 'Retry' }));
    fireEvent.error(await within(region).findByRole('img', { name: 'tabby.jpg' }));
    await waitFor(() => expect(requestLog.getSnapshot()).toHaveLength(3));
    expect(requestLog.getSnapshot().map((entry) => [entry.operation, entry.result])).toEqual([
      ['GetObject (presigned URL)', 'ImageLoadFailed'],
      ['ListObjectsV2', 'ok'],
      ['ListObjectsV2', 'ExpiredToken'],
    ]);
  });

  it('takes an image request’s key from its presigned URL, so a renewal shows up as a new key', async () => {
    const storage = stubGalleryApi({ 'local-cat-photos': ['tabby.jpg'] }, KEY);
    const { rerender } = render(<Gallery gallery={cat} paused={false} renewalCount={0} />);
    const region = screen.getByRole('region', { name: 'Cat photos' });
    fireEvent.load(await within(region).findByRole('img', { name: 'tabby.jpg' }));
    storage.setAccessKeyId('ASIARENEWEDIDENTITY7');
    rerender(<Gallery gallery={cat} paused={false} renewalCount={1} />);
    await waitFor(() =>
      expect(within(region).getByRole('img', { name: 'tabby.jpg' })).toHaveAttribute(
        'src',
        expect.stringContaining('RENEWED'),
      ),
    );
    fireEvent.load(within(region).getByRole('img', { name: 'tabby.jpg' }));
    expect(requestLog.getSnapshot()[0]).toMatchObject({
      operation: 'GetObject (presigned URL)',
      accessKey: '••••ITY7',
    });
  });
});
