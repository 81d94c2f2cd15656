import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleAuthors } from '@/db/schema';
import type { Author } from '@/lib/authors';

export type { Author } from '@/lib/authors';

/** Rows of the author index for the author `slug` whose article is published (published_at is null otherwise). */
export const isAuthorPublished = (slug: string) => and(eq(articleAuthors.authorSlug, slug), isNotNull(articleAuthors.publishedAt));

/**
 * The author `slug` as their newest published article spells the name; null when no published article has them in
 * its byline (the page answers 404 and nothing links to it).
 */
export async function getAuthorBySlug(slug: string): Promise<Author | null> {
  const [row] = await getDb()
    .select({ slug: articleAuthors.authorSlug, name: articleAuthors.name })
    .from(articleAuthors)
    .where(isAuthorPublished(slug))
    .orderBy(desc(articleAuthors.publishedAt), desc(articleAuthors.articleId))
    .limit(1);
  return row ?? null;
}
