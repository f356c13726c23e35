import { describe, expect, it } from 'vitest';
import { toGalleryError } from '../../../src/features/gallery/api/galleryError';
import { accessKeyFromPresignedUrl } from '../../../src/features/gallery/model/accessKeyFromPresignedUrl';
import { computeGridWindow, scrollTopToReveal } from '../../../src/features/gallery/model/gridWindow';
import { isImageObject } from '../../../src/features/gallery/model/imageFilter';
import { literalKeyPath, needsLiteralPath } from '../../../src/features/gallery/model/literalKeyPath';
import { initialListingState, listingReducer } from '../../../src/features/gallery/model/listingReducer';
import { createSignedUrlCache } from '../../../src/features/gallery/model/signedUrlCache';
import { buildGallery, buildObject, buildPage, buildSignedUrl } from './support/builders';

/** An error shaped as Amplify Storage throws it: the S3 `<Code>` (or Amplify's own name) in `name`. */
function amplifyError(name: string, message = name): Error {
  return Object.assign(new Error(message), { name });
}

describe('toGalleryError', () => {
  it.each([
    ['AccessDenied', 'accessDenied'],
    ['ExpiredToken', 'sessionExpired'],
    ['InvalidAccessKeyId', 'sessionExpired'],
    ['NoCredentials', 'sessionExpired'],
    ['NetworkError', 'network'],
    ['NoSuchBucket', 'noSuchBucket'],
    ['SlowDown', 'unavailable'],
    ['503', 'unavailable'],
    ['SignatureDoesNotMatch', 'unknown'],
  ])('%s → %s, keeping the code', (name, kind) => {
    expect(toGalleryError(amplifyError(name))).toEqual({ kind, code: name });
  });

  it('treats a fetch that never reached the server as a network error', () => {
    expect(toGalleryError(new TypeError('Failed to fetch'))).toEqual({
      kind: 'network',
      code: 'NetworkError',
    });
  });

  it('copes with things that are not errors', () => {
    expect(toGalleryError('boom')).toEqual({ kind: 'unknown', code: 'UnknownError' });
    expect(toGalleryError(undefined)).toEqual({ kind: 'unknown', code: 'UnknownError' });
  });
});

describe('isImageObject', () => {
  it('goes by extension, case-insensitively, and by content type where known', () => {
    expect(isImageObject(buildObject('a/b/c.JPG'))).toBe(true);
    expect(isImageObject(buildObject('c.jpg.txt'))).toBe(false);
    expect(isImageObject(buildObject('folder.png/'))).toBe(false);
    expect(isImageObject(buildObject('.png'))).toBe(true);
    expect(isImageObject(buildObject('x.png', { contentType: 'application/octet-stream' }))).toBe(false);
    expect(isImageObject(buildObject('x.png', { contentType: 'IMAGE/PNG' }))).toBe(true);
  });
});

describe('listingReducer', () => {
  it('appends filtered pages, completes without a token, and keeps pages through an error', () => {
    let state = listingReducer(initialListingState, { type: 'request' });
    state = listingReducer(state, { type: 'success', page: buildPage(['a.jpg', 'b.txt'], 't1') });
    expect(state).toMatchObject({ phase: 'ready', listedCount: 2, pagesLoaded: 1, complete: false });
    state = listingReducer(listingReducer(state, { type: 'request' }), {
      type: 'failure',
      error: { kind: 'network', code: 'NetworkError' },
    });
    expect(state.images.map((o) => o.key)).toEqual(['a.jpg']);
    state = listingReducer(listingReducer(state, { type: 'request' }), {
      type: 'success',
      page: buildPage(['c.png']),
    });
    expect(state).toMatchObject({ phase: 'ready', complete: true, listedCount: 3 });
    expect(state.error).toBeUndefined();
    expect(state.images.map((o) => o.key)).toEqual(['a.jpg', 'c.png']);
  });
});

describe('computeGridWindow', () => {
  const base = { tileWidth: 100, tileHeight: 100, overscanRows: 2, viewportWidth: 450, viewportHeight: 300 };

  it('renders the visible rows plus overscan, clamped to the grid', () => {
    expect(computeGridWindow({ ...base, itemCount: 20_000, scrollTop: 0 })).toEqual({
      columns: 4,
      rowCount: 5000,
      totalHeight: 500_000,
      firstRow: 0,
      lastRow: 5,
    });
    expect(computeGridWindow({ ...base, itemCount: 20_000, scrollTop: 250_050 })).toMatchObject({
      firstRow: 2498,
      lastRow: 2505,
    });
    expect(computeGridWindow({ ...base, itemCount: 20_000, scrollTop: 499_700 })).toMatchObject({
      lastRow: 4999,
    });
  });

  it('has at least one column and renders nothing for no items', () => {
    const window = computeGridWindow({ ...base, viewportWidth: 10, itemCount: 0, scrollTop: 0 });
    expect(window.columns).toBe(1);
    expect(window.lastRow).toBeLessThan(window.firstRow);
  });

  it('scrolls only as far as needed to reveal an item', () => {
    expect(scrollTopToReveal(0, 4, 100, 0, 300)).toBe(0);
    expect(scrollTopToReveal(40, 4, 100, 0, 300)).toBe(800);
    expect(scrollTopToReveal(4, 4, 100, 500, 300)).toBe(100);
    expect(scrollTopToReveal(24, 4, 100, 500, 300)).toBe(500);
  });
});

describe('signed URL cache', () => {
  const gallery = buildGallery();

  it('is bounded, least recently used first, and never returns a URL about to expire', () => {
    const cache = createSignedUrlCache(2);
    const now = 1_000_000;
    cache.set('a', buildSignedUrl(gallery, 'a', { expiresAt: now + 600_000 }));
    cache.set('b', buildSignedUrl(gallery, 'b', { expiresAt: now + 600_000 }));
    expect(cache.get('a', now)).toBeDefined();
    cache.set('c', buildSignedUrl(gallery, 'c', { expiresAt: now + 600_000 }));
    expect(cache.size).toBe(2);
    expect(cache.get('b', now)).toBeUndefined();
    expect(cache.get('a', now + 570_000)).toBeUndefined();
  });
});

describe('accessKeyFromPresignedUrl', () => {
  it('reads the key id from X-Amz-Credential', () => {
    const { url } = buildSignedUrl(buildGallery(), 'a b.jpg', { accessKeyId: 'ASIAXYZ0001' });
    expect(accessKeyFromPresignedUrl(url)).toBe('ASIAXYZ0001');
    expect(accessKeyFromPresignedUrl('https://example.com/a.jpg')).toBeUndefined();
    expect(accessKeyFromPresignedUrl('not a url')).toBeUndefined();
  });
});

describe('literalKeyPath', () => {
  it.each(['a/../b.png', '/leading.png', './dot/./slash.png', 'x/..', '..', '.', '//double.png'])(
    '%j needs its own path',
    (key) => {
      expect(needsLiteralPath(key)).toBe(true);
    },
  );

  it.each(['cat/tama.png', '.hidden.png', '..backup/x.png', 'a..b/c.png', 'trailing/', 'a//b.png'])(
    '%j is left to Amplify',
    (key) => {
      expect(needsLiteralPath(key)).toBe(false);
    },
  );

  it('encodes the key as one segment that a URL parser keeps and S3 decodes back to the key', () => {
    for (const key of [
      'a/../b.png',
      '/leading.png',
      './dot/./slash.png',
      "../it's (1)*!.png",
      '猫/../ä 1+1.png',
    ]) {
      const path = literalKeyPath(key) ?? '';
      expect(path).not.toContain('/');
      const url = new URL(`https://bucket.s3.ap-northeast-1.amazonaws.com/${path}`);
      expect(decodeURIComponent(url.pathname.slice(1))).toBe(key);
    }
    expect(literalKeyPath("a/../(it's)*!")).toBe('a%2F..%2F%28it%27s%29%2A%21');
  });

  it('gives up on the two keys no URL path can carry', () => {
    expect(literalKeyPath('.')).toBeUndefined();
    expect(literalKeyPath('..')).toBeUndefined();
  });
});
