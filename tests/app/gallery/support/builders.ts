import type { GalleryConfig } from '../../../../src/lib/config/galleryConfig';
import type { ListedObject, ListPage } from '../../../../src/features/gallery/api/listImages';
import type { SignedUrl } from '../../../../src/features/gallery/api/signImageUrl';

/** Typed builders for the gallery tests' data. */
export function buildGallery(overrides: Partial<GalleryConfig> = {}): GalleryConfig {
  const id = overrides.id ?? 'cat';
  return { id, bucket: `local-${id}-photos`, region: 'ap-northeast-1', ...overrides };
}

export function buildObject(key: string, overrides: Partial<ListedObject> = {}): ListedObject {
  return { key, size: 1024, ...overrides };
}

export function buildPage(keys: readonly string[], nextToken?: string): ListPage {
  return { objects: keys.map((key) => buildObject(key)), nextToken };
}

/** `count` image keys named like the emulator's generated objects (`prefix-00001.jpg`…). */
export function imageKeys(count: number, prefix = 'photo', start = 0): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(start + i).padStart(5, '0')}.jpg`);
}

export interface SignedUrlOptions {
  accessKeyId?: string;
  /** Different values give different URLs for the same key, as a new signature would. */
  version?: number;
  expiresAt?: number;
}

/** A presigned URL shaped like Amplify's: the access key id in `X-Amz-Credential`. */
export function buildSignedUrl(
  gallery: GalleryConfig,
  key: string,
  options: SignedUrlOptions = {},
): SignedUrl {
  const { accessKeyId = 'ASIATESTACCESSKEY001', version = 1, expiresAt = Date.now() + 900_000 } = options;
  const url = new URL(`https://${gallery.bucket}.s3.${gallery.region}.amazonaws.com/`);
  url.pathname = `/${key.split('/').map(encodeURIComponent).join('/')}`;
  url.searchParams.set('X-Amz-Algorithm', 'AWS4-HMAC-SHA256');
  url.searchParams.set('X-Amz-Credential', `${accessKeyId}/20260101/${gallery.region}/s3/aws4_request`);
  url.searchParams.set('X-Amz-Signature', `sig${version}`);
  return { url: url.toString(), expiresAt };
}
