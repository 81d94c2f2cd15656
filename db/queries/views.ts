import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { articles, articleViews } from '@/db/schema';
import { isPublished } from '@/db/queries/teasers';

// Prepared once per connection: the counter is the hottest write path.
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  const id = sql.placeholder('id');
  return {
    // One statement: insert-or-increment, only for a published article, returning the new count.
    increment: db
      .insert(articleViews)
      .select(
        db
          .select({ articleId: articles.id, views: sql<number>`1`.as('views') })
          .from(articles)
          .where(and(eq(articles.id, id), isPublished)),
      )
      .onConflictDoUpdate({ target: articleViews.articleId, set: { views: sql`${articleViews.views} + 1` } })
      .returning({ views: articleViews.views })
      .prepare(),
    read: db
      .select({ views: sql<number>`coalesce(${articleViews.views}, 0)` })
      .from(articles)
      .leftJoin(articleViews, eq(articleViews.articleId, articles.id))
      .where(and(eq(articles.id, id), isPublished))
      .prepare(),
  };
}

function statements() {
  const db = getDb();
  let s = prepared.get(db);
  if (!s) {
    s = prepare(db);
    prepared.set(db, s);
  }
  return s;
}

/** The stored count of a published article, or null when there is no such article. */
export function getViewCount(articleId: number): number | null {
  return statements().read.get({ id: articleId })?.views ?? null;
}

/** Adds one view atomically and returns the new count, or null when there is no such published article. */
export function recordView(articleId: number): number | null {
  return statements().increment.get({ id: articleId })?.views ?? null;
}
