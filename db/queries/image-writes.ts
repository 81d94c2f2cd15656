import { and, asc, eq, isNull } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/engine';
import { images } from '@/db/schema';

/** A photo as one article uses it: a file already in the media store (db/import/media-store.ts), its size, its texts. */
export type ImageInput = { file: string; width: number; height: number; alt: string; caption?: string | null; credit?: string | null };

const same = (column: SQLiteColumn, value: string | null) => (value === null ? isNull(column) : eq(column, value));

/**
 * The id of the `images` row for this photo with these texts, made when there is none: rows are one per use
 * (db/schema/sqlite.ts), shared only when file and texts are all the same. Call in the transaction that saves
 * the article (`tx`).
 */
export async function findOrCreateImage(tx: Db, image: ImageInput): Promise<number> {
  const texts = { alt: image.alt, caption: image.caption ?? null, credit: image.credit ?? null };
  const [existing] = await tx
    .select({ id: images.id })
    .from(images)
    .where(and(eq(images.file, image.file), same(images.alt, texts.alt), same(images.caption, texts.caption), same(images.credit, texts.credit)))
    .orderBy(asc(images.id))
    .limit(1);
  if (existing) return existing.id;
  const [created] = await tx.insert(images).values({ file: image.file, width: image.width, height: image.height, ...texts }).returning({ id: images.id });
  return created!.id;
}
