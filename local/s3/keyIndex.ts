import type { Store } from '../store/store';

/**
 * Each bucket's keys in S3's listing order (UTF-8 binary), kept in memory so that listing a bucket of
 * 20,000 objects is a binary search, not a sort per request. Built on first use from the Store, dropped
 * on every write to that bucket.
 */
const indexes = new WeakMap<Store, Map<string, readonly string[]>>();

/** S3 orders keys by their UTF-8 bytes; JavaScript's `<` compares UTF-16 units, which differs above U+FFFF. */
export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function indexesOf(store: Store): Map<string, readonly string[]> {
  let map = indexes.get(store);
  if (!map) {
    map = new Map();
    indexes.set(store, map);
  }
  return map;
}

export function sortedKeys(store: Store, collection: string): readonly string[] {
  const map = indexesOf(store);
  let keys = map.get(collection);
  if (!keys) {
    const withBytes = store.ids(collection).map((key) => ({ key, bytes: Buffer.from(key, 'utf8') }));
    withBytes.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
    keys = withBytes.map((entry) => entry.key);
    map.set(collection, keys);
  }
  return keys;
}

export function invalidateKeys(store: Store, collection: string): void {
  indexesOf(store).delete(collection);
}

/** Index of the first key that sorts strictly after `after` (or at/after when `inclusive`). */
export function firstIndexAfter(keys: readonly string[], after: string, inclusive = false): number {
  const target = Buffer.from(after, 'utf8');
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const order = Buffer.compare(Buffer.from(keys[mid] ?? '', 'utf8'), target);
    if (order < 0 || (order === 0 && !inclusive)) low = mid + 1;
    else high = mid;
  }
  return low;
}
