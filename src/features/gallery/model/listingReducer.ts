import type { GalleryError } from '../api/galleryError';
import type { ListedObject, ListPage } from '../api/listImages';
import { isImageObject } from './imageFilter';

/**
 * The listing state machine of one gallery, as a pure reducer:
 * idle → loading → ready (more pages may follow) | error (retry goes back to loading).
 * Pages already listed survive a later page's error, a pause and a retry.
 */
export interface ListingState {
  phase: 'idle' | 'loading' | 'ready' | 'error';
  /** Image objects only, in listing order. */
  images: ListedObject[];
  /** Every object seen, images or not (shown as a count, and tells "empty" from "no images"). */
  listedCount: number;
  pagesLoaded: number;
  /** True once S3 answered without a continuation token. */
  complete: boolean;
  error?: GalleryError;
}

export type ListingAction =
  | { type: 'request' }
  | { type: 'success'; page: ListPage }
  | { type: 'failure'; error: GalleryError }
  | { type: 'reset' };

export const initialListingState: ListingState = {
  phase: 'idle',
  images: [],
  listedCount: 0,
  pagesLoaded: 0,
  complete: false,
};

export function listingReducer(state: ListingState, action: ListingAction): ListingState {
  switch (action.type) {
    case 'request':
      return { ...state, phase: 'loading', error: undefined };
    case 'success': {
      const newImages = action.page.objects.filter(isImageObject);
      return {
        phase: 'ready',
        images: newImages.length > 0 ? [...state.images, ...newImages] : state.images,
        listedCount: state.listedCount + action.page.objects.length,
        pagesLoaded: state.pagesLoaded + 1,
        complete: action.page.nextToken === undefined,
      };
    }
    case 'failure':
      return { ...state, phase: 'error', error: action.error };
    case 'reset':
      return initialListingState;
  }
}
