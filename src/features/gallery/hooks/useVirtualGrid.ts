import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { computeGridWindow, scrollTopToReveal, type GridWindow } from '../model/gridWindow';

export interface VirtualGridOptions {
  itemCount: number;
  tileWidth: number;
  tileHeight: number;
  overscanRows?: number;
}

export interface VirtualGrid extends GridWindow {
  viewportRef: RefObject<HTMLDivElement | null>;
  onScroll: () => void;
  /** Scrolls the viewport so the item's row is visible (no-op when it already is). */
  reveal: (index: number) => void;
}

interface Viewport {
  width: number;
  height: number;
  scrollTop: number;
}

// Before the first layout (or where there is none) assume a modest viewport rather than render nothing.
const FALLBACK = { width: 640, height: 480 };

function measure(element: HTMLDivElement): Viewport {
  return {
    width: element.clientWidth || FALLBACK.width,
    height: element.clientHeight || FALLBACK.height,
    scrollTop: element.scrollTop,
  };
}

/**
 * A small windowing hook for a grid of fixed-size tiles in its own scroll container: only rows near the
 * viewport are rendered, so a 20,000-image gallery keeps a few dozen elements in the DOM. Scroll events
 * update state only when the first visible row changes, not on every pixel.
 */
export function useVirtualGrid({
  itemCount,
  tileWidth,
  tileHeight,
  overscanRows = 2,
}: VirtualGridOptions): VirtualGrid {
  const viewportRef = useRef<HTMLDivElement | null>(null);
  const [viewport, setViewport] = useState<Viewport>({ ...FALLBACK, scrollTop: 0 });

  const update = useCallback(
    (next: Viewport) => {
      setViewport((current) => {
        const sameRow =
          Math.floor(current.scrollTop / tileHeight) === Math.floor(next.scrollTop / tileHeight);
        if (sameRow && current.width === next.width && current.height === next.height) return current;
        return next;
      });
    },
    [tileHeight],
  );

  useLayoutEffect(() => {
    const element = viewportRef.current;
    if (!element) return;
    update(measure(element));
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => update(measure(element)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [update]);

  const onScroll = useCallback(() => {
    const element = viewportRef.current;
    if (element) update(measure(element));
  }, [update]);

  const grid = computeGridWindow({
    itemCount,
    viewportWidth: viewport.width,
    viewportHeight: viewport.height,
    scrollTop: viewport.scrollTop,
    tileWidth,
    tileHeight,
    overscanRows,
  });

  const { columns } = grid;
  const reveal = useCallback(
    (index: number) => {
      const element = viewportRef.current;
      if (!element) return;
      const current = measure(element);
      const scrollTop = scrollTopToReveal(index, columns, tileHeight, current.scrollTop, current.height);
      if (scrollTop === current.scrollTop) return;
      element.scrollTop = scrollTop;
      // Set state directly as well: the scroll event comes a frame later (and never where there is no layout).
      update({ ...current, scrollTop });
    },
    [columns, tileHeight, update],
  );

  return { ...grid, viewportRef, onScroll, reveal };
}
