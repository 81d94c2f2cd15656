import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articles, articleViews, categories, images } from '@/db/schema';
import { isPublished } from '@/db/queries/teasers';
import { listArticleKeywords, type Keyword } from '@/db/queries/keywords';
import type { StoredBlock } from '@/lib/content-schema';
import { mediaUrl } from '@/lib/media';
import type { ArticleFacts } from '@/lib/newsroom-permissions';
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

/** An article with everything its page shows, and what the newsroom's permissions read of it; null when none matches. */
async function selectArticleDetail(where: SQL | undefined): Promise<{ detail: ArticleDetail; facts: ArticleFacts } | null> {
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
      status: articles.status,
      createdBy: articles.createdBy,
    })
    .from(articles)
    .innerJoin(categories, eq(categories.id, articles.categoryId))
    .leftJoin(articleViews, eq(articleViews.articleId, articles.id))
    .where(where)
    .limit(1);
  if (!row) return null;
  const { status, createdBy, leadImageId, ...fields } = row;
  const { body, lead } = await resolveImages(fields.body, leadImageId);
  return {
    detail: {
      ...fields,
      views: fields.views ?? 0,
      body,
      leadImage: lead,
      keywords: await listArticleKeywords(fields.id),
    },
    facts: { categoryId: fields.categoryId, createdBy, status },
  };
}

/** A published article with everything its page shows, or null. */
export async function getArticleDetail(id: number): Promise<ArticleDetail | null> {
  return (await selectArticleDetail(and(eq(articles.id, id), isPublished)))?.detail ?? null;
}

/**
 * Any article, draft or published, as its public page would show it (the newsroom's preview), with what
 * canSeeArticle needs to decide who may look; null when there is no such article.
 */
export async function getArticlePreview(id: number): Promise<{ detail: ArticleDetail; facts: ArticleFacts } | null> {
  return selectArticleDetail(eq(articles.id, id));
}
