import { readFile } from 'node:fs/promises';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { SEED_OBJECTS, seedFilePath } from '../../../local/seed/manifest';
import type { ScriptDefinition } from '../lib/runScript';
import { ScriptError } from '../lib/scriptError';
import { openSession } from '../lib/session';

/**
 * Uploads the sample images to the deployed gallery buckets: the same manifest the emulator seeds from
 * (local/seed/manifest.ts), so both worlds show the same pictures and the same awkward keys.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html
 */
export const uploadSamplesCommand: ScriptDefinition = {
  command: 'npm run aws:upload-samples --',
  summary: 'Upload the sample images of local/seed/manifest.ts to the cat and dog buckets of the deployed stack.',
  options: {},
  main: async (_options, target, io) => {
    // Read every file before touching AWS, so a missing image stops the script with nothing half-uploaded.
    const bodies = await Promise.all(
      SEED_OBJECTS.map(async (object) => {
        try {
          return await readFile(seedFilePath(object));
        } catch {
          throw new ScriptError(`Sample file ${seedFilePath(object)} is missing: run \`npm run seed:images\` first.`);
        }
      }),
    );

    const session = await openSession(target, io.access);
    const s3 = session.s3();
    for (const [index, object] of SEED_OBJECTS.entries()) {
      const bucket = session.stack.galleries[object.gallery].bucketName;
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: object.key, Body: bodies[index], ContentType: object.contentType }),
      );
      io.out(`  ${bucket}/${object.key}`);
    }
    const { cat, dog } = session.stack.galleries;
    io.out(`Uploaded ${SEED_OBJECTS.length} objects to ${cat.bucketName} and ${dog.bucketName}.`);
  },
};
