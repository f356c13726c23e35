import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { GalleryConfig } from '../../../lib/config/galleryConfig';
import { requestLog } from '../../../lib/requestLog/requestLog';
import { currentAccessKeyId } from '../api/currentAccessKeyId';
import type { GalleryErrorKind } from '../api/galleryError';
import { listImages } from '../api/listImages';
import { initialListingState, listingReducer, type ListingState } from '../model/listingReducer';

export const PAGE_SIZE = 100;

/** Errors worth retrying by themselves once the session is back; "no access" is not one of them. */
const RETRY_ON_RESUME: ReadonlySet<GalleryErrorKind> = new Set(['sessionExpired', 'network', 'unavailable']);

export interface GalleryListing {
  state: ListingState;
  /** Next page, when the user scrolls near the end; ignored while paused, busy or complete. */
  loadMore: () => void;
  retry: () => void;
}

/**
 * Lists a gallery page by page. One request at a time (a ref, not state, guards it, so React StrictMode's
 * repeated effects and a scroll burst cannot send a duplicate ListObjectsV2); nothing is sent while
 * `paused`; after a renewal or a resume, a listing that failed for lack of a session retries by itself.
 */
export function useGalleryListing(
  gallery: GalleryConfig,
  paused: boolean,
  renewalCount: number,
): GalleryListing {
  const [state, dispatch] = useReducer(listingReducer, initialListingState);
  const inFlight = useRef(false);
  // The continuation token belongs to the loader: it is written only when a page arrives.
  const cursor = useRef<{ nextToken?: string; complete: boolean }>({ complete: false });
  const pausedRef = useRef(paused);
  useEffect(() => {
    pausedRef.current = paused;
  }, [paused]);

  const fetchPage = useCallback(async () => {
    if (pausedRef.current || inFlight.current || cursor.current.complete) return;
    inFlight.current = true;
    dispatch({ type: 'request' });
    // Looked up first: it makes sure credentials are cached before Storage asks for them (see the api file).
    const accessKeyId = await currentAccessKeyId();
    const result = await listImages({ gallery, pageSize: PAGE_SIZE, nextToken: cursor.current.nextToken });
    requestLog.record({
      galleryId: gallery.id,
      bucket: gallery.bucket,
      operation: 'ListObjectsV2',
      accessKeyId,
      result: result.ok ? 'ok' : result.error.code,
    });
    inFlight.current = false;
    if (result.ok) {
      cursor.current = { nextToken: result.page.nextToken, complete: result.page.nextToken === undefined };
      dispatch({ type: 'success', page: result.page });
    } else {
      dispatch({ type: 'failure', error: result.error });
    }
  }, [gallery]);

  // First page, once not paused.
  useEffect(() => {
    if (state.phase === 'idle' && !paused) void fetchPage();
  }, [state.phase, paused, fetchPage]);

  // Resume: a renewal, or the end of a pause, retries a listing that failed for a temporary reason.
  const resumeMarks = useRef({ renewalCount, paused });
  useEffect(() => {
    const previous = resumeMarks.current;
    resumeMarks.current = { renewalCount, paused };
    const resumed = renewalCount !== previous.renewalCount || (previous.paused && !paused);
    if (
      resumed &&
      !paused &&
      state.phase === 'error' &&
      state.error &&
      RETRY_ON_RESUME.has(state.error.kind)
    ) {
      void fetchPage();
    }
  }, [renewalCount, paused, state.phase, state.error, fetchPage]);

  const loadMore = useCallback(() => {
    if (state.phase === 'ready') void fetchPage();
  }, [state.phase, fetchPage]);

  const retry = useCallback(() => {
    void fetchPage();
  }, [fetchPage]);

  return { state, loadMore, retry };
}
