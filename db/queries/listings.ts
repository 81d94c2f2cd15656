import { and, count, eq, inArray, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleKeywords, articles } from '@/db/schema';
import { isPublished, PAGE_SIZE, selectTeasers, type ArticleTeaser } from '@/db/queries/teasers';

export type ListingPage = { items: ArticleTeaser[]; total: number; page: number; pageCount: number };

function pageOf(where: SQL, total: number, page: number): ListingPage {
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = page > pageCount ? [] : selectTeasers({ where, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  return { items, total, page, pageCount };
}

export function listCategoryArticles({ categoryId, page }: { categoryId: number; page: number }): ListingPage {
  const where = eq(articles.categoryId, categoryId);
  const total = getDb().select({ n: count() }).from(articles).where(and(isPublished, where)).get()?.n ?? 0;
  return pageOf(where, total, page);
}

export function listKeywordArticles({ keywordId, page }: { keywordId: number; page: number }): ListingPage {
  const tagged = getDb()
    .select({ id: articleKeywords.articleId })
    .from(articleKeywords)
    .where(eq(articleKeywords.keywordId, keywordId));
  const where = inArray(articles.id, tagged);
  const total = getDb().select({ n: count() }).from(articles).where(and(isPublished, where)).get()?.n ?? 0;
  return pageOf(where, total, page);
}

export function listLatestArticles(limit: number): ArticleTeaser[] {
  return selectTeasers({ limit });
}
