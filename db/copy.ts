import { openDatabase, openPostgres, prepareDatabase, withTransaction, type Db } from '@/db/client';
import {
  CONTENT_TABLES,
  countCategoriesAndArticles,
  countContentRows,
  insertContentRows,
  listContentRows,
  moveIdSequencesPastRows,
  type ContentCounts,
} from '@/db/queries/content-tables';
import { ensureTitlesFolded } from '@/db/queries/newsroom-articles-backfill';
import { ensureSearchIndex } from '@/db/queries/search-index';

// Moves a whole portal database from one engine to the other (SQLite → PostgreSQL when a province outgrows one
// machine, or back): categories, photos, articles, keywords and their links, authors, and view counts, with their ids, so
// every URL and every count stays as it was. The search index is rebuilt on the target from the copied rows.
// docs/deploy.md says when and how; db/copy.contract.test.ts proves a round trip.

const BATCH = 500;

export type CopySummary = ContentCounts;

/** Opens `url` (file:… or postgres://…) and migrates it. */
export async function openUrl(url: string): Promise<Db> {
  if (/^postgres(ql)?:\/\//.test(url)) return prepareDatabase(openPostgres(url, { max: 2 }));
  if (url.startsWith('file:')) return openDatabase(url.slice('file:'.length));
  throw new Error(`${url}: a database is file:<path> or postgres://…`);
}

/** Rows and view total of each table: what a copy must preserve. */
export const summarise = (db: Db): Promise<CopySummary> => countContentRows(db);

/**
 * Copies every row of `source` into `target`, in one transaction on the target, which must be empty (no
 * categories, no articles): nothing is merged or overwritten. Returns what was copied.
 */
export async function copyDatabase(source: Db, target: Db, { log = (line: string): void => void line }: { log?: (line: string) => void } = {}): Promise<CopySummary> {
  const existing = await countCategoriesAndArticles(target);
  if (existing.categories > 0 || existing.articles > 0) {
    throw new Error(`the target already has content (${existing.categories} categories, ${existing.articles} articles): copy into an empty database`);
  }
  await withTransaction(async (tx) => {
    for (const name of CONTENT_TABLES) {
      let copied = 0;
      for (let offset = 0; ; offset += BATCH) {
        const rows = await listContentRows(source, name, { offset, limit: BATCH });
        if (rows.length === 0) break;
        await insertContentRows(tx, name, rows);
        copied += rows.length;
      }
      log(`${name}: ${copied} rows`);
    }
    await moveIdSequencesPastRows(tx);
  }, target);
  const { rebuilt } = await ensureSearchIndex(target);
  log(`search index ${rebuilt ? 'rebuilt' : 'already current'}`);
  // Copied with the rows; folded here for a source that had not folded them all.
  await ensureTitlesFolded(target);
  const [before, after] = [await summarise(source), await summarise(target)];
  const differences = (Object.keys(before) as Array<keyof CopySummary>).filter((key) => before[key] !== after[key]);
  if (differences.length) throw new Error(`the copy differs from the source in ${differences.map((k) => `${k} (${before[k]} → ${after[k]})`).join(', ')}`);
  return after;
}
