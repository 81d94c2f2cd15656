import { asc, count, sql } from 'drizzle-orm';
import { asPostgres, tablesOf, type Db, type Tables } from '@/db/engine';

// Whole tables at once: how much content a database holds (the seed asks before loading the demo content), and
// the row-for-row copy between engines that db/copy.ts runs. Each function takes the handle it reads or writes
// and uses that handle's own tables, since a copy holds a SQLite and a PostgreSQL database at once.

/** The content tables in an order that satisfies every foreign key. */
export const CONTENT_TABLES = ['categories', 'images', 'articles', 'keywords', 'articleKeywords', 'articleAuthors', 'articleViews'] as const;
export type ContentTable = (typeof CONTENT_TABLES)[number];

export type ContentCounts = Record<ContentTable, number> & { views: number };

/** Rows of each content table and the sum of all view counts. */
export async function countContentRows(db: Db): Promise<ContentCounts> {
  const tables = tablesOf(db);
  const counts = {} as Record<ContentTable, number>;
  for (const name of CONTENT_TABLES) counts[name] = (await db.select({ n: count() }).from(tables[name]))[0]!.n;
  const [views] = await db.select({ total: sql<number>`coalesce(sum(${tables.articleViews.views}), 0)`.mapWith(Number) }).from(tables.articleViews);
  return { ...counts, views: views!.total };
}

/** Categories and articles: a database with neither has no content yet. */
export async function countCategoriesAndArticles(db: Db): Promise<{ categories: number; articles: number }> {
  const tables = tablesOf(db);
  const [categories] = await db.select({ n: count() }).from(tables.categories);
  const [articles] = await db.select({ n: count() }).from(tables.articles);
  return { categories: categories!.n, articles: articles!.n };
}

const orderKey = (tables: Tables, name: ContentTable) => {
  const table = tables[name];
  if ('id' in table) return [asc(table.id)];
  if ('keywordId' in table) return [asc(table.articleId), asc(table.keywordId)];
  if ('authorSlug' in table) return [asc(table.articleId), asc(table.authorSlug)];
  return [asc(table.articleId)];
};

export type ContentRow = Awaited<ReturnType<typeof listContentRows>>[number];

/** `limit` rows of a table from `offset` on, in key order, as Drizzle reads them (the same shape on both engines). */
export function listContentRows(db: Db, name: ContentTable, { offset, limit }: { offset: number; limit: number }) {
  const tables = tablesOf(db);
  return db.select().from(tables[name]).orderBy(...orderKey(tables, name)).limit(limit).offset(offset);
}

/** Writes rows read by listContentRows (from either engine) into the same table of `tx`, ids and all. */
export async function insertContentRows(tx: Db, name: ContentTable, rows: ContentRow[]): Promise<void> {
  // Not checked per table by TypeScript (the rows are a union over the tables); the row types of the same table
  // are equal on both engines (db/schema/row-types.test.ts).
  await tx.insert(tablesOf(tx)[name]).values(rows as never);
}

/**
 * After rows were inserted with their ids: PostgreSQL's identity sequences do not move when ids are given, so
 * each is set past the largest id, and the next row made there gets a new one. SQLite needs nothing.
 */
export async function moveIdSequencesPastRows(tx: Db): Promise<void> {
  const pg = asPostgres(tx);
  if (!pg) return;
  for (const table of ['images', 'keywords', 'cache_invalidations']) {
    await pg.execute(sql.raw(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`));
  }
}
