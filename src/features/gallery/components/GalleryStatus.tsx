import { t } from '../../../lib/i18n/translate';
import type { GalleryError } from '../api/galleryError';
import type { ListingState } from '../model/listingReducer';

interface GalleryStatusProps {
  state: ListingState;
  paused: boolean;
  onRetry: () => void;
}

/** The words under a gallery's heading: loading, empty, paused, or the error with a Retry. */
export function GalleryStatus({ state, paused, onRetry }: GalleryStatusProps) {
  const { phase, images, listedCount, pagesLoaded, complete, error } = state;
  // An expired session while paused is the banner's news, and the listing retries by itself on renewal.
  const waitingForRenewal = paused && error?.kind === 'sessionExpired';
  if (phase === 'error' && error && !waitingForRenewal)
    return <ErrorNotice error={error} onRetry={onRetry} />;
  return (
    <p className="gallery-status" role="status">
      {activityText(phase, paused, pagesLoaded)}
      {phase === 'ready' && complete && images.length === 0 ? t('gallery.status.empty') : ''}
      {pagesLoaded > 0 && images.length > 0 ? (
        <span className="gallery-count">
          {t(complete ? 'gallery.status.count' : 'gallery.status.countMore', {
            images: images.length,
            objects: listedCount,
          })}
        </span>
      ) : null}
    </p>
  );
}

function activityText(phase: ListingState['phase'], paused: boolean, pagesLoaded: number): string {
  // Paused before anything was listed: the session is still starting (or not yet renewed).
  if (phase === 'idle' || (phase === 'loading' && pagesLoaded === 0)) return t('gallery.status.loading');
  if (paused) return t('gallery.status.paused');
  return phase === 'loading' ? t('gallery.status.loadingMore') : '';
}

function ErrorNotice({ error, onRetry }: { error: GalleryError; onRetry: () => void }) {
  return (
    <div className="gallery-error" role="alert">
      <p>{t(`gallery.error.${error.kind}`)}</p>
      <p className="gallery-error-code">{t('gallery.error.code', { code: error.code })}</p>
      <button type="button" onClick={onRetry}>
        {t('gallery.action.retry')}
      </button>
    </div>
  );
}
