import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { dialectOf, type Db, type SqliteDb } from '@/db/engine';
import { articles, articleViews } from '@/db/schema';
import { isPublished } from '@/db/queries/teasers';

// One statement: insert-or-increment, only for a published article, returning the new count. Atomic on both
// engines (SQLite's single writer; PostgreSQL's row lock on conflict), so concurrent views are never lost.
const incrementQuery = (db: Db, id: number | ReturnType<typeof sql.placeholder>) =>
  db
    .insert(articleViews)
    .select(
      db
        .select({ articleId: articles.id, views: sql<number>`1`.as('views') })
        .from(articles)
        .where(and(eq(articles.id, id), isPublished)),
    )
    .onConflictDoUpdate({ target: articleViews.articleId, set: { views: sql`${articleViews.views} + 1` } })
    .returning({ views: articleViews.views });

const readQuery = (db: Db, id: number | ReturnType<typeof sql.placeholder>) =>
  db
    .select({ views: sql<number>`coalesce(${articleViews.views}, 0)`.mapWith(Number) })
    .from(articles)
    .leftJoin(articleViews, eq(articleViews.articleId, articles.id))
    .where(and(eq(articles.id, id), isPublished));

// SQLite: prepared once per connection, the counter being the hottest write path.
const prepared = new WeakMap<SqliteDb, ReturnType<typeof prepare>>();

function prepare(db: SqliteDb) {
  const id = sql.placeholder('id');
  return { increment: incrementQuery(db, id).prepare(), read: readQuery(db, id).prepare() };
}

function sqliteStatements(db: SqliteDb) {
  let s = prepared.get(db);
  if (!s) {
    s = prepare(db);
    prepared.set(db, s);
  }
  return s;
}

/** The stored count of a published article, or null when there is no such article. */
export async function getViewCount(articleId: number): Promise<number | null> {
  const db = getDb();
  const own = dialectOf(db);
  if (own.dialect === 'sqlite') return sqliteStatements(own.db).read.get({ id: articleId })?.views ?? null;
  const [row] = await readQuery(db, articleId);
  return row?.views ?? null;
}

/** Adds one view atomically and returns the new count, or null when there is no such published article. */
export async function recordView(articleId: number): Promise<number | null> {
  const db = getDb();
  const own = dialectOf(db);
  if (own.dialect === 'sqlite') return sqliteStatements(own.db).increment.get({ id: articleId })?.views ?? null;
  const [row] = await incrementQuery(db, articleId);
  return row?.views ?? null;
}

/**
 * Sets a view count carried over from the old site, in the transaction that imports the article (`tx`). It
 * never lowers a count the portal has already recorded.
 */
export async function carryOverViewCount(tx: Db, articleId: number, views: number): Promise<void> {
  const larger = dialectOf(tx).dialect === 'postgres' ? sql`greatest(${articleViews.views}, excluded.views)` : sql`max(${articleViews.views}, excluded.views)`;
  await tx.insert(articleViews).values({ articleId, views }).onConflictDoUpdate({ target: articleViews.articleId, set: { views: larger } });
}
