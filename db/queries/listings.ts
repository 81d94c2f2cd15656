import { and, count, desc, eq, isNotNull, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors, articleKeywords, articles, images } from '@/db/schema';
import { isAuthorPublished } from '@/db/queries/authors';
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

// A keyword's or an author's published articles, newest first, straight from the index on article_keywords
// (keyword_id, published_at, article_id) or article_authors (author_slug, published_at, article_id): the count reads
// only that index, a page only its 20 articles. CROSS JOIN keeps SQLite from starting at the articles instead
// (without statistics it guesses `status = ?` matches a few rows). See docs/decisions/0008.
type ArticleIndex = {
  table: typeof articleKeywords | typeof articleAuthors;
  /** The listing's rows whose article is published (their `published_at` copy is null otherwise). */
  where: SQL | undefined;
  publishedAt: typeof articleKeywords.publishedAt | typeof articleAuthors.publishedAt;
  articleId: typeof articleKeywords.articleId | typeof articleAuthors.articleId;
};

async function listIndexedArticles(index: ArticleIndex, page: number): Promise<ListingPage> {
  const db = getDb();
  const [row] = await db.select({ n: count() }).from(index.table).where(index.where);
  return pageOf(row?.n ?? 0, page, async ({ limit, offset }) =>
    (await db
      .select(teaserColumns)
      .from(index.table)
      .crossJoin(articles)
      .leftJoin(images, eq(images.id, articles.leadImageId))
      .where(and(index.where, eq(articles.id, index.articleId), isPublished))
      .orderBy(desc(index.publishedAt), desc(index.articleId))
      .limit(limit)
      .offset(offset)).map(toTeaser),
  );
}

export function listKeywordArticles({ keywordId, page }: { keywordId: number; page: number }): Promise<ListingPage> {
  const where = and(eq(articleKeywords.keywordId, keywordId), isNotNull(articleKeywords.publishedAt));
  return listIndexedArticles({ table: articleKeywords, where, publishedAt: articleKeywords.publishedAt, articleId: articleKeywords.articleId }, page);
}

export function listAuthorArticles({ slug, page }: { slug: string; page: number }): Promise<ListingPage> {
  const index = { table: articleAuthors, where: isAuthorPublished(slug), publishedAt: articleAuthors.publishedAt, articleId: articleAuthors.articleId };
  return listIndexedArticles(index, page);
}

export function listLatestArticles(limit: number): Promise<ArticleTeaser[]> {
  return selectTeasers({ limit });
}
