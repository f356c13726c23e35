import type { SignedUrl } from '../api/signImageUrl';

/** Reuse a URL only while it has at least this long to live, so an image never starts loading as it dies. */
const MIN_REMAINING_MS = 60_000;

export interface SignedUrlCache {
  get(key: string, now: number): SignedUrl | undefined;
  set(key: string, signed: SignedUrl): void;
  delete(key: string): void;
  clear(): void;
  readonly size: number;
}

/**
 * A bounded, least-recently-used cache of presigned URLs. Scrolling back past thumbnails reuses their URLs
 * (no re-signing, and the browser's image cache can serve them), while a 20,000-object bucket never holds
 * 20,000 URLs of ~1.5 KB each: memory stays flat however far the user scrolls.
 */
export function createSignedUrlCache(capacity = 500): SignedUrlCache {
  // A Map iterates in insertion order; re-inserting on read makes its first entry the least recently used.
  const entries = new Map<string, SignedUrl>();
  return {
    get(key, now) {
      const signed = entries.get(key);
      if (!signed) return undefined;
      entries.delete(key);
      if (signed.expiresAt - now < MIN_REMAINING_MS) return undefined;
      entries.set(key, signed);
      return signed;
    },
    set(key, signed) {
      entries.delete(key);
      entries.set(key, signed);
      if (entries.size > capacity) {
        const oldest = entries.keys().next();
        if (!oldest.done) entries.delete(oldest.value);
      }
    },
    delete(key) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
