import { t } from '../../../lib/i18n/translate';
import type { SignedImage } from '../hooks/useSignedImage';

interface ImageFrameProps {
  image: SignedImage;
  alt: string;
  className: string;
  /** Thumbnails load lazily; the viewer's large image loads at once. */
  lazy?: boolean;
}

/**
 * The box an image sits in: the <img> once a URL is signed, otherwise a placeholder with a word for why
 * (broken, or waiting for the session). No <img> exists without a URL, so nothing is requested early.
 */
export function ImageFrame({ image, alt, className, lazy = false }: ImageFrameProps) {
  const showImage = image.url !== undefined && (image.status === 'loading' || image.status === 'loaded');
  return (
    <span className={`${className} gallery-frame`} data-status={image.status}>
      {showImage ? (
        <img
          src={image.url}
          alt={alt}
          loading={lazy ? 'lazy' : 'eager'}
          decoding="async"
          onLoad={image.onLoad}
          onError={image.onError}
        />
      ) : (
        <span className="gallery-placeholder" aria-hidden={image.status === 'signing'}>
          {image.status === 'broken'
            ? t('gallery.image.broken')
            : image.status === 'waiting'
              ? t('gallery.image.waiting')
              : ''}
        </span>
      )}
    </span>
  );
}
