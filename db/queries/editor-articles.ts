import { asc, eq, inArray, like, max } from 'drizzle-orm';
import type { Db } from '@/db/engine';
import { articleKeywords, articles, images, keywords } from '@/db/schema';
import type { ArticleFacts } from '@/lib/newsroom-permissions';
import { toEditorBlocks, type EditorArticle } from '@/lib/editor-draft';
import { articlePath } from '@/lib/urls';
import { slugify } from '@/lib/vietnamese';

// What the newsroom's editor reads: an article as its form shows it (any status), the next id of a new article and
// keyword suggestions. Its writes go through saveArticle (article-writes.ts), like the importer's.

/** The article as the editor opens it, with what its permissions look at; null when there is none. */
export async function getEditorArticle(db: Db, id: number): Promise<{ facts: ArticleFacts; article: EditorArticle } | null> {
  const [row] = await db.select().from(articles).where(eq(articles.id, id)).limit(1);
  if (!row) return null;
  const photoIds = row.body.flatMap((b) => (b.type === 'image' ? [b.imageId] : []));
  if (row.leadImageId !== null) photoIds.push(row.leadImageId);
  const photoRows = photoIds.length
    ? await db.select({ id: images.id, file: images.file, alt: images.alt, caption: images.caption, credit: images.credit }).from(images).where(inArray(images.id, photoIds))
    : [];
  const photos = new Map(photoRows.map((p) => [p.id, p]));
  const lead = row.leadImageId === null ? undefined : photos.get(row.leadImageId);
  const keywordRows = await db
    .select({ name: keywords.name })
    .from(articleKeywords)
    .innerJoin(keywords, eq(keywords.id, articleKeywords.keywordId))
    .where(eq(articleKeywords.articleId, id))
    .orderBy(asc(articleKeywords.position));
  const published = row.status === 'published';
  return {
    facts: { categoryId: row.categoryId, createdBy: row.createdBy, status: row.status },
    article: {
      id: row.id,
      version: row.version,
      status: row.status,
      slug: row.slug,
      slugFollowsTitle: row.firstPublishedAt === null,
      publicPath: published ? articlePath(row) : null,
      updatedAt: row.updatedAt.toISOString(),
      draft: {
        title: row.title,
        sapo: row.sapo,
        categoryId: row.categoryId,
        byline: row.byline ?? '',
        keywords: keywordRows.map((k) => k.name),
        // The stored slug stays in the field once published; before, an empty field means "from the title".
        slug: row.firstPublishedAt === null && row.slug === slugify(row.title) ? '' : row.slug,
        leadImage: lead ? { file: lead.file, alt: lead.alt, caption: lead.caption ?? '', credit: lead.credit ?? '' } : null,
        body: toEditorBlocks(row.body, photos),
      },
    },
  };
}

/** The id of a new article: after every id in use (imported articles keep the old site's ids). */
export async function nextArticleId(tx: Db): Promise<number> {
  const [row] = await tx.select({ id: max(articles.id) }).from(articles);
  return (row?.id ?? 0) + 1;
}

/** Up to `limit` keyword names whose slug contains the query's (folded: "thai binh" finds "Thái Bình"), shortest first. */
export async function suggestKeywordNames(db: Db, query: string, limit = 8): Promise<string[]> {
  const slug = slugify(query);
  if (!slug) return [];
  const rows = await db
    .select({ name: keywords.name, slug: keywords.slug })
    .from(keywords)
    .where(like(keywords.slug, `%${slug}%`)) // a slug has no LIKE wildcard: [a-z0-9-] only
    .limit(200);
  return rows
    .sort((a, b) => Number(!b.slug.startsWith(slug)) - Number(!a.slug.startsWith(slug)) || a.slug.length - b.slug.length || a.slug.localeCompare(b.slug))
    .slice(0, limit)
    .map((r) => r.name);
}

/** What a save of the article must know before writing, read with the row locked (PostgreSQL) in the save's transaction. */
export async function getArticleForSave(tx: Db, id: number) {
  const [row] = await tx
    .select({
      categoryId: articles.categoryId,
      createdBy: articles.createdBy,
      status: articles.status,
      slug: articles.slug,
      publishedAt: articles.publishedAt,
      firstPublishedAt: articles.firstPublishedAt,
    })
    .from(articles)
    .where(eq(articles.id, id))
    .limit(1);
  return row ?? null;
}
