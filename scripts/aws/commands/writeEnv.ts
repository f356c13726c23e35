import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PRODUCTION_ENV_FILE, productionEnv, renderEnvFile } from '../lib/envFile';
import type { ScriptDefinition } from '../lib/runScript';
import { openSession } from '../lib/session';

/**
 * Writes the app's production settings from the deployed stack's outputs, so `npm run build` targets the
 * real account. Overwrites the file: it is generated, and the stack is the source of truth.
 */
export const writeEnvCommand: ScriptDefinition = {
  command: 'npm run aws:write-env --',
  summary: `Write ${PRODUCTION_ENV_FILE} (VITE_* settings) from the outputs of the deployed stack.`,
  options: {
    'bucket-names': { type: 'boolean', description: 'Use bucket names even when the stack has access point aliases' },
  },
  main: async (options, target, io) => {
    const { stack } = await openSession(target, io.access);
    const entries = productionEnv(stack, { useAccessPointAliases: options['bucket-names'] !== true });
    const text = renderEnvFile(stack, entries);
    const file = path.resolve(io.cwd, PRODUCTION_ENV_FILE);
    await writeFile(file, text, 'utf8');
    io.out(`Wrote ${file}:\n\n${text}`);
    io.out(stack.site ? `Next: npm run build && npm run aws:publish-site (site: ${stack.site.url})` : 'Next: npm run build');
  },
};
