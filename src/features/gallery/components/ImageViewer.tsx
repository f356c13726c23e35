import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import type { GalleryConfig } from '../../../lib/config/galleryConfig';
import { t } from '../../../lib/i18n/translate';
import type { ListedObject } from '../api/listImages';
import { useSignedImage } from '../hooks/useSignedImage';
import type { SignedUrlCache } from '../model/signedUrlCache';
import { ImageFrame } from './ImageFrame';

interface ImageViewerProps {
  gallery: GalleryConfig;
  label: string;
  images: ListedObject[];
  index: number;
  paused: boolean;
  renewalCount: number;
  cache: SignedUrlCache;
  onNavigate: (index: number) => void;
  onClose: () => void;
}

/**
 * A modal dialog with one image large. ←/→ move through the listed images, Escape closes, Tab stays inside;
 * the gallery returns focus to the thumbnail on close. Rendered in a portal so no ancestor's overflow or
 * stacking context can clip it.
 */
export function ImageViewer({
  gallery,
  label,
  images,
  index,
  paused,
  renewalCount,
  cache,
  onNavigate,
  onClose,
}: ImageViewerProps) {
  const objectKey = images[index]?.key ?? '';
  const image = useSignedImage({ gallery, objectKey, paused, renewalCount, cache });
  const dialogRef = useRef<HTMLDivElement | null>(null);
  const closeRef = useRef<HTMLButtonElement | null>(null);
  const titleId = useId();
  const hasPrevious = index > 0;
  const hasNext = index < images.length - 1;

  useEffect(() => {
    closeRef.current?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    switch (event.key) {
      case 'Escape':
        onClose();
        break;
      case 'ArrowLeft':
        if (hasPrevious) onNavigate(index - 1);
        break;
      case 'ArrowRight':
        if (hasNext) onNavigate(index + 1);
        break;
      case 'Tab':
        if (!wrapFocus(event.shiftKey, dialogRef.current)) return;
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return createPortal(
    <div
      className="gallery-viewer-backdrop"
      onClick={(event) => event.target === event.currentTarget && onClose()}
    >
      <div
        ref={dialogRef}
        className="gallery-viewer"
        role="dialog"
        aria-modal="true"
        // Focusable itself, so a click on the image keeps focus (and the keyboard) inside the dialog.
        tabIndex={-1}
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <header className="gallery-viewer-header">
          <h3 id={titleId} dir="auto">
            {objectKey}
          </h3>
          <span>
            {label} · {t('gallery.viewer.position', { position: index + 1, total: images.length })}
          </span>
        </header>
        <ImageFrame image={image} alt={objectKey} className="gallery-viewer-image" />
        <div className="gallery-viewer-actions">
          <button type="button" onClick={() => onNavigate(index - 1)} disabled={!hasPrevious}>
            {t('gallery.viewer.previous')}
          </button>
          <button type="button" onClick={() => onNavigate(index + 1)} disabled={!hasNext}>
            {t('gallery.viewer.next')}
          </button>
          <button type="button" ref={closeRef} onClick={onClose}>
            {t('gallery.viewer.close')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** Keeps Tab inside the dialog: from the last button back to the first (and Shift+Tab the other way). */
function wrapFocus(backwards: boolean, dialog: HTMLDivElement | null): boolean {
  const focusable = dialog ? [...dialog.querySelectorAll<HTMLButtonElement>('button:not([disabled])')] : [];
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!dialog || !first || !last) return false;
  const current = document.activeElement;
  const outside = !dialog.contains(current);
  if (backwards && (current === first || outside)) last.focus();
  else if (!backwards && (current === last || outside)) first.focus();
  else return false;
  return true;
}
