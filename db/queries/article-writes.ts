import { eq } from 'drizzle-orm';
import { forUpdate, type Db } from '@/db/engine';
import { articles, type ArticleRow } from '@/db/schema';
import { replaceArticleAuthors } from '@/db/queries/author-writes';
import { recordInvalidation } from '@/db/queries/cache-invalidations';
import { categoryExists } from '@/db/queries/category-writes';
import { findOrCreateImage, type ImageInput } from '@/db/queries/image-writes';
import { listArticleKeywordSlugs, replaceArticleKeywords, uniqueKeywords } from '@/db/queries/keyword-writes';
import { indexArticle } from '@/db/queries/search-index';
import { bylineAuthors } from '@/lib/authors';
import type { StoredBlock } from '@/lib/content-schema';
import { articleTag, tagsForArticleChange } from '@/lib/cache-tags';
import { foldVietnamese, slugify } from '@/lib/vietnamese';

// The one way content gets into the articles table: the importer (and the seed through it) call saveArticle,
// and so will the newsroom's editor. One call, in the caller's transaction, writes the article, its photos'
// rows, its keywords and its byline's authors, re-indexes it for search and records the cache invalidation, and
// says what changed.

/** A body block to save: text blocks as stored (validated by lib/content-schema.ts), photos with their file and texts. */
export type ArticleBlockInput = Exclude<StoredBlock, { type: 'image' }> | ({ type: 'image' } & ImageInput);

export type ArticleInput = {
  /** Kept from the old site on import, so every shared link stays valid. */
  id: number;
  categoryId: number;
  /** By default the stored one (links already shared must not change), else made from the title. */
  slug?: string;
  title: string;
  sapo: string;
  byline: string | null;
  status: 'draft' | 'published';
  publishedAt: Date;
  /** By default the save's time when it changes the article, the publication time for a new one. */
  updatedAt?: Date;
  body: ArticleBlockInput[];
  /** Keyword names in order; one per slug. */
  keywords: readonly string[];
  /** The lead photo (Ảnh đại diện): by default the body's first photo, as the importer has it; null for none. */
  leadImage?: ImageInput | null;
  /** The staff user saving (the newsroom's editor); null or absent for the importer. */
  savedBy?: string | null;
  /** The version the save is based on (the editor's): another stored version refuses it with ArticleConflict. */
  expectedVersion?: number;
};

export type ArticleField =
  | 'categoryId'
  | 'slug'
  | 'title'
  | 'sapo'
  | 'body'
  | 'leadImage'
  | 'byline'
  | 'status'
  | 'publishedAt'
  | 'updatedAt'
  | 'keywords';

export type SavedArticle = {
  id: number;
  slug: string;
  outcome: 'created' | 'updated' | 'unchanged';
  /** The stored version after the save (one more than before when anything changed). */
  version: number;
  /** What is stored differently now (every field for a new article, none when unchanged). */
  changed: ArticleField[];
  /** The cache tags the save expired, recorded in the same transaction; none when unchanged. */
  expiredTags: string[];
};

/** A save refused for what it says (nothing is written): each problem as "field: message", like describeIssues. */
export class ArticleRejected extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** A save based on a version that is no longer the stored one (someone else saved in between): nothing is written. */
export class ArticleConflict extends Error {
  constructor(readonly currentVersion: number | null) {
    super(currentVersion === null ? 'the article does not exist' : `the article is at version ${currentVersion}`);
  }
}

/** What would make saveArticle refuse `input` (checked before the transaction, and again inside it). */
export async function listArticleProblems(db: Db, input: Pick<ArticleInput, 'categoryId'>): Promise<string[]> {
  return (await categoryExists(db, input.categoryId)) ? [] : [`categoryId: unknown category ${input.categoryId}`];
}

/** The body as stored: each photo becomes an `images` row (reused when file and texts are the same). */
async function storeBody(tx: Db, body: readonly ArticleBlockInput[]): Promise<StoredBlock[]> {
  const blocks: StoredBlock[] = [];
  for (const block of body) {
    if (block.type === 'image') blocks.push({ type: 'image', imageId: await findOrCreateImage(tx, block) });
    else blocks.push(block);
  }
  return blocks;
}

type Stored = Pick<ArticleRow, 'categoryId' | 'slug' | 'title' | 'sapo' | 'body' | 'byline' | 'leadImageId' | 'status' | 'publishedAt' | 'updatedAt'>;

function differences(before: Stored, after: Stored, keywordsBefore: string[], keywordsAfter: string[]): ArticleField[] {
  const changed: ArticleField[] = [];
  for (const field of ['categoryId', 'slug', 'title', 'sapo', 'byline', 'status'] as const) if (before[field] !== after[field]) changed.push(field);
  if (JSON.stringify(before.body) !== JSON.stringify(after.body)) changed.push('body');
  if (before.leadImageId !== after.leadImageId) changed.push('leadImage');
  if (before.publishedAt.getTime() !== after.publishedAt.getTime()) changed.push('publishedAt');
  if (before.updatedAt.getTime() !== after.updatedAt.getTime()) changed.push('updatedAt');
  if (keywordsBefore.join() !== keywordsAfter.join()) changed.push('keywords');
  return changed;
}

const authorSlugsOf = (byline: string | null) => bylineAuthors(byline).map((author) => author.slug);

const ALL_FIELDS: ArticleField[] = ['categoryId', 'slug', 'title', 'sapo', 'body', 'leadImage', 'byline', 'status', 'publishedAt', 'updatedAt', 'keywords'];

async function leadImageIdOf(tx: Db, input: ArticleInput, body: StoredBlock[]): Promise<number | null> {
  if (input.leadImage === undefined) return body.find((b) => b.type === 'image')?.imageId ?? null;
  return input.leadImage ? findOrCreateImage(tx, input.leadImage) : null;
}

/**
 * Creates or updates the article `input.id` in the transaction `tx` (withTransaction, db/client.ts): its row, its
 * photos' rows, its keywords, its byline's authors, its search index entry and the cache invalidation of every page
 * that shows it.
 * Saving what is already stored writes nothing. Throws ArticleRejected for an unknown category.
 */
export async function saveArticle(tx: Db, input: ArticleInput, { now = new Date() }: { now?: Date } = {}): Promise<SavedArticle> {
  const problems = await listArticleProblems(tx, input);
  if (problems.length) throw new ArticleRejected(problems);
  // Locked on PostgreSQL: two saves of the same article wait for each other.
  const [existing] = await forUpdate(tx, tx.select().from(articles).where(eq(articles.id, input.id)));
  if (input.expectedVersion !== undefined && (existing?.version ?? 0) !== input.expectedVersion) throw new ArticleConflict(existing?.version ?? null);
  const body = await storeBody(tx, input.body);
  const wanted = uniqueKeywords(input.keywords);
  const keywordsBefore = existing ? await listArticleKeywordSlugs(tx, input.id) : [];
  const keywordsAfter = wanted.map((k) => k.slug);
  const content = {
    categoryId: input.categoryId,
    slug: input.slug ?? existing?.slug ?? (slugify(input.title) || `bai-viet-${input.id}`),
    title: input.title,
    sapo: input.sapo,
    body,
    byline: input.byline,
    leadImageId: await leadImageIdOf(tx, input, body),
    status: input.status,
    publishedAt: input.publishedAt,
    titleFolded: foldVietnamese(input.title),
  };
  const contentChanged = !existing || differences(existing, { ...content, updatedAt: existing.updatedAt }, keywordsBefore, keywordsAfter).length > 0;
  const updatedAt = input.updatedAt ?? (existing ? (contentChanged ? now : existing.updatedAt) : input.publishedAt);
  const changed = existing ? differences(existing, { ...content, updatedAt }, keywordsBefore, keywordsAfter) : ALL_FIELDS;
  if (existing && changed.length === 0) return { id: input.id, slug: existing.slug, outcome: 'unchanged', version: existing.version, changed, expiredTags: [] };
  const row = {
    ...content,
    updatedAt,
    version: (existing?.version ?? 0) + 1,
    updatedBy: input.savedBy ?? null,
    firstPublishedAt: existing?.firstPublishedAt ?? (input.status === 'published' ? input.publishedAt : null),
  };

  await tx
    .insert(articles)
    .values({ id: input.id, ...row, createdBy: input.savedBy ?? null })
    .onConflictDoUpdate({ target: articles.id, set: row });
  if (changed.includes('keywords')) await replaceArticleKeywords(tx, input.id, wanted);
  if (changed.includes('byline')) await replaceArticleAuthors(tx, input.id, bylineAuthors(row.byline));
  await indexArticle(tx, input.id);
  const before = existing
    ? { id: existing.id, categoryId: existing.categoryId, keywordSlugs: keywordsBefore, authorSlugs: authorSlugsOf(existing.byline) }
    : null;
  const after = { id: input.id, categoryId: input.categoryId, keywordSlugs: keywordsAfter, authorSlugs: authorSlugsOf(row.byline) };
  // A draft that was not published either is on no public page: its saves (the editor autosaves every few seconds)
  // expire nothing but its own tag, not the listings, rails, sitemaps and feeds of its category and keywords.
  const onPublicPages = existing?.status === 'published' || row.status === 'published';
  const expiredTags = onPublicPages ? tagsForArticleChange(before, after) : [articleTag(input.id)];
  await recordInvalidation(tx, expiredTags);
  return { id: input.id, slug: row.slug, outcome: existing ? 'updated' : 'created', version: row.version, changed, expiredTags };
}
