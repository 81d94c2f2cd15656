import { and, desc, eq, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, images } from '@/db/schema';
import { mediaUrl } from '@/lib/media';
import type { ArticleTeaser } from '@/lib/types';

export type { ArticleTeaser, ImageRef } from '@/lib/types';

export const PAGE_SIZE = 20;

export const isPublished = eq(articles.status, 'published');

export const teaserColumns = {
  id: articles.id,
  categoryId: articles.categoryId,
  slug: articles.slug,
  title: articles.title,
  sapo: articles.sapo,
  publishedAt: articles.publishedAt,
  imageFile: images.file,
  imageWidth: images.width,
  imageHeight: images.height,
  imageAlt: images.alt,
};

type TeaserRow = Omit<ArticleTeaser, 'image'> & {
  imageFile: string | null;
  imageWidth: number | null;
  imageHeight: number | null;
  imageAlt: string | null;
};

export function toTeaser(row: TeaserRow): ArticleTeaser {
  const { imageFile, imageWidth, imageHeight, imageAlt, ...rest } = row;
  return {
    ...rest,
    image:
      imageFile && imageWidth && imageHeight
        ? { src: mediaUrl(imageFile), width: imageWidth, height: imageHeight, alt: imageAlt ?? '' }
        : null,
  };
}

/** Published teasers matching `where`, newest first. */
export async function selectTeasers({ where, limit, offset = 0 }: { where?: SQL; limit: number; offset?: number }): Promise<ArticleTeaser[]> {
  const rows = await getDb()
    .select(teaserColumns)
    .from(articles)
    .leftJoin(images, eq(images.id, articles.leadImageId))
    .where(where ? and(isPublished, where) : isPublished)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .offset(offset);
  return rows.map(toTeaser);
}
