import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, articleViews, categories, images } from '@/db/schema';
import { isPublished } from '@/db/queries/teasers';
import { listArticleKeywords, type Keyword } from '@/db/queries/keywords';
import type { StoredBlock } from '@/lib/content-schema';
import { mediaUrl } from '@/lib/media';
import type { BodyImage, RenderBlock } from '@/lib/types';

export type { BodyImage, RenderBlock } from '@/lib/types';

export type ArticleDetail = {
  id: number;
  categoryId: number;
  categoryName: string;
  slug: string;
  title: string;
  sapo: string;
  byline: string | null;
  publishedAt: Date;
  updatedAt: Date;
  views: number;
  body: RenderBlock[];
  /** The lead photo (Ảnh đại diện; the body's first photo unless the editor chose another): the article's thumbnail and the source of its share crops. */
  leadImage: BodyImage | null;
  keywords: Keyword[];
};

/** Where an article lives, for canonical redirects. Null when it is unknown or not published. */
export async function getArticleLocation(id: number): Promise<{ id: number; categoryId: number; slug: string } | null> {
  const [row] = await getDb()
    .select({ id: articles.id, categoryId: articles.categoryId, slug: articles.slug })
    .from(articles)
    .where(and(eq(articles.id, id), isPublished))
    .limit(1);
  return row ?? null;
}

async function resolveImages(body: StoredBlock[], leadImageId: number | null): Promise<{ body: RenderBlock[]; lead: BodyImage | null }> {
  const ids = body.flatMap((block) => (block.type === 'image' ? [block.imageId] : []));
  if (leadImageId !== null) ids.push(leadImageId);
  const rows = ids.length ? await getDb().select().from(images).where(inArray(images.id, ids)) : [];
  const byId = new Map(
    rows.map(({ id, file, width, height, alt, caption, credit }) => [id, { file, src: mediaUrl(file), width, height, alt, caption, credit }]),
  );
  const blocks = body.flatMap((block): RenderBlock[] => {
    if (block.type !== 'image') return [block];
    const image = byId.get(block.imageId);
    return image ? [{ type: 'image', image }] : [];
  });
  return { body: blocks, lead: leadImageId === null ? null : (byId.get(leadImageId) ?? null) };
}

/** A published article with everything its page shows, or null. */
export async function getArticleDetail(id: number): Promise<ArticleDetail | null> {
  const [row] = await getDb()
    .select({
      id: articles.id,
      categoryId: articles.categoryId,
      categoryName: categories.name,
      slug: articles.slug,
      title: articles.title,
      sapo: articles.sapo,
      byline: articles.byline,
      publishedAt: articles.publishedAt,
      updatedAt: articles.updatedAt,
      body: articles.body,
      leadImageId: articles.leadImageId,
      views: articleViews.views,
    })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .leftJoin(articleViews, eq(articleViews.articleId, articles.id))
    .where(and(eq(articles.id, id), isPublished))
    .limit(1);
  if (!row) return null;
  const { leadImageId, ...shown } = row;
  const { body, lead } = await resolveImages(row.body, leadImageId);
  return {
    ...shown,
    views: row.views ?? 0,
    body,
    leadImage: lead,
    keywords: await listArticleKeywords(row.id),
  };
}
