import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { MEDIA_NAME } from '@/lib/media';

/**
 * The size of a photo already in the media store, read from its file (the editor names photos by file; their size
 * is never taken from the browser); null when there is no such file or it is not an image.
 */
export async function readStoredImageSize(mediaDir: string, file: string): Promise<{ width: number; height: number } | null> {
  if (!MEDIA_NAME.test(file)) return null;
  try {
    const bytes = await fs.readFile(path.join(mediaDir, file));
    const meta = await sharp(bytes).metadata();
    return meta.width && meta.height ? { width: meta.width, height: meta.height } : null;
  } catch {
    return null;
  }
}
