import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { catFace } from '../local/seed/drawings/catFace';
import { CAT_DRAWINGS } from '../local/seed/drawings/cats';
import { dogFace } from '../local/seed/drawings/dogFace';
import { DOG_DRAWINGS } from '../local/seed/drawings/dogs';
import { CAT_PICTURES, DOG_PICTURES, SEED_IMAGES_DIR } from '../local/seed/manifest';

/**
 * `npm run seed:images`: draws the seed galleries' pictures as SVG and rasterises them with sharp into
 * local/seed/images/{cat,dog}/ (JPEG, PNG and WebP by file extension), plus the one non-image object of
 * each bucket. Run once; the output is committed, so `npm start` never downloads or draws anything.
 */
const MAX_BYTES = 40 * 1024;

const TEXT_FILES: Record<string, string> = {
  'cat/README.txt':
    'Seed data of the local AWS emulator: the cat gallery.\n' +
    'Every picture here was drawn as SVG by scripts/generateSeedImages.ts; nothing was downloaded.\n' +
    'This object is not an image: the gallery must skip it or show it as a file, never break on it.\n',
  'dog/notes.json': `${JSON.stringify({ gallery: 'dog', pictures: DOG_PICTURES.length, note: 'Not an image: drawn seed data only.' }, null, 2)}\n`,
};

async function rasterise(svg: string, file: string): Promise<Buffer> {
  const image = sharp(Buffer.from(svg));
  if (file.endsWith('.jpg')) return image.jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  if (file.endsWith('.png')) return image.png({ palette: true, colours: 64, compressionLevel: 9 }).toBuffer();
  if (file.endsWith('.webp')) return image.webp({ quality: 80 }).toBuffer();
  throw new Error(`unknown image type: ${file}`);
}

async function writeSeedFile(file: string, data: Buffer | string): Promise<void> {
  const target = path.join(SEED_IMAGES_DIR, file);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, data);
  process.stdout.write(`  ${file.padEnd(28)} ${String(Buffer.byteLength(data)).padStart(6)} bytes\n`);
}

async function main(): Promise<void> {
  const drawings: [string, string][] = [
    ...CAT_PICTURES.map((name): [string, string] => [
      `cat/${name}`,
      catFace(requireSpec(CAT_DRAWINGS, name)),
    ]),
    ...DOG_PICTURES.map((name): [string, string] => [
      `dog/${name}`,
      dogFace(requireSpec(DOG_DRAWINGS, name)),
    ]),
  ];
  for (const [file, svg] of drawings) {
    const data = await rasterise(svg, file);
    if (data.length > MAX_BYTES)
      throw new Error(`${file} is ${data.length} bytes, over the ${MAX_BYTES}-byte budget`);
    await writeSeedFile(file, data);
  }
  for (const [file, text] of Object.entries(TEXT_FILES)) await writeSeedFile(file, text);
}

function requireSpec<T>(specs: Record<string, T>, name: string): T {
  const spec = specs[name];
  if (!spec) throw new Error(`no drawing for ${name}: add one to local/seed/drawings/`);
  return spec;
}

main().catch((error: unknown) => {
  process.stderr.write(`seed:images: ${String(error)}\n`);
  process.exit(1);
});
