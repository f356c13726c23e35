import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { stringOption } from '../lib/args';
import type { ScriptDefinition } from '../lib/runScript';
import { ScriptError } from '../lib/scriptError';
import { openSession } from '../lib/session';
import { listSiteFiles, siteObjectHeaders, uploadOrder } from '../lib/siteFiles';

/**
 * Publishes the built app (dist/) to the hosting bucket of a stack deployed with `-c hosting=true`.
 * Old hashed assets are kept, so tabs still running the previous build can load their chunks.
 */
export const publishSiteCommand: ScriptDefinition = {
  command: 'npm run aws:publish-site --',
  summary: 'Upload the built app (npm run build) to the CloudFront-hosted site of the deployed stack.',
  options: {
    dist: { type: 'string', description: 'Folder of the build (default dist)' },
  },
  main: async (options, target, io) => {
    const dist = path.resolve(io.cwd, stringOption(options, 'dist') ?? 'dist');
    try {
      await access(path.join(dist, 'index.html'));
    } catch {
      throw new ScriptError(`${path.join(dist, 'index.html')} not found: run \`npm run aws:write-env\` and \`npm run build\` first.`);
    }
    const session = await openSession(target, io.access);
    const { site } = session.stack;
    if (!site) {
      throw new ScriptError(`Stack ${session.stack.stackName} has no hosting: deploy it with \`npm run cdk -- deploy -c hosting=true\` first.`);
    }
    const s3 = session.s3();
    const keys = uploadOrder(await listSiteFiles(dist));
    for (const key of keys) {
      const { contentType, cacheControl } = siteObjectHeaders(key);
      const body = await readFile(path.join(dist, key));
      await s3.send(new PutObjectCommand({ Bucket: site.bucketName, Key: key, Body: body, ContentType: contentType, CacheControl: cacheControl }));
      io.out(`  ${key}`);
    }
    io.out(`Published ${keys.length} files. Open ${site.url}`);
  },
};
