import { maskAccessKeyId } from './maskAccessKeyId';

/**
 * A small, bounded record of the galleries' S3 calls, readable with `useSyncExternalStore`. It is the
 * evidence the session panel shows: the same identity's credentials (same masked key) served every bucket.
 */
export type S3Operation = 'ListObjectsV2' | 'GetObject (presigned URL)';

export interface S3CallInput {
  galleryId: string;
  bucket: string;
  operation: S3Operation;
  /** The raw access key id; it is masked before it is stored and never kept in full. */
  accessKeyId: string | undefined;
  /** `ok`, or the S3/Amplify error code (e.g. `AccessDenied`, `ExpiredToken`, `NetworkError`). */
  result: string;
}

export interface RequestLogEntry extends Omit<S3CallInput, 'accessKeyId'> {
  id: number;
  /** Epoch milliseconds (local clock). */
  time: number;
  /** Masked: `••••` and the last 4 characters. */
  accessKey: string;
}

export interface RequestLog {
  record(call: S3CallInput): void;
  clear(): void;
  subscribe(listener: () => void): () => void;
  /** The same array until the next change, as `useSyncExternalStore` requires. Newest first. */
  getSnapshot(): readonly RequestLogEntry[];
}

export interface RequestLogOptions {
  /** Entries kept; older ones are dropped (the log must not grow with a 20,000-object bucket). */
  limit?: number;
  now?: () => number;
}

export function createRequestLog({
  limit = 200,
  now = () => Date.now(),
}: RequestLogOptions = {}): RequestLog {
  let entries: readonly RequestLogEntry[] = [];
  let nextId = 1;
  const listeners = new Set<() => void>();
  const publish = (next: readonly RequestLogEntry[]): void => {
    entries = next;
    for (const listener of listeners) listener();
  };

  return {
    record({ accessKeyId, ...call }) {
      const entry: RequestLogEntry = {
        ...call,
        id: nextId++,
        time: now(),
        accessKey: maskAccessKeyId(accessKeyId),
      };
      publish([entry, ...entries].slice(0, limit));
    },
    clear() {
      publish([]);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => entries,
  };
}

/** The app's one log: the galleries write to it, the session panel reads it. */
export const requestLog: RequestLog = createRequestLog();
