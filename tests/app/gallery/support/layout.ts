import { fireEvent } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * jsdom does no layout: every clientWidth/clientHeight is 0 and scrollTop does not move. These helpers
 * give the galleries' scroll containers a size and a scroll position, as a browser would.
 */
export interface ViewportSize {
  width: number;
  height: number;
}

export function setViewportSize({ width, height }: ViewportSize): void {
  const isViewport = (element: HTMLElement) => element.classList.contains('gallery-viewport');
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockImplementation(function (this: HTMLElement) {
    return isViewport(this) ? width : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return isViewport(this) ? height : 0;
  });
}

/** Scrolls a gallery's container to `scrollTop` and fires the scroll event the browser would. */
export function scrollViewport(viewport: HTMLElement, scrollTop: number): void {
  Object.defineProperty(viewport, 'scrollTop', { configurable: true, writable: true, value: scrollTop });
  fireEvent.scroll(viewport);
}
