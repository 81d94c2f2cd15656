import type { Db } from '@/db/client';
import type { StoredBlock } from '@/lib/content-schema';
import { bodyPlainText } from '@/lib/body-text';
import { foldVietnamese } from '@/lib/vietnamese';

// The FTS5 table `articles_fts` (migration 0004) holds folded copies of each published article's title,
// sapo, body text and keywords, with rowid = article id. It is written here only.

type Row = { id: number; title: string; sapo: string; body: string; status: string; published: number; keywords: string | null };

const ROW_SQL = `SELECT a.id, a.title, a.sapo, a.body, a.status, a.published_at AS published,
  (SELECT group_concat(k.name, ' ') FROM article_keywords ak JOIN keywords k ON k.id = ak.keyword_id WHERE ak.article_id = a.id) AS keywords
  FROM articles a`;

const INSERT_SQL = 'INSERT INTO articles_fts (rowid, title, sapo, body, keywords, published) VALUES (?, ?, ?, ?, ?, ?)';

function entry(row: Row): [number, string, string, string, string, number] {
  const body = bodyPlainText(JSON.parse(row.body) as StoredBlock[]);
  const [title, sapo, text, keywords] = [row.title, row.sapo, body, row.keywords ?? ''].map(foldVietnamese) as [string, string, string, string];
  return [row.id, title, sapo, text, keywords, row.published];
}

/** Brings one article's entry up to date; call in the transaction that changed the article or its keywords. */
export function indexArticle(db: Db, articleId: number): void {
  const sqlite = db.$client;
  sqlite.prepare('DELETE FROM articles_fts WHERE rowid = ?').run(articleId);
  const row = sqlite.prepare(`${ROW_SQL} WHERE a.id = ?`).get(articleId) as Row | undefined;
  if (row?.status !== 'published') return;
  sqlite.prepare(INSERT_SQL).run(...entry(row));
}

/** True when the index holds as many entries as there are published articles (what ensureSearchIndex checks). */
export function searchIndexIsCurrent(db: Db): boolean {
  const sqlite = db.$client;
  const published = (sqlite.prepare(`SELECT count(*) AS n FROM articles WHERE status = 'published'`).get() as { n: number }).n;
  const indexed = (sqlite.prepare('SELECT count(*) AS n FROM articles_fts').get() as { n: number }).n;
  return published === indexed;
}

/**
 * Rebuilds the whole index when it does not hold exactly the published articles (a database written by
 * another tool, or one from before search existed). Cheap when it does: two counts.
 */
export function ensureSearchIndex(db: Db): { rebuilt: boolean } {
  if (searchIndexIsCurrent(db)) return { rebuilt: false };
  const sqlite = db.$client;
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
