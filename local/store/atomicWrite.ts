import { open, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';

/**
 * Write a file so that a reader (or a restart after kill -9) sees either the old content or the new one,
 * never a torn file: write a temp file beside it, fsync it, then rename over the target.
 */
export async function atomicWrite(file: string, data: Uint8Array | string): Promise<void> {
  const tmp = `${file}.tmp-${randomBytes(6).toString('hex')}`;
  const handle = await open(tmp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(tmp, file);
}
