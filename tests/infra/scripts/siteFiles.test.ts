import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSiteFiles, siteObjectHeaders, uploadOrder } from '../../../scripts/aws/lib/siteFiles';
import { profileNames } from '../../../scripts/aws/lib/profiles';

describe('site files', () => {
  it('caches hashed assets for a year and revalidates HTML', () => {
    expect(siteObjectHeaders('index.html')).toEqual({ contentType: 'text/html; charset=utf-8', cacheControl: 'no-cache' });
    expect(siteObjectHeaders('assets/index-BxQ3f1.js')).toEqual({
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: 'public, max-age=31536000, immutable',
    });
    expect(siteObjectHeaders('assets/index-9aZ.css').contentType).toBe('text/css; charset=utf-8');
    expect(siteObjectHeaders('favicon.svg')).toEqual({ contentType: 'image/svg+xml', cacheControl: 'public, max-age=300' });
    expect(siteObjectHeaders('data.unknownext').contentType).toBe('application/octet-stream');
  });

  it('uploads HTML last', () => {
    expect(uploadOrder(['index.html', 'assets/b.js', 'assets/a.css', 'robots.txt'])).toEqual(['assets/a.css', 'assets/b.js', 'robots.txt', 'index.html']);
  });

  it('lists the files of a build folder as object keys', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'site-files-'));
    try {
      await mkdir(path.join(dir, 'assets'));
      await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
      await writeFile(path.join(dir, 'assets', 'app.js'), '');
      expect((await listSiteFiles(dir)).sort()).toEqual(['assets/app.js', 'index.html']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('profileNames', () => {
  it('reads profiles from the config file ([profile x], [default]) and the credentials file ([x])', () => {
    const config = '[default]\nregion = ap-northeast-1\n\n[profile work]\nsso_session = corp\n[sso-session corp]\nsso_region = us-east-1\n[services local]\n';
    const credentials = '[legacy]\naws_access_key_id = AKIAEXAMPLE\n';
    expect([...profileNames(config, credentials)].sort()).toEqual(['default', 'legacy', 'work']);
  });
});
