import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The seed objects of both galleries: S3 key → shipped file and content type. The emulator's seed and the
 * AWS upload script (scripts/aws/uploadSamples.ts) both read this list, so local and real buckets hold the
 * same set. Files live in local/seed/images/ and are made by `npm run seed:images` (nothing is downloaded).
 *
 * Besides ordinary pictures (JPEG, PNG and WebP) each bucket has keys that catch encoding and escaping
 * bugs: Japanese with a space, a `+`, an HTML/script injection string (a real image body), and one object
 * that is not an image at all.
 */
export type SeedGallery = 'cat' | 'dog';

export interface SeedObject {
  gallery: SeedGallery;
  key: string;
  /** Path under local/seed/images/. */
  file: string;
  contentType: string;
}

export const SEED_IMAGES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'images');

export function seedFilePath(object: SeedObject): string {
  return path.join(SEED_IMAGES_DIR, object.file);
}

const TYPES = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

/** Pictures kept under their own file name as the key. */
function pictures(gallery: SeedGallery, files: string[]): SeedObject[] {
  return files.map((name) => {
    const ext = name.slice(name.lastIndexOf('.') + 1) as keyof typeof TYPES;
    return { gallery, key: name, file: `${gallery}/${name}`, contentType: TYPES[ext] };
  });
}

export const CAT_PICTURES = [
  'mochi-tabby.jpg',
  'kuro-black.jpg',
  'tama-calico.jpg',
  'sora-grey.png',
  'yuki-white.png',
  'momo-tuxedo.png',
  'kinako-cream.webp',
  'hana-siamese.webp',
  'leo-ginger.webp',
];

export const DOG_PICTURES = [
  'pochi-shiba.jpg',
  'max-golden.jpg',
  'kuma-black.jpg',
  'hachi-akita.png',
  'luna-spotted.png',
  'biscuit-beagle.png',
  'coco-chocolate.webp',
  'rocky-husky.webp',
  'sakura-poodle.webp',
];

export const SEED_OBJECTS: readonly SeedObject[] = [
  ...pictures('cat', CAT_PICTURES),
  { gallery: 'cat', key: 'ねこ の写真.jpg', file: 'cat/mochi-tabby.jpg', contentType: 'image/jpeg' },
  { gallery: 'cat', key: 'sora+yuki 2.png', file: 'cat/yuki-white.png', contentType: 'image/png' },
  {
    gallery: 'cat',
    key: '<img src=x onerror=alert(1)>.png',
    file: 'cat/sora-grey.png',
    contentType: 'image/png',
  },
  { gallery: 'cat', key: 'README.txt', file: 'cat/README.txt', contentType: 'text/plain; charset=utf-8' },
  ...pictures('dog', DOG_PICTURES),
  { gallery: 'dog', key: 'いぬ の写真.jpg', file: 'dog/pochi-shiba.jpg', contentType: 'image/jpeg' },
  { gallery: 'dog', key: 'max+luna 2.webp', file: 'dog/coco-chocolate.webp', contentType: 'image/webp' },
  {
    gallery: 'dog',
    key: '"><svg onload=alert(document.domain)>.webp',
    file: 'dog/rocky-husky.webp',
    contentType: 'image/webp',
  },
  { gallery: 'dog', key: 'notes.json', file: 'dog/notes.json', contentType: 'application/json' },
];
