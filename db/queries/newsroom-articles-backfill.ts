import { sql } from 'drizzle-orm';
import { dialectOf, type Db, type PostgresDb, type SqliteDb } from '@/db/engine';
import { foldVietnamese } from '@/lib/vietnamese';

// `articles.title_folded` (migration 0013, PostgreSQL 0005) is the title folded as lib/vietnamese.ts folds it, for
// the newsroom's title search (db/queries/newsroom-articles.ts). saveArticle writes it with every save; rows from
// before the migration, and rows written by other tools (the demo-database generator), have '' until the first
// process that opens the database folds them here: SQL cannot fold Vietnamese the way lib/ does.

const BATCH = 2000;
type Pending = { id: number; title: string };

/**
 * Folds every title still waiting ('' in title_folded), in batches of its own transaction each (a process stopped
 * half-way leaves the rest for the next one). Cheap when there is nothing to do: one index look-up.
 * SQLite: synchronous, run when the file is opened; PostgreSQL: run by prepareDatabase (db/client.ts).
 */
export function ensureTitlesFolded(db: Db): { folded: number } | Promise<{ folded: number }> {
  const own = dialectOf(db);
  return own.dialect === 'postgres' ? foldPostgresTitles(own.db) : foldSqliteTitles(own.db);
}

/** True when no title waits to be folded (what a read-only database can only report). */
export function titlesAreFolded(db: SqliteDb): boolean {
  return !db.$client.prepare(`SELECT 1 FROM articles WHERE title_folded = '' LIMIT 1`).get();
}

// By id from the last one done rather than "the next pending rows": a title that folds to nothing (only combining
// marks) stays '' and must not be read again forever. The update skips a row a save folded in the meantime.
const NEXT = `SELECT id, title FROM articles WHERE title_folded = '' AND id > ? ORDER BY id LIMIT ${BATCH}`;

function foldSqliteTitles(db: SqliteDb): { folded: number } {
  const sqlite = db.$client;
  const next = sqlite.prepare(NEXT);
  const update = sqlite.prepare(`UPDATE articles SET title_folded = ? WHERE id = ? AND title_folded = ''`);
  let folded = 0;
  for (let rows = next.all(-1) as Pending[]; rows.length > 0; rows = next.all(rows.at(-1)!.id) as Pending[]) {
    sqlite.transaction(() => rows.forEach(({ id, title }) => update.run(foldVietnamese(title), id))).immediate();
    folded += rows.length;
  }
  return { folded };
}

async function foldPostgresTitles(db: PostgresDb): Promise<{ folded: number }> {
  let folded = 0;
  for (let after = -1; ; ) {
    const { rows } = await db.execute<Pending>(sql`SELECT id, title FROM articles WHERE title_folded = '' AND id > ${after} ORDER BY id LIMIT ${BATCH}`);
    if (rows.length === 0) return { folded };
    const values = sql.join(
      rows.map(({ id, title }) => sql`(${id}::integer, ${foldVietnamese(title)}::text)`),
      sql`, `,
    );
    await db.execute(
      sql`UPDATE articles SET title_folded = v.folded FROM (VALUES ${values}) AS v(id, folded) WHERE articles.id = v.id AND articles.title_folded = ''`,
    );
    folded += rows.length;
    after = rows.at(-1)!.id;
  }
}
