import { configure } from '@testing-library/react';
import { vi } from 'vitest';
import { currentAccessKeyId } from '../../../../src/features/gallery/api/currentAccessKeyId';
import { listImages } from '../../../../src/features/gallery/api/listImages';
import { signImageUrl } from '../../../../src/features/gallery/api/signImageUrl';
import { createFakeStorage, type FakeStorage } from './fakeStorage';
import { installIntersectionObserver } from './intersectionObserverDouble';
import { setViewportSize } from './layout';

/**
 * Points the gallery's api/ seam at a fake storage. Each test file must declare the seam mocked itself
 * (vi.mock is hoisted per file):
 *
 *   vi.mock('../../../src/features/gallery/api/listImages', () => ({ listImages: vi.fn() }));
 *   vi.mock('../../../src/features/gallery/api/signImageUrl', () => ({ signImageUrl: vi.fn() }));
 *   vi.mock('../../../src/features/gallery/api/currentAccessKeyId', () => ({ currentAccessKeyId: vi.fn() }));
 */
export function stubGalleryApi(
  buckets: Parameters<typeof createFakeStorage>[0],
  accessKeyId = 'ASIATESTACCESSKEY001',
): FakeStorage {
  const storage = createFakeStorage(buckets);
  storage.setAccessKeyId(accessKeyId);
  vi.mocked(listImages).mockImplementation(storage.listImages);
  vi.mocked(signImageUrl).mockImplementation(storage.signImageUrl);
  vi.mocked(currentAccessKeyId).mockResolvedValue(accessKeyId);
  return storage;
}

// The machine running the suite is shared and busy: give async expectations (and whole tests, whose
// default limit is 5 s) room before they fail. Nothing here sleeps; these are only upper bounds.
configure({ asyncUtilTimeout: 5000 });
vi.setConfig({ testTimeout: 30_000 });

/** What a browser would provide: an IntersectionObserver and a laid-out 4 × 3-tile scroll container. */
export function installBrowserDoubles(): void {
  installIntersectionObserver();
  setViewportSize({ width: 4 * 168, height: 3 * 196 });
}

export function removeBrowserDoubles(): void {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
}
