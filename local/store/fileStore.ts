import { mkdir, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Store } from './store';
import { atomicWrite } from './atomicWrite';

interface Envelope<T> {
  id: string;
  value: T;
}

const COLLECTION = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

/** File names are hashes of ids, so no id (an S3 key with `../`, say) can ever name a path. */
function fileName(id: string): string {
  return createHash('sha256').update(id, 'utf8').digest('hex');
}

/**
 * A Store kept in memory and mirrored to one file per record under `dataDir`, each written atomically.
 * Writes to the same record are serialised, so the file always ends with the last acknowledged value.
 */
export class FileStore implements Store {
  private readonly records = new Map<string, Map<string, unknown>>();
  private readonly queues = new Map<string, Promise<void>>();

  private constructor(private readonly dataDir: string) {}

  static async open(dataDir: string, options: { reset?: boolean } = {}): Promise<FileStore> {
    if (options.reset) await rm(dataDir, { recursive: true, force: true });
    await mkdir(dataDir, { recursive: true });
    const store = new FileStore(dataDir);
    await store.load(dataDir, '');
    return store;
  }

  private async load(dir: string, collection: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await this.load(full, collection ? `${collection}/${entry.name}` : entry.name);
      } else if (entry.name.includes('.tmp-')) {
        // A temp file left by a kill mid-write: its rename never happened, so it was never acknowledged.
        await unlink(full).catch(() => undefined);
      } else if (entry.name.endsWith('.json') && collection) {
        const envelope = JSON.parse(await readFile(full, 'utf8')) as Envelope<unknown>;
        this.collection(collection).set(envelope.id, envelope.value);
      }
    }
  }

  private collection(name: string): Map<string, unknown> {
    if (!COLLECTION.test(name)) throw new Error(`invalid collection name: ${name}`);
    let map = this.records.get(name);
    if (!map) {
      map = new Map();
      this.records.set(name, map);
    }
    return map;
  }

  private file(collection: string, id: string, ext: string): string {
    return path.join(this.dataDir, ...collection.split('/'), `${fileName(id)}${ext}`);
  }

  private enqueue(key: string, task: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    this.queues.set(key, next);
    void next.finally(() => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    }).catch(() => undefined);
    return next;
  }

  get<T>(collection: string, id: string): T | undefined {
    return this.collection(collection).get(id) as T | undefined;
  }

  list<T>(collection: string): T[] {
    return [...this.collection(collection).values()] as T[];
  }

  ids(collection: string): string[] {
    return [...this.collection(collection).keys()];
  }

  put<T>(collection: string, id: string, value: T): Promise<void> {
    this.collection(collection).set(id, value);
    const file = this.file(collection, id, '.json');
    const body = JSON.stringify({ id, value } satisfies Envelope<T>);
    return this.enqueue(file, async () => {
      await mkdir(path.dirname(file), { recursive: true });
      await atomicWrite(file, body);
    });
  }

  delete(collection: string, id: string): Promise<void> {
    this.collection(collection).delete(id);
    const file = this.file(collection, id, '.json');
    return this.enqueue(file, () => unlink(file).catch(ignoreMissing));
  }

  putBlob(collection: string, id: string, data: Uint8Array): Promise<void> {
    const file = this.file(collection, id, '.bin');
    return this.enqueue(file, async () => {
      await mkdir(path.dirname(file), { recursive: true });
      await atomicWrite(file, data);
    });
  }

  async getBlob(collection: string, id: string): Promise<Buffer | undefined> {
    const file = this.file(collection, id, '.bin');
    await this.queues.get(file);
    return readFile(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
  }

  deleteBlob(collection: string, id: string): Promise<void> {
    const file = this.file(collection, id, '.bin');
    return this.enqueue(file, () => unlink(file).catch(ignoreMissing));
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== 'ENOENT') throw error;
}
