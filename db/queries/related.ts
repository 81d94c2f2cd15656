import { and, count, desc, eq, inArray, isNotNull, max, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleKeywords, articles, images } from '@/db/schema';
import { isPublished, selectTeasers, teaserColumns, toTeaser, type ArticleTeaser } from '@/db/queries/teasers';
import type { RailFills } from '@/lib/cache-tags';

export const RELATED_LIMIT = 6;

/**
 * Other published articles ranked by the number of keywords shared with `article`, then same category,
 * then newest. The ranking reads only the index on article_keywords (which carries each link's category and
 * publication date), so only the articles finally shown are read; then the same category and the latest fill
 * the list from their own indexes. Also says which fills were needed: the cached page is expired by what could
 * bring another article into its rail (db/cached/pages.ts, lib/cache-tags.ts tagsForArticlePage).
 */
export async function listRelatedRail(
  article: { id: number; categoryId: number },
  limit = RELATED_LIMIT,
): Promise<{ articles: ArticleTeaser[]; filledFrom: RailFills }> {
  const db = getDb();
  const ownKeywords = db
    .select({ id: articleKeywords.keywordId })
    .from(articleKeywords)
    .where(eq(articleKeywords.articleId, article.id));
  const ranked = db
    .select({
      id: articleKeywords.articleId,
      shared: count().as('shared'),
      // CASE rather than a comparison's value: PostgreSQL has no max() of booleans.
      sameCategory: sql<number>`max(case when ${articleKeywords.categoryId} = ${article.categoryId} then 1 else 0 end)`.as('same_category'),
      publishedAt: max(articleKeywords.publishedAt).as('published'),
    })
    .from(articleKeywords)
    .where(and(inArray(articleKeywords.keywordId, ownKeywords), isNotNull(articleKeywords.publishedAt), ne(articleKeywords.articleId, article.id)))
    .groupBy(articleKeywords.articleId)
    .orderBy(desc(sql`shared`), desc(sql`same_category`), desc(sql`published`), desc(articleKeywords.articleId))
    .limit(limit)
    .as('ranked');
  // CROSS JOIN: from the six ranked ids to their articles, never the other way round.
  const byKeywords = (
    await db
    .select(teaserColumns)
    .from(ranked)
    .crossJoin(articles)
    .leftJoin(images, eq(images.id, articles.leadImageId))
    .where(and(eq(articles.id, ranked.id), isPublished))
    .orderBy(desc(ranked.shared), desc(ranked.sameCategory), desc(ranked.publishedAt), desc(ranked.id))
  ).map(toTeaser);

  const picked = [...byKeywords];
  const filledFrom: RailFills = { category: false, latest: false };
  const fill = async (source: keyof RailFills, where: SQL | undefined) => {
    if (picked.length >= limit) return;
    filledFrom[source] = true;
    const exclude = [article.id, ...picked.map((a) => a.id)];
    picked.push(...(await selectTeasers({ where: and(where, notInArray(articles.id, exclude)), limit: limit - picked.length })));
  };
  await fill('category', eq(articles.categoryId, article.categoryId));
  await fill('latest', undefined);
  return { articles: picked, filledFrom };
}

/** The related rail's articles alone. */
export async function listRelatedArticles(article: { id: number; categoryId: number }, limit = RELATED_LIMIT): Promise<ArticleTeaser[]> {
  return (await listRelatedRail(article, limit)).articles;
}
