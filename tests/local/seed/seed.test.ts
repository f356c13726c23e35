import { readFile } from 'node:fs/promises';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_OBJECTS, seedFilePath } from '../../../local/seed/manifest';
import { seedIfEmpty } from '../../../local/seed/seed';
import { deleteObjectRecord, getObjectRecord } from '../../../local/s3/objects';
import { DEMO_USER, NEW_USER } from '../../../local/seed/users';
import { startTestEmulator, type TestEmulator } from '../support/startTestEmulator';
import { adminClients as adminClientsFor } from '../persistence/clients';

describe('seed data', () => {
  let emu: TestEmulator;
  let s3: S3Client;

  const adminClients = (target: TestEmulator) => adminClientsFor(target.url, target.config);

  async function listAll(client: S3Client, bucket: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token, MaxKeys: 5 }),
      );
      keys.push(...(page.Contents ?? []).map((c) => c.Key ?? ''));
      token = page.NextContinuationToken;
    } while (token);
    return keys;
  }

  beforeAll(async () => {
    emu = await startTestEmulator();
    s3 = adminClients(emu).s3;
  });
  afterAll(async () => {
    s3.destroy();
    await emu.dispose();
  });

  it('creates both buckets with every manifest key, listed in key order across pages', async () => {
    for (const gallery of ['cat', 'dog'] as const) {
      const expected = SEED_OBJECTS.filter((o) => o.gallery === gallery).map((o) => o.key);
      const keys = await listAll(s3, emu.config.buckets[gallery] ?? '');
      // S3 lists in UTF-8 byte order.
      expect(keys).toEqual([...expected].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    }
  });

  it('lists the special keys correctly with encoding-type=url (as Amplify asks)', async () => {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: emu.config.buckets.cat, EncodingType: 'url' }),
    );
    const raw = (page.Contents ?? []).map((c) => c.Key ?? '');
    // The SDK hands url-encoded keys back as sent; Amplify decodes them this way.
    const keys = raw.map((k) => decodeURIComponent(k.replace(/\+/g, ' ')));
    expect(keys).toEqual(
      expect.arrayContaining([
        'ねこ の写真.jpg',
        'sora+yuki 2.png',
        '<img src=x onerror=alert(1)>.png',
        'README.txt',
      ]),
    );
    expect(raw).not.toContain('ねこ の写真.jpg');
    expect(page.KeyCount).toBe(SEED_OBJECTS.filter((o) => o.gallery === 'cat').length);
  });

  it('serves the shipped bytes and content type of a special key', async () => {
    const object = SEED_OBJECTS.find((o) => o.key === 'いぬ の写真.jpg');
    if (!object) throw new Error('the manifest lost its Japanese dog key');
    const answer = await s3.send(
      new GetObjectCommand({ Bucket: emu.config.buckets.dog, Key: 'いぬ の写真.jpg' }),
    );
    expect(answer.ContentType).toBe('image/jpeg');
    const body = Buffer.from((await answer.Body?.transformToByteArray()) ?? []);
    expect(body.equals(await readFile(seedFilePath(object)))).toBe(true);
  });

  it('creates the demo user confirmed and the new user with a temporary password', async () => {
    const { idp } = adminClients(emu);
    const demo = await idp.send(
      new AdminGetUserCommand({ UserPoolId: emu.config.userPoolId, Username: DEMO_USER.email }),
    );
    const fresh = await idp.send(
      new AdminGetUserCommand({ UserPoolId: emu.config.userPoolId, Username: NEW_USER.email }),
    );
    expect(demo.UserStatus).toBe('CONFIRMED');
    expect(fresh.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    expect(demo.UserAttributes).toEqual(
      expect.arrayContaining([
        { Name: 'email', Value: DEMO_USER.email },
        { Name: 'email_verified', Value: 'true' },
      ]),
    );
    idp.destroy();
  });

  it('resumes a seed that was cut short (no completion marker) without touching what exists', async () => {
    const bucket = emu.config.buckets.dog ?? '';
    const before = getObjectRecord(emu.deps, bucket, 'pochi-shiba.jpg');
    await emu.deps.store.delete('seed', 'completed');
    await deleteObjectRecord(emu.deps, bucket, 'notes.json');
    await seedIfEmpty(emu.deps);
    expect(getObjectRecord(emu.deps, bucket, 'notes.json')?.contentType).toBe('application/json');
    expect(getObjectRecord(emu.deps, bucket, 'pochi-shiba.jpg')).toEqual(before);
  });

  it('seeds only once: a deleted seed object stays deleted after a restart', async () => {
    const dataDir = emu.dataDir;
    await s3.send(new DeleteObjectCommand({ Bucket: emu.config.buckets.cat, Key: 'README.txt' }));
    await emu.stop();
    emu = await startTestEmulator({ dataDir });
    s3.destroy();
    s3 = adminClients(emu).s3;
    const keys = await listAll(s3, emu.config.buckets.cat ?? '');
    expect(keys).not.toContain('README.txt');
    expect(keys).toContain('mochi-tabby.jpg');
  });
});
