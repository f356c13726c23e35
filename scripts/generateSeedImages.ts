import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { catFace, type CatSpec } from '../local/seed/drawings/catFace';
import { dogFace, type DogSpec } from '../local/seed/drawings/dogFace';
import { CAT_PICTURES, DOG_PICTURES, SEED_IMAGES_DIR } from '../local/seed/manifest';

/**
 * `npm run seed:images`: draws the seed galleries' pictures as SVG and rasterises them with sharp into
 * local/seed/images/{cat,dog}/ (JPEG, PNG and WebP by file extension), plus the one non-image object of
 * each bucket. Run once; the output is committed, so `npm start` never downloads or draws anything.
 */
const MAX_BYTES = 40 * 1024;

const cats: Record<string, CatSpec> = {
  'mochi-tabby.jpg': { name: 'Mochi', background: '#7ec8e3', fur: '#f0a04b', innerEar: '#f7c6c7', iris: '#9acd32', stripes: '#b8621b', tilt: -8 },
  'kuro-black.jpg': { name: 'Kuro', background: '#f6d860', fur: '#2f2f38', innerEar: '#8a5a66', iris: '#ffd23f', tilt: 6 },
  'tama-calico.jpg': { name: 'Tama', background: '#b5e48c', fur: '#fbf7ef', innerEar: '#f4b6c2', iris: '#3fa34d', patch: '#e07a2f', tilt: 12, tongue: true },
  'sora-grey.png': { name: 'Sora', background: '#ffcad4', fur: '#9aa5b1', innerEar: '#f4b6c2', iris: '#4fc3f7', stripes: '#6b7785', tilt: 0 },
  'yuki-white.png': { name: 'Yuki', background: '#3d5a80', fur: '#ffffff', innerEar: '#ffc2d1', iris: '#64b5f6', tilt: -14, earDroop: 14 },
  'momo-tuxedo.png': { name: 'Momo', background: '#ffe5b4', fur: '#fdfdfd', innerEar: '#f7a8b8', iris: '#7cb342', patch: '#1f1f24', tilt: 4 },
  'kinako-cream.webp': { name: 'Kinako', background: '#cdb4db', fur: '#f3dfb1', innerEar: '#f2a7b5', iris: '#c28d3c', tilt: -4, eyesClosed: true },
  'hana-siamese.webp': { name: 'Hana', background: '#a8dadc', fur: '#efe3cf', innerEar: '#6d4c41', iris: '#1e88e5', patch: '#6d4c41', tilt: 9 },
  'leo-ginger.webp': { name: 'Leo', background: '#d8f3dc', fur: '#e76f2e', innerEar: '#f9c0a8', iris: '#e9c46a', stripes: '#a4451a', tilt: -11, earDroop: 22, tongue: true },
};

const dogs: Record<string, DogSpec> = {
  'pochi-shiba.jpg': { name: 'Pochi', background: '#a0c4ff', fur: '#d9822b', muzzle: '#fff3e0', earColor: '#d9822b', ears: 'pointed', brows: '#fff3e0', tilt: 0, tongue: true },
  'max-golden.jpg': { name: 'Max', background: '#caffbf', fur: '#e6b35a', muzzle: '#f7dca0', earColor: '#c98f32', ears: 'floppy', tilt: -10, tongue: true },
  'kuma-black.jpg': { name: 'Kuma', background: '#ffd6a5', fur: '#2b2b2b', muzzle: '#b5733c', earColor: '#1c1c1c', ears: 'floppy', brows: '#b5733c', tilt: 7 },
  'hachi-akita.png': { name: 'Hachi', background: '#ffadad', fur: '#c8733a', muzzle: '#ffffff', earColor: '#c8733a', ears: 'pointed', tilt: -5 },
  'luna-spotted.png': { name: 'Luna', background: '#bdb2ff', fur: '#ffffff', muzzle: '#f2f2f2', earColor: '#222222', ears: 'floppy', eyePatch: '#2a2a2a', tilt: 14 },
  'biscuit-beagle.png': { name: 'Biscuit', background: '#fdffb6', fur: '#b66a2c', muzzle: '#ffffff', earColor: '#5b3414', ears: 'floppy', tilt: -16, eyesClosed: true },
  'coco-chocolate.webp': { name: 'Coco', background: '#9bf6ff', fur: '#6b3e26', muzzle: '#8a5637', earColor: '#54301c', ears: 'floppy', tilt: 3 },
  'rocky-husky.webp': { name: 'Rocky', background: '#ffc6ff', fur: '#7d8597', muzzle: '#ffffff', earColor: '#5c6378', ears: 'pointed', tilt: -7, tongue: true },
  'sakura-poodle.webp': { name: 'Sakura', background: '#e9edc9', fur: '#f7d6e0', muzzle: '#fff0f5', earColor: '#eab8c8', ears: 'floppy', tilt: 10, eyesClosed: true },
};

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
    ...CAT_PICTURES.map((name): [string, string] => [`cat/${name}`, catFace(requireSpec(cats, name))]),
    ...DOG_PICTURES.map((name): [string, string] => [`dog/${name}`, dogFace(requireSpec(dogs, name))]),
  ];
  for (const [file, svg] of drawings) {
    const data = await rasterise(svg, file);
    if (data.length > MAX_BYTES) throw new Error(`${file} is ${data.length} bytes, over the ${MAX_BYTES}-byte budget`);
    await writeSeedFile(file, data);
  }
  for (const [file, text] of Object.entries(TEXT_FILES)) await writeSeedFile(file, text);
}

function requireSpec<T>(specs: Record<string, T>, name: string): T {
  const spec = specs[name];
  if (!spec) throw new Error(`no drawing for ${name}: add one to scripts/generateSeedImages.ts`);
  return spec;
}

main().catch((error: unknown) => {
  process.stderr.write(`seed:images: ${String(error)}\n`);
  process.exit(1);
});
