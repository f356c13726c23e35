import { t } from '../../../lib/i18n/translate';
import type { GalleryError } from '../api/galleryError';
import type { ListingState } from '../model/listingReducer';
import { format } from '../model/format';

interface GalleryStatusProps {
  state: ListingState;
  paused: boolean;
  onRetry: () => void;
}

/** The words under a gallery's heading: loading, empty, paused, or the error with a Retry. */
export function GalleryStatus({ state, paused, onRetry }: GalleryStatusProps) {
  const { phase, images, listedCount, pagesLoaded, complete, error } = state;
  if (phase === 'error' && error) return <ErrorNotice error={error} onRetry={onRetry} />;
  return (
    <p className="gallery-status" role="status">
      {paused ? t('gallery.status.paused') : phase === 'loading' ? loadingText(pagesLoaded) : ''}
      {phase === 'ready' && complete && images.length === 0 ? t('gallery.status.empty') : ''}
      {pagesLoaded > 0 && images.length > 0 ? (
        <span className="gallery-count">
          {format(complete ? 'gallery.status.count' : 'gallery.status.countMore', {
            images: images.length,
            objects: listedCount,
          })}
        </span>
      ) : null}
    </p>
  );
}

function loadingText(pagesLoaded: number): string {
  return t(pagesLoaded === 0 ? 'gallery.status.loading' : 'gallery.status.loadingMore');
}

function ErrorNotice({ error, onRetry }: { error: GalleryError; onRetry: () => void }) {
  return (
    <div className="gallery-error" role="alert">
      <p>{t(`gallery.error.${error.kind}`)}</p>
      <p className="gallery-error-code">{format('gallery.error.code', { code: error.code })}</p>
      <button type="button" onClick={onRetry}>
        {t('gallery.action.retry')}
      </button>
    </div>
  );
}
