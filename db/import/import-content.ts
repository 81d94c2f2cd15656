import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { articleKeywords, articles, articleViews, categories, images, keywords } from '@/db/schema';
import {
  describeIssues,
  importArticleSchema,
  importCategoriesSchema,
  type ImportArticle,
  type ImportCategories,
  type StoredBlock,
} from '@/lib/content-schema';
import { slugify } from '@/lib/vietnamese';

export type ImportOutcome =
  | { file: string; ok: true; summary: string }
  | { file: string; ok: false; errors: string[] };

type ImageSize = { width: number; height: number };

export const MEDIA_DIR = path.join(process.cwd(), 'public', 'media');

class ImportError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('; '));
  }
}

async function readImageSizes(article: ImportArticle, mediaDir: string): Promise<Map<string, ImageSize>> {
  const sizes = new Map<string, ImageSize>();
  const errors: string[] = [];
  for (const [index, block] of article.body.entries()) {
    if (block.type !== 'image' || sizes.has(block.file)) continue;
    try {
      const meta = await sharp(path.join(mediaDir, block.file)).metadata();
      if (!meta.width || !meta.height) throw new Error('no dimensions');
      sizes.set(block.file, { width: meta.width, height: meta.height });
    } catch {
      errors.push(`body.${index}.file: image "${block.file}" is missing from public/media or is not a readable image`);
    }
  }
  if (errors.length) throw new ImportError(errors);
  return sizes;
}

function upsertImages(article: ImportArticle, sizes: Map<string, ImageSize>): StoredBlock[] {
  const db = getDb();
  return article.body.map((block): StoredBlock => {
    if (block.type !== 'image') return block;
    const size = sizes.get(block.file)!;
    const values = { ...size, alt: block.alt, caption: block.caption ?? null, credit: block.credit ?? null };
    const row = db
      .insert(images)
      .values({ file: block.file, ...values })
      .onConflictDoUpdate({ target: images.file, set: values })
      .returning({ id: images.id })
      .get();
    return { type: 'image', imageId: row.id };
  });
}

function replaceKeywords(articleId: number, names: string[]): void {
  const db = getDb();
  db.delete(articleKeywords).where(eq(articleKeywords.articleId, articleId)).run();
  const seen = new Set<string>();
  names.forEach((rawName) => {
    const name = rawName.trim();
    const slug = slugify(name);
    if (!slug || seen.has(slug)) return;
    seen.add(slug);
    const keyword = db
      .insert(keywords)
      .values({ slug, name })
      .onConflictDoUpdate({ target: keywords.slug, set: { slug } })
      .returning({ id: keywords.id })
      .get();
    db.insert(articleKeywords).values({ articleId, keywordId: keyword.id, position: seen.size - 1 }).run();
  });
}

function writeArticle(article: ImportArticle, sizes: Map<string, ImageSize>): string {
  const db = getDb();
  const category = db.select({ id: categories.id }).from(categories).where(eq(categories.id, article.categoryId)).get();
  if (!category) throw new ImportError([`categoryId: unknown category ${article.categoryId}`]);

  const body = upsertImages(article, sizes);
  const leadImageId = body.find((b) => b.type === 'image')?.imageId ?? null;
  const existing = db.select().from(articles).where(eq(articles.id, article.id)).get();
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
  const keywordsBefore = existing
    ? db.select({ id: articleKeywords.keywordId }).from(articleKeywords).where(eq(articleKeywords.articleId, article.id)).all()
    : [];
  // A changed title keeps the old slug: links already shared must not change.
  const slug = article.slug ?? existing?.slug ?? (slugify(article.title) || `bai-viet-${article.id}`);
  const changed = !existing || existing.slug !== slug || fingerprint(existing) !== fingerprint(content);
  const updatedAt = article.updatedAt ?? (existing ? (changed ? new Date() : existing.updatedAt) : article.publishedAt);

  db.insert(articles)
    .values({ id: article.id, slug, ...content, updatedAt })
    .onConflictDoUpdate({ target: articles.id, set: { slug, ...content, updatedAt } })
    .run();
  replaceKeywords(article.id, article.keywords);
  const keywordsAfter = db.select({ id: articleKeywords.keywordId }).from(articleKeywords).where(eq(articleKeywords.articleId, article.id)).all();
  if (article.views !== undefined) {
    // Views carried over from the old site never lower a count the portal has already recorded.
    db.insert(articleViews)
      .values({ articleId: article.id, views: article.views })
      .onConflictDoUpdate({ target: articleViews.articleId, set: { views: sql`max(${articleViews.views}, excluded.views)` } })
      .run();
  }
  const keywordsChanged = JSON.stringify(keywordsBefore) !== JSON.stringify(keywordsAfter);
  if (!existing) return `article ${article.id} created`;
  return changed || keywordsChanged ? `article ${article.id} updated` : `article ${article.id} unchanged`;
}

function fingerprint(row: Record<string, unknown>): string {
  const { categoryId, title, sapo, body, byline, leadImageId, status, publishedAt } = row;
  return JSON.stringify([categoryId, title, sapo, body, byline, leadImageId, status, (publishedAt as Date).getTime()]);
}

function writeCategories(data: ImportCategories): string {
  const db = getDb();
  for (const category of data.categories) {
    const values = { name: category.name, position: category.position, description: category.description ?? null };
    db.insert(categories).values({ id: category.id, ...values }).onConflictDoUpdate({ target: categories.id, set: values }).run();
  }
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

/** Imports one JSON file in one transaction: all of it is written, or none of it. */
export async function importFile(file: string, { mediaDir = MEDIA_DIR } = {}): Promise<ImportOutcome> {
  try {
    const doc = parseDocument(await fs.readFile(file, 'utf8'));
    const db = getDb();
    if (doc.kind === 'categories') {
      return { file, ok: true, summary: db.transaction(() => writeCategories(doc.data)) };
    }
    const sizes = await readImageSizes(doc.data, mediaDir);
    return { file, ok: true, summary: db.transaction(() => writeArticle(doc.data, sizes)) };
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
