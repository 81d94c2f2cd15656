import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { getDb, postgresPool, withTransaction, type Db } from '@/db/client';
import { ensureCrops, findImageSource, readImage, storeImage, type CheckedImage, type StoredImage } from '@/db/import/media-store';
import { recordInvalidation } from '@/db/queries/cache-invalidations';
import { indexArticle } from '@/db/queries/search-index';
import { getEnv } from '@/env';
import { articleKeywords, articles, articleViews, categories, images, keywords } from '@/db/schema';
import {
  describeIssues,
  importArticleSchema,
  importCategoriesSchema,
  type ImportArticle,
  type ImportCategories,
  type StoredBlock,
} from '@/lib/content-schema';
import { tagsForArticleChange, tagsForCategoryChange } from '@/lib/cache-tags';
import { slugify } from '@/lib/vietnamese';

export type ImportOutcome =
  | { file: string; ok: true; summary: string }
  | { file: string; ok: false; errors: string[] };

class ImportError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('; '));
  }
}

/** Finds and reads every photo the article names; reports each one that is missing or not an image. */
async function readImages(article: ImportArticle, jsonFile: string): Promise<{ checked: Map<string, CheckedImage>; errors: string[] }> {
  const checked = new Map<string, CheckedImage>();
  const errors: string[] = [];
  for (const [index, block] of article.body.entries()) {
    if (block.type !== 'image' || checked.has(block.file)) continue;
    const source = await findImageSource(jsonFile, block.file);
    if (!source) {
      errors.push(`body.${index}.file: image "${block.file}" not found beside the file, in media/ or in ../media/`);
      continue;
    }
    try {
      checked.set(block.file, await readImage(source));
    } catch (error) {
      errors.push(`body.${index}.file: image "${block.file}" cannot be read (${(error as Error).message})`);
    }
  }
  return { checked, errors };
}

/** Everything about an article that can be checked before anything is written: its category and its photos. */
async function checkArticle(article: ImportArticle, jsonFile: string): Promise<Map<string, CheckedImage>> {
  const { checked, errors } = await readImages(article, jsonFile);
  const problems = [...(await categoryProblems(getDb(), article.categoryId)), ...errors];
  if (problems.length) throw new ImportError(problems);
  return checked;
}

/**
 * Stores the file's photos in the media store and makes the lead photo's share and structured-data crops. Runs
 * after every check, before the transaction: files are content-addressed, so if the database write then fails,
 * what is left is unreferenced copies, never a changed photo.
 */
async function storeImages(article: ImportArticle, checked: Map<string, CheckedImage>, mediaDir: string): Promise<Map<string, StoredImage>> {
  const stored = new Map<string, StoredImage>();
  for (const [name, image] of checked) stored.set(name, await storeImage(image, mediaDir));
  const lead = article.body.find((b) => b.type === 'image');
  if (lead) await ensureCrops(stored.get(lead.file)!, mediaDir);
  return stored;
}

/** The body as stored: each photo becomes an `images` row (reused when file and texts are the same). */
async function storeBody(db: Db, article: ImportArticle, stored: Map<string, StoredImage>): Promise<StoredBlock[]> {
  const blocks: StoredBlock[] = [];
  for (const block of article.body) {
    if (block.type !== 'image') {
      blocks.push(block);
      continue;
    }
    const { file, width, height } = stored.get(block.file)!;
    const texts = { alt: block.alt, caption: block.caption ?? null, credit: block.credit ?? null };
    const same = (column: SQLiteColumn, value: string | null) => (value === null ? isNull(column) : eq(column, value));
    const [existing] = await db
      .select({ id: images.id })
      .from(images)
      .where(and(eq(images.file, file), same(images.alt, texts.alt), same(images.caption, texts.caption), same(images.credit, texts.credit)))
      .limit(1);
    const id = existing?.id ?? (await db.insert(images).values({ file, width, height, ...texts }).returning({ id: images.id }))[0]!.id;
    blocks.push({ type: 'image', imageId: id });
  }
  return blocks;
}

/** An import file's keywords in order, one per slug (names that slug to nothing are dropped). */
function uniqueKeywords(names: string[]): Array<{ slug: string; name: string }> {
  const bySlug = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim();
    const slug = slugify(name);
    if (slug && !bySlug.has(slug)) bySlug.set(slug, name);
  }
  return [...bySlug].map(([slug, name]) => ({ slug, name }));
}

async function replaceKeywords(db: Db, articleId: number, wanted: Array<{ slug: string; name: string }>): Promise<void> {
  await db.delete(articleKeywords).where(eq(articleKeywords.articleId, articleId));
  for (const [position, { slug, name }] of wanted.entries()) {
    const [keyword] = await db
      .insert(keywords)
      .values({ slug, name })
      .onConflictDoUpdate({ target: keywords.slug, set: { slug } })
      .returning({ id: keywords.id });
    await db.insert(articleKeywords).values({ articleId, keywordId: keyword!.id, position });
  }
}

/** Checked before anything is written, and again inside the transaction. */
async function categoryProblems(db: Db, categoryId: number): Promise<string[]> {
  const [category] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId)).limit(1);
  return category ? [] : [`categoryId: unknown category ${categoryId}`];
}

async function writeArticle(db: Db, article: ImportArticle, stored: Map<string, StoredImage>): Promise<string> {
  const problems = await categoryProblems(db, article.categoryId);
  if (problems.length) throw new ImportError(problems);

  const body = await storeBody(db, article, stored);
  const leadImageId = body.find((b) => b.type === 'image')?.imageId ?? null;
  // FOR UPDATE on PostgreSQL: two imports of the same article wait for each other (SQLite's BEGIN IMMEDIATE
  // already serialises every writer).
  const current = db.select().from(articles).where(eq(articles.id, article.id));
  const [existing] = await (postgresPool(db) ? (current as unknown as { for: (s: 'update') => typeof current }).for('update') : current);
  const content = {
    categoryId: article.categoryId,
    title: article.title,
    sapo: article.sapo,
    body,
    byline: article.author?.trim() || null,
    leadImageId,
    status: article.status,
    publishedAt: article.publishedAt,
  };
  // A changed title keeps the old slug: links already shared must not change.
  const slug = article.slug ?? existing?.slug ?? (slugify(article.title) || `bai-viet-${article.id}`);
  const keywordsBefore = existing ? await keywordSlugs(db, article.id) : [];
  const wantedKeywords = uniqueKeywords(article.keywords);
  const changed =
    !existing ||
    existing.slug !== slug ||
    fingerprint(existing) !== fingerprint(content) ||
    keywordsBefore.join() !== wantedKeywords.map((k) => k.slug).join();
  const updatedAt = article.updatedAt ?? (existing ? (changed ? new Date() : existing.updatedAt) : article.publishedAt);

  await db
    .insert(articles)
    .values({ id: article.id, slug, ...content, updatedAt })
    .onConflictDoUpdate({ target: articles.id, set: { slug, ...content, updatedAt } });
  await replaceKeywords(db, article.id, wantedKeywords);
  if (article.views !== undefined) {
    // Views carried over from the old site never lower a count the portal has already recorded.
    const larger = postgresPool(db) ? sql`greatest(${articleViews.views}, excluded.views)` : sql`max(${articleViews.views}, excluded.views)`;
    await db
      .insert(articleViews)
      .values({ articleId: article.id, views: article.views })
      .onConflictDoUpdate({ target: articleViews.articleId, set: { views: larger } });
  }
  if (changed) {
    await indexArticle(db, article.id);
    const before = existing ? { id: existing.id, categoryId: existing.categoryId, keywordSlugs: keywordsBefore } : null;
    const after = { id: article.id, categoryId: article.categoryId, keywordSlugs: wantedKeywords.map((k) => k.slug) };
    await recordInvalidation(db, tagsForArticleChange(before, after));
  }
  if (!existing) return `article ${article.id} created`;
  return changed ? `article ${article.id} updated` : `article ${article.id} unchanged`;
}

async function keywordSlugs(db: Db, articleId: number): Promise<string[]> {
  const rows = await db
    .select({ slug: keywords.slug })
    .from(articleKeywords)
    .innerJoin(keywords, eq(keywords.id, articleKeywords.keywordId))
    .where(eq(articleKeywords.articleId, articleId))
    .orderBy(articleKeywords.position);
  return rows.map((k) => k.slug);
}

function fingerprint(row: Record<string, unknown>): string {
  const { categoryId, title, sapo, body, byline, leadImageId, status, publishedAt } = row;
  return JSON.stringify([categoryId, title, sapo, body, byline, leadImageId, status, (publishedAt as Date).getTime()]);
}

async function writeCategories(db: Db, data: ImportCategories): Promise<string> {
  for (const category of data.categories) {
    const values = { name: category.name, position: category.position, description: category.description ?? null };
    await db.insert(categories).values({ id: category.id, ...values }).onConflictDoUpdate({ target: categories.id, set: values });
  }
  await recordInvalidation(db, tagsForCategoryChange(data.categories.map((c) => c.id)));
  return `${data.categories.length} categories`;
}

function parseDocument(raw: string): { kind: 'categories'; data: ImportCategories } | { kind: 'article'; data: ImportArticle } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ImportError([`(file): not valid JSON (${(error as Error).message})`]);
  }
  if (json && typeof json === 'object' && 'categories' in json) {
    const parsed = importCategoriesSchema.safeParse(json);
    if (!parsed.success) throw new ImportError(describeIssues(parsed.error));
    return { kind: 'categories', data: parsed.data };
  }
  const parsed = importArticleSchema.safeParse(json);
  if (!parsed.success) throw new ImportError(describeIssues(parsed.error));
  return { kind: 'article', data: parsed.data };
}

/**
 * Imports one JSON file in one transaction: all of it is written, or none of it. Everything that can be
 * checked (the document, its category, its photos) is checked before anything is written.
 */
export async function importFile(file: string, { mediaDir = getEnv().mediaPath } = {}): Promise<ImportOutcome> {
  try {
    const doc = parseDocument(await fs.readFile(file, 'utf8'));
    if (doc.kind === 'categories') {
      return { file, ok: true, summary: await withTransaction((tx) => writeCategories(tx, doc.data)) };
    }
    const stored = await storeImages(doc.data, await checkArticle(doc.data, file), mediaDir);
    return { file, ok: true, summary: await withTransaction((tx) => writeArticle(tx, doc.data, stored)) };
  } catch (error) {
    const errors = error instanceof ImportError ? error.errors : [`(file): ${(error as Error).message}`];
    return { file, ok: false, errors };
  }
}

async function listJsonFiles(target: string): Promise<string[]> {
  const stat = await fs.stat(target);
  if (!stat.isDirectory()) return [target];
  const entries = await fs.readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => Number(!a.endsWith('categories.json')) - Number(!b.endsWith('categories.json')) || a.localeCompare(b));
}

/** Imports a file or every JSON file under a folder (category lists first), one result per file. */
export async function importPath(target: string, options: { mediaDir?: string } = {}): Promise<ImportOutcome[]> {
  const results: ImportOutcome[] = [];
  for (const file of await listJsonFiles(target)) results.push(await importFile(file, options));
  return results;
}
