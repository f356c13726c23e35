import { readFile } from 'node:fs/promises';
import type { EmulatorDeps } from '../deps';
import { seedUser } from '../cognito-idp/users';
import { ensureBucket, getObjectRecord, putObjectRecord } from '../s3/objects';
import { SEED_OBJECTS, seedFilePath, type SeedGallery } from './manifest';
import { SEEDED_USERS } from './users';
import { seedBulkBucket } from './largeBucket';

/** The marker that says the seed ran to the end; absent after a kill mid-seed, so the next start resumes. */
const SEED_COLLECTION = 'seed';
const SEED_MARKER = 'completed';

interface SeedMarker {
  /** Epoch ms. */
  completedAt: number;
  objects: number;
  users: number;
}

function bucketOf(deps: EmulatorDeps, gallery: SeedGallery): string {
  const bucket = deps.config.buckets[gallery];
  if (!bucket) throw new Error(`no bucket configured for the ${gallery} gallery`);
  return bucket;
}

/**
 * First start only: the two gallery buckets with their pictures (local/seed/manifest.ts) and the two users
 * of the seed article — `demo@example.com` confirmed, `new@example.com` with a temporary password
 * (FORCE_CHANGE_PASSWORD, as `admin-create-user` leaves it). The user pool, its app client and the
 * identity pool come from the config. Every step is idempotent, so a seed cut short is simply redone;
 * objects or users changed since are never overwritten, because the marker stops any later run.
 */
export async function seedIfEmpty(deps: EmulatorDeps): Promise<void> {
  // Before the marker check: the bulk gallery is a setting, and may be turned on after the first start.
  await seedBulkBucket(deps);
  if (deps.store.get<SeedMarker>(SEED_COLLECTION, SEED_MARKER)) return;
  for (const gallery of ['cat', 'dog'] as const) await ensureBucket(deps, bucketOf(deps, gallery));
  for (const object of SEED_OBJECTS) {
    const bucket = bucketOf(deps, object.gallery);
    if (getObjectRecord(deps, bucket, object.key)) continue;
    await putObjectRecord(deps, bucket, object.key, await readFile(seedFilePath(object)), object.contentType);
  }
  for (const user of SEEDED_USERS)
    await seedUser(deps, { email: user.email, password: user.password, temporary: user.temporary });
  const marker: SeedMarker = {
    completedAt: deps.clock.now(),
    objects: SEED_OBJECTS.length,
    users: SEEDED_USERS.length,
  };
  await deps.store.put(SEED_COLLECTION, SEED_MARKER, marker);
  deps.logger.info('seed data created', { objects: marker.objects, users: marker.users });
}
