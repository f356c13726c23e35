/**
 * The emulator's state behind one interface. Reads are synchronous from memory; a write resolves only
 * once it is durable on disk, so an acknowledged change survives a kill at any moment.
 *
 * Records are JSON values grouped in collections (`users`, `refresh-tokens`, `s3-objects/<bucket>` …);
 * blobs (S3 object bodies) are bytes stored beside them.
 */
export interface Store {
  get<T>(collection: string, id: string): T | undefined;
  /** All records of a collection, in no particular order. */
  list<T>(collection: string): T[];
  /** Ids of a collection, in no particular order. */
  ids(collection: string): string[];
  put<T>(collection: string, id: string, value: T): Promise<void>;
  delete(collection: string, id: string): Promise<void>;
  putBlob(collection: string, id: string, data: Uint8Array): Promise<void>;
  getBlob(collection: string, id: string): Promise<Buffer | undefined>;
  deleteBlob(collection: string, id: string): Promise<void>;
  /** Waits for every pending write (used on shutdown). */
  flush(): Promise<void>;
}
