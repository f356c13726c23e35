import { useEffect, useRef, type RefObject } from 'react';

export interface SentinelOptions {
  /** The scroll container the sentinel lives in (the observer's root). */
  root: RefObject<HTMLElement | null>;
  sentinel: RefObject<HTMLElement | null>;
  /** Observe only while a next page may be fetched (not paused, not loading, not complete). */
  enabled: boolean;
  onVisible: () => void;
  /** How far ahead of the viewport the next page is requested. */
  rootMargin?: string;
}

/** Whether the browser can drive infinite scroll; where it cannot, the gallery shows a "Load more" button. */
export const canObserveIntersections = (): boolean => typeof IntersectionObserver !== 'undefined';

/**
 * Calls `onVisible` when the sentinel at the end of the grid comes near the viewport. The observer is
 * re-created each time it is re-enabled (after every page): a new observer reports the sentinel's current
 * state at once, so a page that added few images (most objects were not images) leads straight to the
 * next one instead of waiting for a scroll that never changes the intersection.
 */
export function useLoadMoreSentinel({
  root,
  sentinel,
  enabled,
  onVisible,
  rootMargin = '0px 0px 800px 0px',
}: SentinelOptions): void {
  const callback = useRef(onVisible);
  useEffect(() => {
    callback.current = onVisible;
  }, [onVisible]);

  useEffect(() => {
    const target = sentinel.current;
    if (!enabled || !target || !canObserveIntersections()) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) callback.current();
      },
      { root: root.current, rootMargin },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [enabled, root, sentinel, rootMargin]);
}
