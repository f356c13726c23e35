import { getUrl } from 'aws-amplify/storage';
import type { GalleryConfig } from '../../../lib/config/galleryConfig';
import { toFetchableUrl } from '../../../lib/storage/toFetchableUrl';
import { toGalleryError, type GalleryError } from './galleryError';
import { onServerTime } from './serverTimeSignature';

export interface SignedUrl {
  url: string;
  /** Epoch ms: min(expiresIn, the signing credentials' remaining life), as Amplify computes it. */
  expiresAt: number;
}

export type SignResult = { ok: true; signed: SignedUrl } | { ok: false; error: GalleryError };

/**
 * A presigned GetObject URL for one object. `getUrl` signs locally (no request) as long as
 * `validateObjectExistence` stays off — turning it on would add a HEAD per thumbnail.
 * A device clock far off the server's gets the URL signed again on the server's time (`onServerTime`).
 * The URL goes through `toFetchableUrl`, which points it at the emulator in local mode.
 */
export async function signImageUrl(gallery: GalleryConfig, key: string): Promise<SignResult> {
  try {
    const result = await getUrl({
      path: key,
      options: { bucket: { bucketName: gallery.bucket, region: gallery.region } },
    });
    const { url, expiresAt } = await onServerTime(
      { url: result.url, expiresAt: result.expiresAt.getTime() },
      gallery.region,
    );
    return { ok: true, signed: { url: toFetchableUrl(url), expiresAt } };
  } catch (error) {
    return { ok: false, error: toGalleryError(error) };
  }
}
