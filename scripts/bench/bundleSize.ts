import { readFile, readdir, mkdtemp, rm } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

export interface BundleFigures {
  /** gzip'd bytes of what index.html loads before any lazy chunk: entry JS, modulepreloads, CSS. */
  firstLoadGzip: number;
  firstLoadFiles: { file: string; gzip: number }[];
  /** gzip'd bytes of every JS/CSS file in the build (first load + lazy chunks). */
  totalGzip: number;
  /** Whether any local-mode (emulator) code leaked into the production build. */
  localCodeInBuild: boolean;
}

const gz = (data: Buffer) => gzipSync(data, { level: 9 }).length;

/** The files index.html fetches on first load, in the order it names them. */
export function firstLoadAssets(html: string): string[] {
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  return [...new Set(refs.filter(Boolean))];
}

/** Builds the app for production (no VITE_LOCAL_AWS_ENDPOINT) and measures what a first visit downloads. */
export async function measureBundle(root: string): Promise<BundleFigures> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'bench-build-'));
  try {
    await build({
      root,
      logLevel: 'error',
      mode: 'production',
      build: { outDir, emptyOutDir: true },
    });
    const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
    const firstLoadFiles = await Promise.all(
      firstLoadAssets(html).map(async (ref) => ({
        file: ref,
        gzip: gz(await readFile(path.join(outDir, ref.replace(/^\//, '')))),
      })),
    );
    const assets = (await readdir(path.join(outDir, 'assets'))).filter((f) => /\.(js|css)$/.test(f));
    let totalGzip = 0;
    let localCodeInBuild = false;
    for (const file of assets) {
      const data = await readFile(path.join(outDir, 'assets', file));
      totalGzip += gz(data);
      // Strings that exist only in the local adapter and the emulator's config document.
      if (/_local\/config|VITE_LOCAL_AWS_ENDPOINT/.test(data.toString('utf8'))) localCodeInBuild = true;
    }
    return {
      firstLoadGzip: firstLoadFiles.reduce((sum, f) => sum + f.gzip, 0),
      firstLoadFiles,
      totalGzip,
      localCodeInBuild,
    };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
