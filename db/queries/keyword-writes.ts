import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/engine';
import { articleKeywords, keywords } from '@/db/schema';
import { slugify } from '@/lib/vietnamese';

export type KeywordInput = { slug: string; name: string };

/** Keyword names as an editor typed them, in order, one per slug (names that slug to nothing are dropped). */
export function uniqueKeywords(names: readonly string[]): KeywordInput[] {
  const bySlug = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim();
    const slug = slugify(name);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, name);
  }
  return [...bySlug].map(([slug, name]) => ({ slug, name }));
}

/** The slugs of an article's keywords, in the article's order. */
export async function listArticleKeywordSlugs(db: Db, articleId: number): Promise<string[]> {
  const rows = await db
    .select({ slug: keywords.slug })
    .from(articleKeywords)
    .innerJoin(keywords, eq(keywords.id, articleKeywords.keywordId))
    .where(eq(articleKeywords.articleId, articleId))
    .orderBy(asc(articleKeywords.position));
  return rows.map((k) => k.slug);
}

/**
 * Makes `wanted` the article's keywords, in that order, creating the keywords that do not exist yet (an existing
 * keyword keeps its name). Call in the transaction that saves the article (`tx`).
 */
export async function replaceArticleKeywords(tx: Db, articleId: number, wanted: readonly KeywordInput[]): Promise<void> {
  await tx.delete(articleKeywords).where(eq(articleKeywords.articleId, articleId));
  for (const [position, { slug, name }] of wanted.entries()) {
    const [keyword] = await tx
      .insert(keywords)
      .values({ slug, name })
      .onConflictDoUpdate({ target: keywords.slug, set: { slug } }) // a no-op update, so that the row is returned
      .returning({ id: keywords.id });
    await tx.insert(articleKeywords).values({ articleId, keywordId: keyword!.id, position });
  }
}
