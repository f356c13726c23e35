import { getUrl } from 'aws-amplify/storage';
import type { GalleryConfig } from '../../../lib/config/galleryConfig';
import { toFetchableUrl } from '../../../lib/storage/toFetchableUrl';
import { literalKeyPath, needsLiteralPath } from '../model/literalKeyPath';
import { toGalleryError, type GalleryError } from './galleryError';
import { onServerTime, signedAgain, type PresignedUrl } from './serverTimeSignature';

export interface SignedUrl {
  url: string;
  /** Epoch ms: min(expiresIn, the signing credentials' remaining life), as Amplify computes it. */
  expiresAt: number;
}

export type SignResult = { ok: true; signed: SignedUrl } | { ok: false; error: GalleryError };

/**
 * Stands in for a key Amplify cannot put in a URL (`needsLiteralPath`): its URL gives the endpoint and the
 * bucket's part of the path (virtual-hosted or path-style, as Amplify chose), and only the key is replaced.
 */
const STAND_IN_KEY = '_';

/**
 * A presigned GetObject URL for one object. `getUrl` signs locally (no request) as long as
 * `validateObjectExistence` stays off — turning it on would add a HEAD per thumbnail.
 * A key Amplify would mangle (`a/../b.png`) or refuse (`/leading.png`) gets its literal path and a new
 * signature; a device clock far off the server's gets the URL signed again on the server's time.
 * The URL goes through `toFetchableUrl`, which points it at the emulator in local mode.
 */
export async function signImageUrl(gallery: GalleryConfig, key: string): Promise<SignResult> {
  try {
    const literal = needsLiteralPath(key);
    const path = literal ? literalKeyPath(key) : key;
    if (path === undefined) return { ok: false, error: { kind: 'unknown', code: 'UnaddressableKey' } };
    const result = await getUrl({
      path: literal ? STAND_IN_KEY : key,
      options: { bucket: { bucketName: gallery.bucket, region: gallery.region } },
    });
    const presigned: PresignedUrl = { url: result.url, expiresAt: result.expiresAt.getTime() };
    const { url, expiresAt } = literal
      ? await signedAgain(withKeyPath(presigned, path), gallery.region)
      : await onServerTime(presigned, gallery.region);
    return { ok: true, signed: { url: toFetchableUrl(url), expiresAt } };
  } catch (error) {
    return { ok: false, error: toGalleryError(error) };
  }
}

function withKeyPath(presigned: PresignedUrl, encodedKey: string): PresignedUrl {
  const url = new URL(presigned.url);
  url.pathname = url.pathname.slice(0, -STAND_IN_KEY.length) + encodedKey;
  return { ...presigned, url };
}
