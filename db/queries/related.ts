import { and, count, desc, eq, inArray, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleKeywords, articles, images } from '@/db/schema';
import { isPublished, selectTeasers, teaserColumns, toTeaser, type ArticleTeaser } from '@/db/queries/teasers';

export const RELATED_LIMIT = 6;

/**
 * Other published articles ranked by the number of keywords shared with `article`, then same category,
 * then newest. Built from indexed look-ups (keyword join, then category, then latest) rather than a
 * score over every article, so it stays fast on a large archive.
 */
export function listRelatedArticles(
  article: { id: number; categoryId: number },
  limit = RELATED_LIMIT,
): ArticleTeaser[] {
  const db = getDb();
  const ownKeywords = db
    .select({ id: articleKeywords.keywordId })
    .from(articleKeywords)
    .where(eq(articleKeywords.articleId, article.id));
  const shared = count(articleKeywords.keywordId);
  const sameCategory = sql<number>`(${articles.categoryId} = ${article.categoryId})`;
  const byKeywords = db
    .select(teaserColumns)
    .from(articleKeywords)
    .innerJoin(articles, eq(articles.id, articleKeywords.articleId))
    .leftJoin(images, eq(images.id, articles.leadImageId))
    .where(and(inArray(articleKeywords.keywordId, ownKeywords), ne(articles.id, article.id), isPublished))
    .groupBy(articles.id)
    .orderBy(desc(shared), desc(sameCategory), desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all()
    .map(toTeaser);

  const picked = [...byKeywords];
  const fill = (where: SQL | undefined) => {
    if (picked.length >= limit) return;
    const exclude = [article.id, ...picked.map((a) => a.id)];
    picked.push(...selectTeasers({ where: and(where, notInArray(articles.id, exclude)), limit: limit - picked.length }));
  };
  fill(eq(articles.categoryId, article.categoryId));
  fill(undefined);
  return picked;
}
