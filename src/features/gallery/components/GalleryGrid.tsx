import { useCallback, useLayoutEffect, useRef } from 'react';
import type { GalleryConfig } from '../../../lib/config/galleryConfig';
import type { ListedObject } from '../api/listImages';
import { useLoadMoreSentinel } from '../hooks/useLoadMoreSentinel';
import { useVirtualGrid } from '../hooks/useVirtualGrid';
import type { SignedUrlCache } from '../model/signedUrlCache';
import { Thumbnail } from './Thumbnail';

/** Tile size in CSS pixels (box plus gap); fixed, so the grid's geometry is known without measuring tiles. */
export const TILE = { width: 168, height: 196 };

export interface FocusRequest {
  index: number;
}

interface GalleryGridProps {
  gallery: GalleryConfig;
  label: string;
  images: ListedObject[];
  paused: boolean;
  renewalCount: number;
  cache: SignedUrlCache;
  canLoadMore: boolean;
  onLoadMore: () => void;
  onOpen: (index: number) => void;
  /** Set when the viewer closes: scroll that thumbnail into view and focus it. */
  focusRequest: FocusRequest | null;
}

/**
 * The virtualised grid in its own scroll container. Only rows near the viewport are in the DOM; a sentinel
 * at the end of the full-height spacer asks for the next page as it comes near. Because the container is
 * never unmounted while the gallery pauses, its scroll position and pages survive an expired session.
 */
export function GalleryGrid(props: GalleryGridProps) {
  const {
    gallery,
    label,
    images,
    paused,
    renewalCount,
    cache,
    canLoadMore,
    onLoadMore,
    onOpen,
    focusRequest,
  } = props;
  const grid = useVirtualGrid({ itemCount: images.length, tileWidth: TILE.width, tileHeight: TILE.height });
  const sentinelRef = useRef<HTMLDivElement | null>(null);
  useLoadMoreSentinel({
    root: grid.viewportRef,
    sentinel: sentinelRef,
    enabled: canLoadMore,
    onVisible: onLoadMore,
  });

  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const buttonRef = useCallback((index: number, element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(index, element);
    else buttons.current.delete(index);
  }, []);

  // Focus return, in two renders: reveal the row (which may render it), then focus its button.
  const pendingFocus = useRef<number | null>(null);
  const { reveal } = grid;
  useLayoutEffect(() => {
    if (!focusRequest) return;
    pendingFocus.current = focusRequest.index;
    reveal(focusRequest.index);
  }, [focusRequest, reveal]);
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    const button = index === null ? undefined : buttons.current.get(index);
    if (button) {
      button.focus();
      pendingFocus.current = null;
    }
  });

  const tiles = [];
  for (let row = grid.firstRow; row <= grid.lastRow; row++) {
    for (let column = 0; column < grid.columns; column++) {
      const index = row * grid.columns + column;
      const image = images[index];
      // Index keys: the list only ever grows at the end, and two equal keys from a misbehaving source
      // must not make React warn.
      if (!image) break;
      tiles.push(
        <Thumbnail
          key={index}
          gallery={gallery}
          objectKey={image.key}
          index={index}
          total={images.length}
          paused={paused}
          renewalCount={renewalCount}
          cache={cache}
          style={{ transform: `translate(${column * TILE.width}px, ${row * TILE.height}px)` }}
          onOpen={onOpen}
          buttonRef={buttonRef}
        />,
      );
    }
  }

  return (
    <div
      className="gallery-viewport"
      ref={grid.viewportRef}
      onScroll={grid.onScroll}
      data-testid={`gallery-viewport-${gallery.id}`}
    >
      <div className="gallery-spacer" style={{ height: grid.totalHeight }}>
        <ul className="gallery-grid" aria-label={label}>
          {tiles}
        </ul>
        <div
          className="gallery-sentinel"
          ref={sentinelRef}
          style={{ top: Math.max(0, grid.totalHeight - 1) }}
          aria-hidden="true"
        />
      </div>
    </div>
  );
}
