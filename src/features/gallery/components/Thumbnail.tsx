import type { CSSProperties } from 'react';
import type { GalleryConfig } from '../../../lib/config/galleryConfig';
import { useSignedImage } from '../hooks/useSignedImage';
import type { SignedUrlCache } from '../model/signedUrlCache';
import { ImageFrame } from './ImageFrame';

interface ThumbnailProps {
  gallery: GalleryConfig;
  objectKey: string;
  index: number;
  total: number;
  paused: boolean;
  renewalCount: number;
  cache: SignedUrlCache;
  style: CSSProperties;
  onOpen: (index: number) => void;
  buttonRef: (index: number, element: HTMLButtonElement | null) => void;
}

/**
 * One tile of the grid: a fixed-size box (nothing jumps while the image loads) and the key as a caption.
 * The key is only ever React text or an attribute value, so a key like `<img onerror=…>` stays text.
 * `dir="auto"` keeps right-to-left keys from reordering the caption around them.
 */
export function Thumbnail({
  gallery,
  objectKey,
  index,
  total,
  paused,
  renewalCount,
  cache,
  style,
  onOpen,
  buttonRef,
}: ThumbnailProps) {
  const image = useSignedImage({ gallery, objectKey, paused, renewalCount, cache });
  return (
    <li className="gallery-tile" style={style} aria-setsize={total} aria-posinset={index + 1}>
      <button
        type="button"
        className="gallery-tile-button"
        aria-label={objectKey}
        data-index={index}
        ref={(element) => buttonRef(index, element)}
        onClick={() => onOpen(index)}
      >
        <ImageFrame image={image} alt={objectKey} className="gallery-thumb" lazy />
        <span className="gallery-caption" dir="auto" title={objectKey}>
          {objectKey}
        </span>
      </button>
    </li>
  );
}
