import { readFile, stat } from 'node:fs/promises';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SEED_OBJECTS, seedFilePath, type SeedGallery } from '../../../local/seed/manifest';

const FORMAT_OF: Record<string, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

describe('seed manifest', () => {
  for (const gallery of ['cat', 'dog'] as const satisfies SeedGallery[]) {
    const objects = SEED_OBJECTS.filter((o) => o.gallery === gallery);
    const images = objects.filter((o) => o.contentType.startsWith('image/'));

    it(`${gallery}: at least 8 distinct pictures, in JPEG, PNG and WebP`, async () => {
      const distinct = new Set(
        await Promise.all(images.map(async (o) => (await readFile(seedFilePath(o))).toString('base64'))),
      );
      expect(distinct.size).toBeGreaterThanOrEqual(8);
      expect(new Set(images.map((o) => o.contentType))).toEqual(
        new Set(['image/jpeg', 'image/png', 'image/webp']),
      );
    });

    it(`${gallery}: every image file is a real image of its declared type, 400x300, under 40 KB`, async () => {
      for (const object of images) {
        const file = seedFilePath(object);
        expect((await stat(file)).size, object.file).toBeLessThan(40 * 1024);
        const meta = await sharp(file).metadata();
        expect(meta.format, object.file).toBe(FORMAT_OF[object.contentType]);
        expect([meta.width, meta.height], object.file).toEqual([400, 300]);
      }
    });

    it(`${gallery}: has a Japanese key with a space, a key with +, an injection key and a non-image object`, () => {
      const keys = objects.map((o) => o.key);
      expect(keys.some((k) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(k) && k.includes(' '))).toBe(true);
      expect(keys.some((k) => k.includes('+'))).toBe(true);
      const injection = objects.find((o) => /<(img|svg|script)\b/i.test(o.key));
      expect(injection?.contentType).toMatch(/^image\//);
      expect(objects.some((o) => !o.contentType.startsWith('image/'))).toBe(true);
      expect(new Set(keys).size).toBe(keys.length);
    });
  }

  it('non-image objects are the text they claim to be', async () => {
    for (const object of SEED_OBJECTS.filter((o) => !o.contentType.startsWith('image/'))) {
      const text = await readFile(seedFilePath(object), 'utf8');
      if (object.contentType === 'application/json') expect(() => JSON.parse(text) as unknown).not.toThrow();
      else expect(text.length).toBeGreaterThan(0);
    }
  });
});
