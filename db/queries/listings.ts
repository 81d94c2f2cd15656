import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleKeywords, articles, images } from '@/db/schema';
import { isPublished, PAGE_SIZE, selectTeasers, teaserColumns, toTeaser, type ArticleTeaser } from '@/db/queries/teasers';
import type { ListingPage } from '@/lib/types';

export type { ListingPage } from '@/lib/types';

async function pageOf(total: number, page: number, items: (range: { limit: number; offset: number }) => Promise<ArticleTeaser[]>): Promise<ListingPage> {
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return { items: page > pageCount ? [] : await items({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }), total, page, pageCount };
}

export async function listCategoryArticles({ categoryId, page }: { categoryId: number; page: number }): Promise<ListingPage> {
  const where = eq(articles.categoryId, categoryId);
  const [row] = await getDb().select({ n: count() }).from(articles).where(and(isPublished, where));
  const total = row?.n ?? 0;
  return pageOf(total, page, (range) => selectTeasers({ where, ...range }));
}

// A keyword's published articles, newest first, straight from the index on article_keywords (keyword_id,
// published_at, article_id): the count reads only that index, a page only its 20 articles. CROSS JOIN keeps SQLite
// from starting at the articles instead (without statistics it guesses `status = ?` matches a few rows). See
// docs/decisions/0008.
const isTaggedPublished = (keywordId: number) =>
  and(eq(articleKeywords.keywordId, keywordId), isNotNull(articleKeywords.publishedAt));

export async function listKeywordArticles({ keywordId, page }: { keywordId: number; page: number }): Promise<ListingPage> {
  const db = getDb();
  const [row] = await db.select({ n: count() }).from(articleKeywords).where(isTaggedPublished(keywordId));
  const total = row?.n ?? 0;
  return pageOf(total, page, async ({ limit, offset }) =>
    (await db
      .select(teaserColumns)
      .from(articleKeywords)
      .crossJoin(articles)
      .leftJoin(images, eq(images.id, articles.leadImageId))
      .where(and(isTaggedPublished(keywordId), eq(articles.id, articleKeywords.articleId), isPublished))
      .orderBy(desc(articleKeywords.publishedAt), desc(articleKeywords.articleId))
      .limit(limit)
      .offset(offset)).map(toTeaser),
  );
}

export function listLatestArticles(limit: number): Promise<ArticleTeaser[]> {
  return selectTeasers({ limit });
}
