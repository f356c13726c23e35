import { readdir } from 'node:fs/promises';
import path from 'node:path';

/**
 * How each file of the Vite build is stored in the site bucket. Hashed files under assets/ never change
 * and are cached for a year; HTML is revalidated on every visit, so a new deploy is live at once without a
 * CloudFront invalidation.
 */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export interface SiteObjectHeaders {
  contentType: string;
  cacheControl: string;
}

/** `key` is the object key: a path relative to dist/ with forward slashes. */
export function siteObjectHeaders(key: string): SiteObjectHeaders {
  const extension = path.posix.extname(key).toLowerCase();
  const contentType = CONTENT_TYPES[extension] ?? 'application/octet-stream';
  if (extension === '.html') return { contentType, cacheControl: 'no-cache' };
  if (key.startsWith('assets/')) return { contentType, cacheControl: 'public, max-age=31536000, immutable' };
  return { contentType, cacheControl: 'public, max-age=300' };
}

/** Upload order: everything else first, HTML last, so a new index.html never names a chunk not yet uploaded. */
export function uploadOrder(keys: string[]): string[] {
  const isHtml = (key: string): boolean => key.toLowerCase().endsWith('.html');
  return [...keys.filter((k) => !isHtml(k)).sort(), ...keys.filter(isHtml).sort()];
}

/** Every file under `dir`, as object keys (relative, forward slashes). */
export async function listSiteFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}
