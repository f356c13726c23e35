import { useCallback, useId, useMemo, useState } from 'react';
import type { GalleryConfig } from '../../../lib/config/galleryConfig';
import { registerVocabularies, t } from '../../../lib/i18n/translate';
import { useGalleryListing } from '../hooks/useGalleryListing';
import { canObserveIntersections } from '../hooks/useLoadMoreSentinel';
import { galleryLabel } from '../model/galleryLabel';
import { createSignedUrlCache } from '../model/signedUrlCache';
import { galleryVocabulary } from '../vocabulary';
import { GalleryGrid, type FocusRequest } from './GalleryGrid';
import { GalleryStatus } from './GalleryStatus';
import { ImageViewer } from './ImageViewer';
import './Gallery.css';

registerVocabularies(galleryVocabulary);

export interface GalleryProps {
  gallery: GalleryConfig;
  /** True while the session is expired: no request is made; pages, scroll position and viewer stay. */
  paused: boolean;
  /** Increments on every session renewal: thumbnails are signed again with the new credentials. */
  renewalCount: number;
}

/**
 * One bucket's gallery: a region landmark named after it, its listing state, the virtualised grid and the
 * viewer. Each gallery owns its state, so one failing (no access, missing bucket) leaves the others alone.
 */
export function Gallery({ gallery, paused, renewalCount }: GalleryProps) {
  const { id, bucket, region } = gallery;
  // A stable object: the shell may pass a fresh one on every render, which must not re-sign anything.
  const config = useMemo<GalleryConfig>(() => ({ id, bucket, region }), [id, bucket, region]);
  const label = galleryLabel(id);
  const headingId = useId();
  const { state, loadMore, retry } = useGalleryListing(config, paused, renewalCount);
  const [cache] = useState(() => createSignedUrlCache());
  const [viewerIndex, setViewerIndex] = useState<number | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);

  const closeViewer = useCallback(() => {
    if (viewerIndex !== null) setFocusRequest({ index: viewerIndex });
    setViewerIndex(null);
  }, [viewerIndex]);

  const canLoadMore = !paused && state.phase === 'ready' && !state.complete;
  const showGrid = state.pagesLoaded > 0;

  return (
    <section className="gallery" aria-labelledby={headingId} data-gallery={id}>
      <header className="gallery-header">
        <h2 id={headingId}>{label}</h2>
        <GalleryStatus state={state} paused={paused} onRetry={retry} />
      </header>
      {showGrid ? (
        <GalleryGrid
          gallery={config}
          label={label}
          images={state.images}
          paused={paused}
          renewalCount={renewalCount}
          cache={cache}
          canLoadMore={canLoadMore}
          onLoadMore={loadMore}
          onOpen={setViewerIndex}
          focusRequest={focusRequest}
        />
      ) : null}
      {canLoadMore && !canObserveIntersections() ? (
        <button type="button" className="gallery-load-more" onClick={loadMore}>
          {t('gallery.action.loadMore')}
        </button>
      ) : null}
      {viewerIndex !== null ? (
        <ImageViewer
          gallery={config}
          label={label}
          images={state.images}
          index={viewerIndex}
          paused={paused}
          renewalCount={renewalCount}
          cache={cache}
          onNavigate={setViewerIndex}
          onClose={closeViewer}
        />
      ) : null}
    </section>
  );
}
