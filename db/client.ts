import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { databaseDialect, getEnv, isBuildPhase } from '@/env';
import * as schema from '@/db/schema/sqlite';
import * as pgSchema from '@/db/schema/pg';
import { dialectOf, fromPostgres, postgresPool, type Db, type SqliteDb } from '@/db/engine';
import { authorIndexIsCurrent, ensureAuthorIndex } from '@/db/queries/author-writes';
import { ensureTitlesFolded, titlesAreFolded } from '@/db/queries/newsroom-articles-backfill';
import { ensureSearchIndex, searchIndexIsCurrent } from '@/db/queries/search-index';
import { isReadOnlyError } from '@/lib/storage-errors';

// The handle every query takes (db/engine.ts): written once for both engines, and asked `dialectOf(db)` where
// one engine's own SQL or connection is needed (docs/decisions/0015-postgresql.md).
export type { Db } from '@/db/engine';

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');
const PG_MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations-pg');
/**
 * A PostgreSQL database through a pool of `max` connections. Not migrated here (that needs a round trip):
 * `prepareDatabase()` does it, and `npm start`, the seed and import commands call it before anything else.
 */
export function openPostgres(url: string, { max = 10 }: { max?: number } = {}): Db {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'portal' });
  // An idle connection that the server drops must not crash the process: the pool opens a new one.
  pool.on('error', (error) => console.error(`> postgres: idle connection lost (${error.message})`));
  return fromPostgres(drizzlePg({ client: pool, schema: pgSchema }), pool);
}

/**
 * Brings a PostgreSQL database to this version of the schema, one process at a time (an advisory lock: two
 * app processes starting together do not both migrate), and its search and author indexes and folded titles up to date. SQLite files are
 * migrated when opened, so for them this only opens the database.
 */
export async function prepareDatabase(db: Db = getDb()): Promise<Db> {
  const pool = postgresPool(db);
  if (!pool) return db;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(7240101)');
    try {
      await migratePg(drizzlePg({ client }), { migrationsFolder: PG_MIGRATIONS_FOLDER });
      await ensureSearchIndex(db);
      await ensureAuthorIndex(db);
      await ensureTitlesFolded(db);
    } finally {
      await client.query('SELECT pg_advisory_unlock(7240101)');
    }
  } finally {
    client.release();
  }
  return db;
}

/**
 * Runs `work` in one transaction and returns what it returns: all of its writes land, or none. On SQLite the
 * write lock is taken up front (BEGIN IMMEDIATE: a transaction that reads first and upgrades later gets
 * SQLITE_BUSY at once when another process wrote in between, while this waits its turn, busy_timeout). A
 * SQLite connection is one per process, so nothing else in the process may use it while `work` awaits: the
 * command-line tools may await anything inside. The server (the newsroom's sign-in, db/queries/staff*.ts) keeps
 * its transactions to a few statements with nothing else awaited, and transactions of one connection take turns
 * (a second one waits for the first instead of failing with "cannot start a transaction within a transaction").
 */
export async function withTransaction<T>(work: (tx: Db) => Promise<T>, db: Db = getDb()): Promise<T> {
  const own = dialectOf(db);
  if (own.dialect === 'postgres') return own.db.transaction((tx) => work(fromPostgres(tx, own.pool)));
  const sqlite = own.db;
  const run = async () => {
    sqlite.run(sql`BEGIN IMMEDIATE`);
    try {
      const result = await work(sqlite);
      sqlite.run(sql`COMMIT`);
      return result;
    } catch (error) {
      if (sqlite.$client.inTransaction) sqlite.run(sql`ROLLBACK`);
      throw error;
    }
  };
  const result = (sqliteTurns.get(sqlite) ?? Promise.resolve()).then(run, run);
  sqliteTurns.set(sqlite, result.catch(() => undefined));
  return result;
}

// The transaction each SQLite connection runs last: the next one starts when it has ended.
const sqliteTurns = new WeakMap<SqliteDb, Promise<unknown>>();
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) a SQLite file with the settings the portal relies on, and migrates it.
 * With `readonly`, or when the file turns out not to be writable (a read-only file or file system), it is
 * opened read-only instead: reads work, every write throws SQLITE_READONLY (docs/decisions/0011-faults-and-backups.md).
 */
export function openDatabase(file: string, { readonly = false }: { readonly?: boolean } = {}): SqliteDb {
  if (readonly) return openReadOnly(file);
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('synchronous = NORMAL');
    const db = drizzle({ client: sqlite, schema });
    migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    ensureSearchIndex(db);
    ensureAuthorIndex(db);
    ensureTitlesFolded(db);
    return db;
  } catch (error) {
    sqlite.close();
    if (!isReadOnlyError(error) || !fs.existsSync(file)) throw error;
    console.error(`> database ${file} cannot be written (${(error as { code: string }).code}): opened read-only, writes answer 503`);
    return openReadOnly(file);
  }
}

function openReadOnly(file: string): SqliteDb {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma('foreign_keys = ON');
    assertMigrated(sqlite, file);
  } catch (error) {
    sqlite.close();
    throw explainReadOnlyFailure(error, file);
  }
  const db = drizzle({ client: sqlite, schema });
  if (!searchIndexIsCurrent(db)) console.error(`> database ${file} is read-only and its search index is out of date: search may miss articles`);
  if (!authorIndexIsCurrent(db)) console.error(`> database ${file} is read-only and its bylines are not split into authors yet: author pages may be missing`);
  if (!titlesAreFolded(db)) console.error(`> database ${file} is read-only and some titles are not folded yet: the newsroom's title search may miss them`);
  return db;
}

/** A read-only database cannot be migrated: it must already have every migration this code expects. */
function assertMigrated(sqlite: Database.Database, file: string): void {
  const expected = Math.max(...readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).map((m) => m.folderMillis));
  const hasTable = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'`).get();
  const applied = hasTable ? (sqlite.prepare('SELECT max(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null }).at : null;
  if (applied === null || Number(applied) < expected) {
    throw new Error(`database ${file} is read-only and not migrated to this version of the portal: open it writable once (npm start migrates it)`);
  }
}

/** SQLite's own message for a WAL file in a read-only folder is "attempt to write a readonly database". */
function explainReadOnlyFailure(error: unknown, file: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (code !== 'SQLITE_READONLY_DIRECTORY' && code !== 'SQLITE_CANTOPEN') return error;
  const message =
    `database ${file} cannot be read read-only (${code}): a file in WAL mode needs its -shm file, which cannot be created ` +
    'in a read-only folder. Make the folder writable, or serve a copy made by npm run db:backup (a single file).';
  return Object.assign(new Error(message, { cause: error }), { code });
}

// One connection per process, shared through globalThis so that dev-mode reloads (and Next loading this module
// once per server bundle) do not open more.
const holder = globalThis as typeof globalThis & { __portalDb?: Db };

export function getDb(): Db {
  if (holder.__portalDb) return holder.__portalDb;
  if (isBuildPhase()) return (holder.__portalDb = openDatabase(':memory:'));
  holder.__portalDb =
    databaseDialect() === 'postgres'
      ? openPostgres(getEnv().postgresUrl!)
      : openDatabase(getEnv().databasePath, { readonly: getEnv().DATABASE_READONLY === '1' });
  // The process's own database is closed when the process ends: server.mjs ends it once the requests in flight
  // have finished (or its grace period is over), a command once its work is done. Node's 'exit' event runs
  // synchronously, which is what the SQLite checkpoint needs; nothing else has to know about the database.
  process.once('exit', closeOnExit);
  return holder.__portalDb;
}

function closeOnExit(): void {
  if (!holder.__portalDb) return; // closed already (closeDatabase)
  const outcome = closeDatabaseForShutdown();
  console.log(`> ${typeof outcome === 'string' ? outcome : 'PostgreSQL connections closed with the process'}`);
}

/**
 * False when the process's SQLite database was opened read-only (DATABASE_READONLY=1, or a file it cannot
 * write). PostgreSQL decides per statement: a write it refuses fails like any storage error (503).
 */
export function isDatabaseWritable(): boolean {
  const own = dialectOf(getDb());
  return own.dialect === 'postgres' || !own.db.$client.readonly;
}

// `next build` renders the pages without dynamic segments (home, the 404 page) once. It gets an empty database
// in memory (isBuildPhase): a build never needs, creates or touches the real one, and what it renders is never
// served (every server process expires all cached pages when it starts; see server.mjs).

/** Makes every query in this process use `db` (scripts with their own file, tests on a throwaway file). */
export function setProcessDatabase(db: Db): void {
  holder.__portalDb = db;
}

/** Closes the process's database (a SQLite file at once; a PostgreSQL pool once its queries finish). */
export async function closeDatabase(): Promise<void> {
  const db = holder.__portalDb;
  holder.__portalDb = undefined;
  if (db) await closeConnection(db);
}

/** Closes a database this process opened (a SQLite file at once; a PostgreSQL pool once its queries finish). */
export async function closeConnection(db: Db): Promise<void> {
  const own = dialectOf(db);
  if (own.dialect === 'postgres') await own.pool.end();
  else own.db.$client.close();
}

/**
 * When the process ends (closeOnExit) or a test asks: copies the WAL into the database file and empties it
 * (`wal_checkpoint(TRUNCATE)`), so the file is complete on its own, then closes the connection. Waits at most
 * a second for other processes' readers and writers. Returns what it did, for the log.
 */
export function closeDatabaseForShutdown(): string | Promise<string> {
  const db = holder.__portalDb;
  if (!db) return 'database was not open';
  const own = dialectOf(db);
  if (own.dialect === 'postgres') return closeDatabase().then(() => 'PostgreSQL connections closed');
  const sqlite = own.db.$client;
  let outcome = 'read-only, closed';
  if (!sqlite.readonly && sqlite.open) {
    sqlite.pragma('busy_timeout = 1000');
    const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    outcome = result?.busy ? 'WAL checkpoint blocked by another process, closed' : 'WAL checkpointed and emptied, closed';
  }
  void closeDatabase();
  return outcome;
}
