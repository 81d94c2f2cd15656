import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleKeywords, keywords } from '@/db/schema';

export type Keyword = { id: number; slug: string; name: string };

export function getKeywordBySlug(slug: string): Keyword | null {
  return (
    getDb()
      .select({ id: keywords.id, slug: keywords.slug, name: keywords.name })
      .from(keywords)
      .where(eq(keywords.slug, slug))
      .get() ?? null
  );
}

export function listArticleKeywords(articleId: number): Keyword[] {
  return getDb()
    .select({ id: keywords.id, slug: keywords.slug, name: keywords.name })
    .from(articleKeywords)
    .innerJoin(keywords, eq(keywords.id, articleKeywords.keywordId))
    .where(eq(articleKeywords.articleId, articleId))
    .orderBy(asc(articleKeywords.position))
    .all();
}
