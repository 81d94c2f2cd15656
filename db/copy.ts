import { asc, count, sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { openDatabase, openPostgres, postgresPool, prepareDatabase, withTransaction, type Db } from '@/db/client';
import * as pgSchema from '@/db/schema/pg';
import * as sqliteSchema from '@/db/schema/sqlite';
import { ensureSearchIndex } from '@/db/queries/search-index';

// Moves a whole portal database from one engine to the other (SQLite → PostgreSQL when a province outgrows one
// machine, or back): categories, photos, articles, keywords and their links, and view counts, with their ids, so
// every URL and every count stays as it was. The search index is rebuilt on the target from the copied rows.
// docs/deploy.md says when and how; db/copy.test.ts proves a round trip.

type Tables = typeof sqliteSchema;
const TABLE_ORDER = ['categories', 'images', 'articles', 'keywords', 'articleKeywords', 'articleViews'] as const;
type TableName = (typeof TABLE_ORDER)[number];
const BATCH = 500;

export type CopySummary = Record<TableName, number> & { views: number };

/** Opens `url` (file:… or postgres://…) and migrates it. */
export async function openUrl(url: string): Promise<Db> {
  if (/^postgres(ql)?:\/\//.test(url)) return prepareDatabase(openPostgres(url, { max: 2 }));
  if (url.startsWith('file:')) return openDatabase(url.slice('file:'.length));
  throw new Error(`${url}: a database is file:<path> or postgres://…`);
}

/** The tables as `db`'s engine knows them (both typed as the SQLite ones: the same row types). */
export const tablesOf = (db: Db): Tables => (postgresPool(db) ? (pgSchema as unknown as Tables) : sqliteSchema);

const orderKey = (tables: Tables, name: TableName) => {
  const table = tables[name];
  return 'id' in table ? [asc(table.id)] : 'keywordId' in table ? [asc(table.articleId), asc(table.keywordId)] : [asc(table.articleId)];
};

/** Rows and view total of each table: what a copy must preserve. */
export async function summarise(db: Db): Promise<CopySummary> {
  const tables = tablesOf(db);
  const counts = {} as Record<TableName, number>;
  for (const name of TABLE_ORDER) counts[name] = (await db.select({ n: count() }).from(tables[name]))[0]!.n;
  const [views] = await db.select({ total: sql<number>`coalesce(sum(${tables.articleViews.views}), 0)`.mapWith(Number) }).from(tables.articleViews);
  return { ...counts, views: views!.total };
}

/**
 * Copies every row of `source` into `target`, in one transaction on the target, which must be empty (no
 * categories, no articles): nothing is merged or overwritten. Returns what was copied.
 */
export async function copyDatabase(source: Db, target: Db, { log = (line: string): void => void line }: { log?: (line: string) => void } = {}): Promise<CopySummary> {
  const from = tablesOf(source);
  const to = tablesOf(target);
  const existing = await summarise(target);
  if (existing.categories > 0 || existing.articles > 0) {
    throw new Error(`the target already has content (${existing.categories} categories, ${existing.articles} articles): copy into an empty database`);
  }
  await withTransaction(async (tx) => {
    for (const name of TABLE_ORDER) {
      let copied = 0;
      for (let offset = 0; ; offset += BATCH) {
        const rows = await source.select().from(from[name]).orderBy(...orderKey(from, name)).limit(BATCH).offset(offset);
        if (rows.length === 0) break;
        // Rows come out of one schema and go into the other: the same columns and row types (row-types.test.ts).
        await tx.insert(to[name]).values(rows as never);
        copied += rows.length;
      }
      log(`${name}: ${copied} rows`);
    }
    // PostgreSQL's identity columns do not move when ids are given: start them after the copied ids.
    if (postgresPool(tx)) {
      for (const table of ['images', 'keywords', 'cache_invalidations']) {
        await (tx as unknown as NodePgDatabase).execute(sql.raw(`SELECT setval(pg_get_serial_sequence('${table}', 'id'), GREATEST((SELECT max(id) FROM ${table}), 1))`));
      }
    }
  }, target);
  const { rebuilt } = await ensureSearchIndex(target);
  log(`search index ${rebuilt ? 'rebuilt' : 'already current'}`);
  const [before, after] = [await summarise(source), await summarise(target)];
  const differences = (Object.keys(before) as Array<keyof CopySummary>).filter((key) => before[key] !== after[key]);
  if (differences.length) throw new Error(`the copy differs from the source in ${differences.map((k) => `${k} (${before[k]} → ${after[k]})`).join(', ')}`);
  return after;
}
