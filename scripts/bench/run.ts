import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBundle } from './bundleSize';
import { formatLargeBucketFigures, measureLargeBucket } from './largeBucket';
import { formatRequestFigures, measureRequests } from './requests';

/**
 * `npm run bench`: prints the project's budgets as measured figures. Not a test: it reports, and exits
 * non-zero only when it could not measure.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const bundle = await measureBundle(root);
  process.stdout.write('Bundle (production build, gzip -9)\n');
  for (const f of bundle.firstLoadFiles) process.stdout.write(`  ${f.file.padEnd(48)} ${kb(f.gzip)}\n`);
  process.stdout.write(`  first load up to sign-in: ${kb(bundle.firstLoadGzip)} (budget 190 KB)\n`);
  process.stdout.write(`  all JS + CSS, lazy chunks included: ${kb(bundle.totalGzip)}\n`);
  process.stdout.write(`  local-mode code in production build: ${bundle.localCodeInBuild ? 'YES' : 'no'}\n`);
  process.stdout.write(formatRequestFigures(await measureRequests()));
  process.stdout.write(formatLargeBucketFigures(await measureLargeBucket(20_000)));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${String(error)}\n`);
  process.exit(1);
});
