import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { CROP_VARIANTS, cropName, cropSize, storedMediaName } from '@/lib/media';
import { slugify } from '@/lib/vietnamese';

export type StoredImage = { file: string; width: number; height: number };

/** Where an import file's photo may be: beside it, in a `media/` folder beside it, or in `../media/`. */
export async function findImageSource(jsonFile: string, name: string): Promise<string | null> {
  const dir = path.dirname(jsonFile);
  for (const candidate of [path.join(dir, name), path.join(dir, 'media', name), path.join(dir, '..', 'media', name)]) {
    try {
      if ((await fs.stat(candidate)).isFile()) return candidate;
    } catch {
      // not there
    }
  }
  return null;
}

async function writeOnce(target: string, write: (tmp: string) => Promise<unknown>): Promise<void> {
  try {
    await fs.access(target);
    return; // content-addressed: an existing file is already the right one
  } catch {
    // missing: make it
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  await write(tmp);
  await fs.rename(tmp, target);
}

/** A photo read and checked, not yet in the media store. */
export type CheckedImage = StoredImage & { bytes: Buffer };

/** Reads a photo and checks that it is a JPEG, PNG or WebP image; names it by its content. Writes nothing. */
export async function readImage(source: string): Promise<CheckedImage> {
  const bytes = await fs.readFile(source);
  const meta = await sharp(bytes).metadata();
  if (!meta.width || !meta.height || !['jpeg', 'png', 'webp'].includes(meta.format ?? '')) {
    throw new Error('not a JPEG, PNG or WebP image');
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  const file = storedMediaName(path.basename(source), hash, slugify);
  return { file, width: meta.width, height: meta.height, bytes };
}

/** Copies a checked photo into the media store under its content-addressed name. */
export async function storeImage({ bytes, ...image }: CheckedImage, mediaDir: string): Promise<StoredImage> {
  await writeOnce(path.join(mediaDir, image.file), (tmp) => fs.writeFile(tmp, bytes));
  return image;
}

/** The share (1200x630) and structured-data (16:9, 4:3, 1:1) crops of a lead photo, made ahead of time. */
export async function ensureCrops(image: StoredImage, mediaDir: string): Promise<void> {
  const source = await fs.readFile(path.join(mediaDir, image.file));
  await Promise.all(
    CROP_VARIANTS.map((variant) => {
      const { width, height } = cropSize(variant, image);
      return writeOnce(path.join(mediaDir, cropName(image.file, variant)), (tmp) =>
        sharp(source).resize(width, height, { fit: 'cover', position: 'attention' }).jpeg({ quality: 80 }).toFile(tmp),
      );
    }),
  );
}
