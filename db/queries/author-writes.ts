import { eq, sql } from 'drizzle-orm';
import { dialectOf, type Db, type PostgresDb, type SqliteDb } from '@/db/engine';
import { articleAuthors } from '@/db/schema';
import { bylineAuthors, type Author } from '@/lib/authors';

// The author index (`article_authors`): one row per author of each article's byline, written here only, by
// saveArticle (db/queries/article-writes.ts) in the transaction that saves the article. Its `published_at` copy is
// kept by triggers (migrations 0009 and PostgreSQL 0002), so publishing or taking down an article needs nothing here.

/** A row the migration wrote for an article whose byline is not split yet: the whole byline, under this slug. */
export const PENDING_SLUG = '';

/** Makes `authors` the article's authors, in byline order. Call in the transaction that saved its row (`tx`). */
export async function replaceArticleAuthors(tx: Db, articleId: number, authors: readonly Author[]): Promise<void> {
  await tx.delete(articleAuthors).where(eq(articleAuthors.articleId, articleId));
  if (authors.length === 0) return;
  await tx.insert(articleAuthors).values(authors.map(({ slug, name }, position) => ({ articleId, authorSlug: slug, name, position })));
}

type Pending = { articleId: number; byline: string };
const BATCH = 2000;

/**
 * Splits the bylines the migration copied (rows under PENDING_SLUG) into their authors. A slug needs lib/'s
 * Vietnamese folding, which SQL cannot do, so migration 0009 (PostgreSQL 0002) copies each existing byline and the
 * first process that opens the database finishes the job. Cheap when there is nothing to do: one index look-up.
 * SQLite: synchronous, run when the file is opened; PostgreSQL: run by prepareDatabase (db/client.ts).
 */
export function ensureAuthorIndex(db: Db): { split: number } | Promise<{ split: number }> {
  const own = dialectOf(db);
  return own.dialect === 'postgres' ? ensurePostgresAuthorIndex(own.db) : ensureSqliteAuthorIndex(own.db);
}

/** True when no byline waits to be split (what a read-only database can only report). */
export function authorIndexIsCurrent(db: SqliteDb): boolean {
  return !db.$client.prepare('SELECT 1 FROM article_authors WHERE author_slug = ? LIMIT 1').get(PENDING_SLUG);
}

function ensureSqliteAuthorIndex(db: SqliteDb): { split: number } {
  const sqlite = db.$client;
  const next = sqlite.prepare(`SELECT article_id AS articleId, name AS byline FROM article_authors WHERE author_slug = ? LIMIT ${BATCH}`);
  const remove = sqlite.prepare('DELETE FROM article_authors WHERE article_id = ?');
  const insert = sqlite.prepare('INSERT INTO article_authors (article_id, author_slug, name, position) VALUES (?, ?, ?, ?)');
  let split = 0;
  // In batches, each its own transaction: a process stopped half-way leaves the rest pending for the next one.
  for (let rows = next.all(PENDING_SLUG) as Pending[]; rows.length > 0; rows = next.all(PENDING_SLUG) as Pending[]) {
    sqlite
      .transaction(() => {
        for (const { articleId, byline } of rows) {
          remove.run(articleId);
          bylineAuthors(byline).forEach(({ slug, name }, position) => insert.run(articleId, slug, name, position));
        }
      })
      .immediate();
    split += rows.length;
  }
  return { split };
}

async function ensurePostgresAuthorIndex(db: PostgresDb): Promise<{ split: number }> {
  let split = 0;
  for (;;) {
    const { rows } = await db.execute<Pending>(
      sql`SELECT article_id AS "articleId", name AS byline FROM article_authors WHERE author_slug = ${PENDING_SLUG} LIMIT ${BATCH}`,
    );
    if (rows.length === 0) return { split };
    await db.transaction(async (tx) => {
      await tx.execute(sql`DELETE FROM article_authors WHERE article_id IN (${sql.join(rows.map((r) => sql`${r.articleId}`), sql`, `)})`);
      const values = rows.flatMap(({ articleId, byline }) =>
        bylineAuthors(byline).map(({ slug, name }, position) => sql`(${articleId}, ${slug}, ${name}, ${position})`),
      );
      if (values.length) await tx.execute(sql`INSERT INTO article_authors (article_id, author_slug, name, position) VALUES ${sql.join(values, sql`, `)}`);
    });
    split += rows.length;
  }
}
