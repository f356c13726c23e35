import type { GalleryError } from '../../../../src/features/gallery/api/galleryError';
import type {
  ListedObject,
  ListImagesInput,
  ListResult,
} from '../../../../src/features/gallery/api/listImages';
import type { SignResult } from '../../../../src/features/gallery/api/signImageUrl';
import type { GalleryConfig } from '../../../../src/lib/config/galleryConfig';
import { buildObject, buildSignedUrl } from './builders';

/**
 * An in-memory stand-in for the gallery's api/ seam: buckets listed page by page with a continuation
 * token (honouring the requested page size, as S3 does), presigned URLs that change on every signing,
 * and failures queued per bucket. Only the seam is faked; the Gallery under test is the real one.
 */
export interface FakeStorage {
  listImages(input: ListImagesInput): Promise<ListResult>;
  signImageUrl(gallery: GalleryConfig, key: string): Promise<SignResult>;
  /** Every list call, in order. */
  readonly listCalls: ListImagesInput[];
  /** Every key signed, in order. */
  readonly signCalls: string[];
  failNextList(bucket: string, error: GalleryError): void;
  /** Holds list answers until `release()` (to observe the loading state, or pause mid-request). */
  holdLists(): { release: () => void };
  setAccessKeyId(accessKeyId: string): void;
}

export function createFakeStorage(buckets: Record<string, readonly (string | ListedObject)[]>): FakeStorage {
  const listCalls: ListImagesInput[] = [];
  const signCalls: string[] = [];
  const failures = new Map<string, GalleryError[]>();
  const signatures = new Map<string, number>();
  let accessKeyId = 'ASIATESTACCESSKEY001';
  let gate: Promise<void> | undefined;

  return {
    listCalls,
    signCalls,
    async listImages(input) {
      listCalls.push(input);
      if (gate) await gate;
      const queued = failures.get(input.gallery.bucket)?.shift();
      if (queued) return { ok: false, error: queued };
      const objects = (buckets[input.gallery.bucket] ?? []).map((o) =>
        typeof o === 'string' ? buildObject(o) : o,
      );
      const start = input.nextToken === undefined ? 0 : Number(input.nextToken);
      const end = start + input.pageSize;
      const nextToken = end < objects.length ? String(end) : undefined;
      return { ok: true, page: { objects: objects.slice(start, end), nextToken } };
    },
    async signImageUrl(gallery, key) {
      signCalls.push(key);
      const version = (signatures.get(key) ?? 0) + 1;
      signatures.set(key, version);
      return { ok: true, signed: buildSignedUrl(gallery, key, { accessKeyId, version }) };
    },
    failNextList(bucket, error) {
      failures.set(bucket, [...(failures.get(bucket) ?? []), error]);
    },
    holdLists() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = undefined;
          resolve();
        };
      });
      return { release };
    },
    setAccessKeyId(next) {
      accessKeyId = next;
    },
  };
}
