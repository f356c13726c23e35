import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { BULK_BUCKET, type EmulatorConfig } from '../config';
import type { EmulatorDeps } from '../deps';
import type { Store } from '../store/store';
import { ensureBucket, objectsCollection, type ObjectRecord } from '../s3/objects';
import { SEED_OBJECTS, seedFilePath, type SeedObject } from './manifest';

/**
 * The `bulk` gallery (`LOCAL_AWS_BULK_OBJECTS=20000`): a bucket of N generated objects for the
 * large-bucket tests and `npm run bench` — keys like `2024/05/cat-000123.jpg` spread over 24 monthly
 * folders, the seed pictures' bytes as bodies, and every tenth object a non-image (`notes-….txt|json`).
 *
 * Why generated and kept in memory rather than written: writing 20,000 records and bodies through the
 * FileStore (one fsynced file each) took ~22 s, and loading them again slows every start. These objects
 * are a pure function of N and the shipped seed files, so they are rebuilt in milliseconds at each start
 * and served through a Store layer under the bucket's object collection. Everything above the Store —
 * SigV4, the role policy, ListObjectsV2's ordering, paging and encoding, GetObject's ranges and
 * conditionals — runs unchanged, because it reads these objects exactly as it reads stored ones. Writes
 * to the bucket go to the real Store and shadow a generated key; deleting a generated key stores a
 * tombstone, so it stays deleted across restarts.
 */
interface GeneratedObject {
  record: ObjectRecord;
  body: Buffer;
}

const MONTHS = 24;
const FIRST_YEAR = 2023;
const tombstones = (bucket: string) => `s3-generated-deleted/${bucket}`;

async function loadSources(kinds: SeedObject[]): Promise<{ object: SeedObject; body: Buffer; etag: string }[]> {
  return Promise.all(
    kinds.map(async (object) => {
      const body = await readFile(seedFilePath(object));
      return { object, body, etag: `"${createHash('md5').update(body).digest('hex')}"` };
    }),
  );
}

/** The N objects, deterministic: the same N always yields the same keys, sizes, ETags and dates. */
export async function generateBulkObjects(count: number): Promise<Map<string, GeneratedObject>> {
  const unique = [...new Map(SEED_OBJECTS.map((o) => [o.file, o])).values()];
  const cats = unique.filter((o) => o.gallery === 'cat' && o.contentType.startsWith('image/'));
  const dogs = unique.filter((o) => o.gallery === 'dog' && o.contentType.startsWith('image/'));
  // Cats and dogs alternate, so any page of the listing shows both.
  const interleaved = Array.from({ length: Math.max(cats.length, dogs.length) }, (_, i) => [cats[i], dogs[i]]);
  const images = await loadSources(interleaved.flat().filter((o): o is SeedObject => o !== undefined));
  const others = await loadSources(unique.filter((o) => !o.contentType.startsWith('image/')));
  const objects = new Map<string, GeneratedObject>();
  for (let i = 0; i < count; i++) {
    const month = Math.floor((i * MONTHS) / count);
    const year = FIRST_YEAR + Math.floor(month / 12);
    const folder = `${year}/${String((month % 12) + 1).padStart(2, '0')}`;
    const number = String(i).padStart(6, '0');
    const nonImage = i % 10 === 9;
    const source = nonImage ? others[i % others.length] : images[i % images.length];
    if (!source) throw new Error('the seed manifest has no files to generate objects from');
    const ext = source.object.file.slice(source.object.file.lastIndexOf('.') + 1);
    const key = `${folder}/${nonImage ? 'notes' : source.object.gallery}-${number}.${ext}`;
    // Whole seconds within the key's month, as S3 keeps Last-Modified.
    const lastModified = Date.UTC(year, month % 12, 1) + ((i * 7919) % (27 * 86_400)) * 1000;
    const record: ObjectRecord = {
      key,
      size: source.body.byteLength,
      etag: source.etag,
      contentType: source.object.contentType,
      lastModified,
    };
    objects.set(key, { record, body: source.body });
  }
  return objects;
}

/** The Store layer that serves the generated objects under one bucket's object collection. */
class GeneratedObjectsStore implements Store {
  constructor(
    private readonly inner: Store,
    private readonly bucket: string,
    private readonly objects: ReadonlyMap<string, GeneratedObject>,
  ) {}

  private ours(collection: string): boolean {
    return collection === objectsCollection(this.bucket);
  }

  /** The generated object behind an id that no stored record shadows and no tombstone hides. */
  private generated(collection: string, id: string): GeneratedObject | undefined {
    if (!this.ours(collection) || this.inner.get(collection, id) !== undefined) return undefined;
    const object = this.objects.get(id);
    return object && this.inner.get(tombstones(this.bucket), id) === undefined ? object : undefined;
  }

  private visibleGenerated(collection: string): string[] {
    return [...this.objects.keys()].filter((id) => this.generated(collection, id) !== undefined);
  }

  get<T>(collection: string, id: string): T | undefined {
    // The Store's records are untyped JSON; ObjectRecord is what this collection holds.
    return this.inner.get<T>(collection, id) ?? (this.generated(collection, id)?.record as T | undefined);
  }

  list<T>(collection: string): T[] {
    const stored = this.inner.list<T>(collection);
    if (!this.ours(collection)) return stored;
    const generated = this.visibleGenerated(collection).map((id) => this.objects.get(id)?.record as T);
    return [...stored, ...generated];
  }

  ids(collection: string): string[] {
    const stored = this.inner.ids(collection);
    return this.ours(collection) ? [...stored, ...this.visibleGenerated(collection)] : stored;
  }

  put<T>(collection: string, id: string, value: T): Promise<void> {
    return this.inner.put(collection, id, value);
  }

  async delete(collection: string, id: string): Promise<void> {
    const hidesGenerated = this.ours(collection) && this.objects.has(id);
    // Both calls update memory at once; the tombstone makes the deletion outlive a restart.
    await Promise.all([
      this.inner.delete(collection, id),
      hidesGenerated ? this.inner.put(tombstones(this.bucket), id, true) : undefined,
    ]);
  }

  putBlob(collection: string, id: string, data: Uint8Array): Promise<void> {
    return this.inner.putBlob(collection, id, data);
  }

  async getBlob(collection: string, id: string): Promise<Buffer | undefined> {
    return this.generated(collection, id)?.body ?? this.inner.getBlob(collection, id);
  }

  deleteBlob(collection: string, id: string): Promise<void> {
    return this.inner.deleteBlob(collection, id);
  }

  flush(): Promise<void> {
    return this.inner.flush();
  }
}

/** The Store the services use: the real one, with the bulk bucket's generated objects when configured. */
export async function withBulkObjects(store: Store, config: EmulatorConfig): Promise<Store> {
  if (config.bulkObjects === 0) return store;
  return new GeneratedObjectsStore(store, BULK_BUCKET, await generateBulkObjects(config.bulkObjects));
}

/** Creates the bulk bucket (default CORS rules) when configured; runs on every start, so it may be enabled later. */
export async function seedBulkBucket(deps: EmulatorDeps): Promise<void> {
  if (deps.config.bulkObjects === 0) return;
  await ensureBucket(deps, BULK_BUCKET);
  deps.logger.info('bulk gallery ready', { bucket: BULK_BUCKET, objects: deps.config.bulkObjects });
}
