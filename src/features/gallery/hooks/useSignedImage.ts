import { useCallback, useEffect, useRef, useState } from 'react';
import type { GalleryConfig } from '../../../lib/config/galleryConfig';
import { requestLog } from '../../../lib/requestLog/requestLog';
import { signImageUrl } from '../api/signImageUrl';
import { accessKeyFromPresignedUrl } from '../model/accessKeyFromPresignedUrl';
import type { SignedUrlCache } from '../model/signedUrlCache';

/**
 * `signing` → `loading` (an <img> with this URL is in the DOM) → `loaded` | `broken`.
 * `waiting`: paused before the image had loaded; no <img> is rendered, so the browser sends nothing.
 */
export type SignedImageStatus = 'waiting' | 'signing' | 'loading' | 'loaded' | 'broken';

export interface SignedImage {
  status: SignedImageStatus;
  url?: string;
  onLoad: () => void;
  onError: () => void;
}

interface ImageState {
  objectKey: string;
  status: SignedImageStatus;
  url?: string;
}

interface Options {
  gallery: GalleryConfig;
  objectKey: string;
  paused: boolean;
  renewalCount: number;
  cache: SignedUrlCache;
}

/**
 * A presigned URL for one image, with the two re-signing rules of presigned URLs: they die with the
 * credentials that signed them, so a renewal (`renewalCount`) signs again, and a failed load signs again
 * once (the URL may simply have outlived its credentials) before showing the broken-image placeholder.
 * Cache entries are keyed by renewal, so a URL from before a renewal is never reused.
 */
export function useSignedImage({ gallery, objectKey, paused, renewalCount, cache }: Options): SignedImage {
  // The state names the key it belongs to, so the viewer moving to another image never shows the last one.
  const [state, setState] = useState<ImageState>({ objectKey, status: 'signing' });
  const resigned = useRef(false);
  const cacheKey = `${renewalCount}\n${objectKey}`;

  const sign = useCallback(
    async (fresh: boolean): Promise<string | undefined> => {
      const cached = fresh ? undefined : cache.get(cacheKey, Date.now());
      if (cached) return cached.url;
      const result = await signImageUrl(gallery, objectKey);
      if (!result.ok) return undefined;
      cache.set(cacheKey, result.signed);
      return result.signed.url;
    },
    [cache, cacheKey, gallery, objectKey],
  );

  useEffect(() => {
    if (paused) {
      // Keep an image that already loaded; drop one still loading so no request is made while paused.
      setState((current) => (isLoaded(current, objectKey) ? current : { objectKey, status: 'waiting' }));
      return;
    }
    let active = true;
    resigned.current = false;
    setState((current) => (isLoaded(current, objectKey) ? current : { objectKey, status: 'signing' }));
    void sign(false).then((url) => {
      if (!active) return;
      // The same URL as the image already shown fires no new load event: keep it as loaded.
      setState((current) =>
        isLoaded(current, objectKey) && current.url === url
          ? current
          : url
            ? { objectKey, status: 'loading', url }
            : { objectKey, status: 'broken' },
      );
    });
    return () => {
      active = false;
    };
  }, [paused, sign, objectKey]);

  const log = useCallback(
    (url: string | undefined, result: string) =>
      requestLog.record({
        galleryId: gallery.id,
        bucket: gallery.bucket,
        operation: 'GetObject (presigned URL)',
        accessKeyId: url ? accessKeyFromPresignedUrl(url) : undefined,
        result,
      }),
    [gallery.id, gallery.bucket],
  );

  const onLoad = useCallback(() => {
    log(state.url, 'ok');
    setState((current) => ({ ...current, status: 'loaded' }));
  }, [log, state.url]);

  const onError = useCallback(() => {
    const failedUrl = state.url;
    // The browser does not expose S3's error code for an <img>; the log says only that it failed.
    log(failedUrl, 'ImageLoadFailed');
    if (resigned.current || paused) {
      setState({ objectKey, status: 'broken' });
      return;
    }
    resigned.current = true;
    cache.delete(cacheKey);
    void sign(true).then((url) => {
      // The same URL again (same credentials, same second) would fail the same way: give up at once.
      setState(
        url && url !== failedUrl ? { objectKey, status: 'loading', url } : { objectKey, status: 'broken' },
      );
    });
  }, [cache, cacheKey, log, objectKey, paused, sign, state.url]);

  if (state.objectKey !== objectKey) return { status: 'signing', onLoad, onError };
  return { status: state.status, url: state.url, onLoad, onError };
}

function isLoaded(state: ImageState, objectKey: string): boolean {
  return state.objectKey === objectKey && state.status === 'loaded' && state.url !== undefined;
}
