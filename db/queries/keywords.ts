import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleKeywords, keywords } from '@/db/schema';
import type { Keyword } from '@/lib/types';

export type { Keyword } from '@/lib/types';

export async function getKeywordBySlug(slug: string): Promise<Keyword | null> {
  const [row] = await getDb()
    .select({ id: keywords.id, slug: keywords.slug, name: keywords.name })
    .from(keywords)
    .where(eq(keywords.slug, slug))
    .limit(1);
  return row ?? null;
}

export function listArticleKeywords(articleId: number): Promise<Keyword[]> {
  return getDb()
    .select({ id: keywords.id, slug: keywords.slug, name: keywords.name })
    .from(articleKeywords)
    .innerJoin(keywords, eq(keywords.id, articleKeywords.keywordId))
    .where(eq(articleKeywords.articleId, articleId))
    .orderBy(asc(articleKeywords.position));
}
