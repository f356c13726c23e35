import type { ListedObject } from '../api/listImages';

const IMAGE_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'gif', 'webp', 'avif']);

/**
 * Which listed objects the gallery shows. ListObjectsV2 returns no content type, so the extension decides;
 * when a content type is known it must agree (an `image/*` type, or none). A folder marker (`photos/`) or
 * a key such as `notes.txt` is skipped. A type that lies about the bytes is caught later by the `<img>`
 * failing to decode, which shows the broken-image placeholder.
 */
export function isImageObject(object: ListedObject): boolean {
  if (object.key.endsWith('/')) return false;
  const dot = object.key.lastIndexOf('.');
  if (dot < 0) return false;
  const extension = object.key.slice(dot + 1).toLowerCase();
  if (!IMAGE_EXTENSIONS.has(extension)) return false;
  return object.contentType === undefined || object.contentType.toLowerCase().startsWith('image/');
}
