import fs from 'node:fs/promises';
import path from 'node:path';
import { getDb, withTransaction, type Db } from '@/db/client';
import { ensureCrops, findImageSource, readImage, storeImage, type CheckedImage, type StoredImage } from '@/db/import/media-store';
import { ArticleRejected, listArticleProblems, saveArticle, type ArticleInput } from '@/db/queries/article-writes';
import { saveCategories } from '@/db/queries/category-writes';
import { carryOverViewCount } from '@/db/queries/views';
import { getEnv } from '@/env';
import {
  describeIssues,
  importArticleSchema,
  importCategoriesSchema,
  type ImportArticle,
  type ImportCategories,
} from '@/lib/content-schema';

// Reads, checks and reports; the database writes are db/queries' (article-writes.ts, category-writes.ts), the
// same functions the newsroom's editor saves through.

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
  const problems = [...(await listArticleProblems(getDb(), article)), ...errors];
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

/** The article as saved: its photos are the stored copies, with the texts the file gives them. */
function toArticleInput(article: ImportArticle, stored: Map<string, StoredImage>): ArticleInput {
  return {
    id: article.id,
    categoryId: article.categoryId,
    slug: article.slug,
    title: article.title,
    sapo: article.sapo,
    byline: article.author?.trim() || null,
    status: article.status,
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    body: article.body.map((block) =>
      block.type === 'image' ? { type: 'image', ...stored.get(block.file)!, alt: block.alt, caption: block.caption ?? null, credit: block.credit ?? null } : block,
    ),
    keywords: article.keywords,
  };
}

async function writeArticle(tx: Db, article: ImportArticle, stored: Map<string, StoredImage>): Promise<string> {
  const saved = await saveArticle(tx, toArticleInput(article, stored));
  // Views carried over from the old site never lower a count the portal has already recorded.
  if (article.views !== undefined) await carryOverViewCount(tx, article.id, article.views);
  return `article ${saved.id} ${saved.outcome}`;
}

async function writeCategories(tx: Db, data: ImportCategories): Promise<string> {
  await saveCategories(tx, data.categories);
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
    const errors =
      error instanceof ImportError ? error.errors : error instanceof ArticleRejected ? error.problems : [`(file): ${(error as Error).message}`];
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
