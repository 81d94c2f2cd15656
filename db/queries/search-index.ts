import { sql } from 'drizzle-orm';
import { dialectOf, type Db, type PostgresDb, type SqliteDb } from '@/db/engine';
import type { StoredBlock } from '@/lib/content-schema';
import { bodyPlainText } from '@/lib/body-text';
import { toSearchableText } from '@/lib/search-query';
import { foldVietnamese } from '@/lib/vietnamese';

// The search index holds folded copies (lib/vietnamese.ts) of each published article's title, sapo, body text
// and keywords, and nothing for other articles. It is written here only. SQLite: the FTS5 table `articles_fts`
// (migration 0004), rowid = article id. PostgreSQL: `article_search` (db/migrations-pg/0001), a tsvector per
// article with the title weighted A, keywords B, sapo C and body D.

type Row = { id: number; title: string; sapo: string; body: string; status: string; published: number; keywords: string | null };

const ROW_SQL = `SELECT a.id, a.title, a.sapo, a.body, a.status, a.published_at AS published,
  (SELECT group_concat(k.name, ' ') FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id WHERE ak.article_id = a.id) AS keywords
  FROM articles a`;

const INSERT_SQL = 'INSERT INTO articles_fts (rowid, title, sapo, body, keywords, published) VALUES (?, ?, ?, ?, ?, ?)';

function folded(row: Pick<Row, 'title' | 'sapo' | 'body' | 'keywords'>): [string, string, string, string] {
  const body = bodyPlainText(JSON.parse(row.body) as StoredBlock[]);
  return [row.title, row.sapo, body, row.keywords ?? ''].map(foldVietnamese) as [string, string, string, string];
}

function entry(row: Row): [number, string, string, string, string, number] {
  return [row.id, ...folded(row), row.published];
}

/** Brings one article's entry up to date; call in the transaction (`tx`) that changed the article or its keywords. */
export async function indexArticle(tx: Db, articleId: number): Promise<void> {
  const own = dialectOf(tx);
  if (own.dialect === 'postgres') return indexArticlePostgres(own.db, articleId);
  const sqlite = own.db.$client;
  sqlite.prepare('DELETE FROM articles_fts WHERE rowid = ?').run(articleId);
  const row = sqlite.prepare(`${ROW_SQL} WHERE a.id = ?`).get(articleId) as Row | undefined;
  if (row?.status !== 'published') return;
  sqlite.prepare(INSERT_SQL).run(...entry(row));
}

/** True when the SQLite index holds as many entries as there are published articles (what ensureSearchIndex checks). */
export function searchIndexIsCurrent(db: SqliteDb): boolean {
  const sqlite = db.$client;
  const published = (sqlite.prepare(`SELECT count(*) AS n FROM articles WHERE status = 'published'`).get() as { n: number }).n;
  const indexed = (sqlite.prepare('SELECT count(*) AS n FROM articles_fts').get() as { n: number }).n;
  return published === indexed;
}

/**
 * Rebuilds the whole index when it does not hold exactly the published articles (a database written by
 * another tool, or one from before search existed). Cheap when it does: two counts. SQLite: synchronous, run
 * when the file is opened; PostgreSQL: run by prepareDatabase (db/client.ts).
 */
export function ensureSearchIndex(db: Db): { rebuilt: boolean } | Promise<{ rebuilt: boolean }> {
  const own = dialectOf(db);
  if (own.dialect === 'postgres') return ensurePostgresSearchIndex(own.db);
  if (searchIndexIsCurrent(own.db)) return { rebuilt: false };
  const sqlite = own.db.$client;
  const insert = sqlite.prepare(INSERT_SQL);
  const batch = sqlite.prepare(`${ROW_SQL} WHERE a.status = 'published' AND a.id > ? ORDER BY a.id LIMIT 2000`);
  sqlite
    .transaction(() => {
      sqlite.prepare('DELETE FROM articles_fts').run();
      // In batches: the connection cannot write while a statement is still iterating.
      for (let rows = batch.all(-1) as Row[]; rows.length > 0; rows = batch.all(rows.at(-1)!.id) as Row[]) {
        for (const row of rows) insert.run(...entry(row));
      }
    })
    .immediate();
  return { rebuilt: true };
}

// ---------------------------------------------------------------------------------------------------------
// PostgreSQL

type PgRow = { id: number; title: string; sapo: string; body: string; status: string; published: Date; keywords: string | null };

const pgRows = (where: ReturnType<typeof sql>) => sql`SELECT a.id, a.title, a.sapo, a.body::text AS body, a.status, a.published_at AS published,
  (SELECT string_agg(k.name, ' ' ORDER BY ak.position) FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id WHERE ak.article_id = a.id) AS keywords
  FROM articles a WHERE ${where} ORDER BY a.id`;

function pgInsert(rows: PgRow[]) {
  const values = rows.map((row) => {
    const [title, sapo, body, keywords] = folded(row).map(toSearchableText);
    return sql`(${row.id}, setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${keywords}), 'B')
      || setweight(to_tsvector('simple', ${sapo}), 'C') || setweight(to_tsvector('simple', ${body}), 'D'), ${row.published})`;
  });
  return sql`INSERT INTO article_search (article_id, document, published_at) VALUES ${sql.join(values, sql`, `)}`;
}

async function indexArticlePostgres(tx: PostgresDb, articleId: number): Promise<void> {
  await tx.execute(sql`DELETE FROM article_search WHERE article_id = ${articleId}`);
  const { rows } = await tx.execute<PgRow>(pgRows(sql`a.id = ${articleId}`));
  const row = rows[0];
  if (row?.status === 'published') await tx.execute(pgInsert([row]));
}

async function ensurePostgresSearchIndex(db: PostgresDb): Promise<{ rebuilt: boolean }> {
  const { rows } = await db.execute<{ published: number; indexed: number }>(
    sql`SELECT (SELECT count(*)::int FROM articles WHERE status = 'published') AS published, (SELECT count(*)::int FROM article_search) AS indexed`,
  );
  if (rows[0]!.published === rows[0]!.indexed) return { rebuilt: false };
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM article_search`);
    for (let after = -1; ; ) {
      const batch = (await tx.execute<PgRow>(sql`${pgRows(sql`a.status = 'published' AND a.id > ${after}`)} LIMIT 500`)).rows;
      if (batch.length === 0) break;
      await tx.execute(pgInsert(batch));
      after = batch.at(-1)!.id;
    }
  });
  return { rebuilt: true };
}
