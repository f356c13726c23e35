import type { Locator, Page } from 'playwright-core';
import { SEED_OBJECTS, type SeedGallery } from '../../../local/seed/manifest';

/** The galleries as a user sees them: a region named after each. */
export const GALLERY_NAMES: Record<SeedGallery, string> = { cat: 'Cat photos', dog: 'Dog photos' };

export function galleryRegion(page: Page, gallery: SeedGallery, name = GALLERY_NAMES[gallery]): Locator {
  return page.getByRole('region', { name, exact: true });
}

/** The seeded image keys of one gallery, in S3's listing order (UTF-8 bytes); non-images left out. */
export function seededImageKeys(gallery: SeedGallery): string[] {
  return SEED_OBJECTS.filter((o) => o.gallery === gallery && o.contentType.startsWith('image/'))
    .map((o) => o.key)
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

export function seededObjectCount(gallery: SeedGallery): number {
  return SEED_OBJECTS.filter((o) => o.gallery === gallery).length;
}

/** Polls until `check` holds, or fails with the message and the last value seen. */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!check(last)) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  return last;
}

/**
 * Signs in on the English sign-in screen, as a user types it, ending with Enter in the password field: an
 * ended-session alert may be showing its own "Sign in" button beside the form's (the specs that need the
 * form's button click it themselves).
 */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in to your account' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
}

export interface ThumbnailView {
  alt: string;
  loaded: boolean;
  /** The access key id that signed the presigned URL (X-Amz-Credential), or '' if none. */
  accessKeyId: string;
}

/** The images a gallery shows right now: which loaded (decoded, naturalWidth > 0) and which key signed them. */
export function thumbnails(region: Locator): Promise<ThumbnailView[]> {
  return region.getByRole('img').evaluateAll((images) =>
    images.map((node) => {
      const image = node as HTMLImageElement;
      const credential =
        new URL(image.currentSrc || image.src, location.href).searchParams.get('X-Amz-Credential') ?? '';
      return {
        alt: image.alt,
        loaded: image.complete && image.naturalWidth > 0,
        accessKeyId: credential.split('/')[0] ?? '',
      };
    }),
  );
}

/**
 * Waits until the gallery shows at least `min` images and every one of them has loaded — signed with
 * `accessKeyId` when given (the credentials of a renewal).
 */
export async function waitForThumbnails(
  region: Locator,
  {
    min = 1,
    accessKeyId,
    timeoutMs = 30_000,
  }: { min?: number; accessKeyId?: string; timeoutMs?: number } = {},
): Promise<ThumbnailView[]> {
  return until(
    `${min}+ loaded thumbnails${accessKeyId ? ` signed by …${accessKeyId.slice(-4)}` : ''}`,
    () => thumbnails(region),
    (views) =>
      views.length >= min &&
      views.every((v) => v.loaded && (accessKeyId === undefined || v.accessKeyId === accessKeyId)),
    timeoutMs,
  );
}

/** The image in the open viewer dialog: loaded, and signed by which key. */
export async function viewerImage(page: Page): Promise<ThumbnailView> {
  const [view] = await thumbnails(page.getByRole('dialog'));
  return view ?? { alt: '', loaded: false, accessKeyId: '' };
}

/** Whether this element has the keyboard focus. */
export function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element === document.activeElement);
}
