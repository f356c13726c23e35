import { render, screen, within, type RenderResult } from '@testing-library/react';
import { Gallery, type GalleryProps } from '../../../../src/features/gallery/components/Gallery';

export interface RenderedGallery extends RenderResult {
  region: () => HTMLElement;
  viewport: () => HTMLElement;
  rerenderWith: (props: Partial<GalleryProps>) => void;
}

/** Renders one Gallery as the shell does and returns handles a user could find (its region, its grid). */
export function renderGallery(props: GalleryProps, name = 'Cat photos'): RenderedGallery {
  let current = props;
  const result = render(<Gallery {...current} />);
  const region = () => screen.getByRole('region', { name });
  return {
    ...result,
    region,
    viewport: () => within(region()).getByTestId(`gallery-viewport-${current.gallery.id}`),
    rerenderWith: (next) => {
      current = { ...current, ...next };
      result.rerender(<Gallery {...current} />);
    },
  };
}
