import { list } from 'aws-amplify/storage';
import type { GalleryConfig } from '../../../lib/config/galleryConfig';
import { toGalleryError, type GalleryError } from './galleryError';

export interface ListedObject {
  key: string;
  size?: number;
  /** Known only when the source provides it; ListObjectsV2 itself does not. */
  contentType?: string;
}

export interface ListPage {
  objects: ListedObject[];
  nextToken?: string;
}

export type ListResult = { ok: true; page: ListPage } | { ok: false; error: GalleryError };

export interface ListImagesInput {
  gallery: GalleryConfig;
  pageSize: number;
  nextToken?: string;
}

/**
 * One ListObjectsV2 page of a gallery's bucket through Amplify Storage `list` (its `bucket` option takes
 * the bucket name and region directly, so galleries need no entry in `Storage.S3.buckets`).
 * `path: ''` lists the whole bucket; the continuation token is passed through as `nextToken`.
 */
export async function listImages({ gallery, pageSize, nextToken }: ListImagesInput): Promise<ListResult> {
  try {
    const output = await list({
      path: '',
      options: {
        bucket: { bucketName: gallery.bucket, region: gallery.region },
        pageSize,
        nextToken,
      },
    });
    const objects = output.items.map((item) => ({
      key: item.path,
      size: item.size,
      contentType: item.contentType,
    }));
    return { ok: true, page: { objects, nextToken: output.nextToken } };
  } catch (error) {
    return { ok: false, error: toGalleryError(error) };
  }
}
