import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { getEnv } from '@/env';
import * as schema from '@/db/schema';
import { ensureSearchIndex, searchIndexIsCurrent } from '@/db/queries/search-index';
import { isReadOnlyError } from '@/lib/storage-errors';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) a SQLite file with the settings the portal relies on, and migrates it.
 * With `readonly`, or when the file turns out not to be writable (a read-only file or file system), it is
 * opened read-only instead: reads work, every write throws SQLITE_READONLY (docs/decisions/0011-faults-and-backups.md).
 */
export function openDatabase(file: string, { readonly = false }: { readonly?: boolean } = {}): Db {
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
    return db;
  } catch (error) {
    sqlite.close();
    if (!isReadOnlyError(error) || !fs.existsSync(file)) throw error;
    console.error(`> database ${file} cannot be written (${(error as { code: string }).code}): opened read-only, writes answer 503`);
    return openReadOnly(file);
  }
}

function openReadOnly(file: string): Db {
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

// One connection per process, shared through globalThis so dev-mode reloads do not open more (and so
// server.mjs can close it on shutdown: __portalCloseDatabase).
const holder = globalThis as typeof globalThis & { __portalDb?: Db; __portalCloseDatabase?: () => string };

export function getDb(): Db {
  holder.__portalDb ??= isBuilding()
    ? openDatabase(':memory:')
    : openDatabase(getEnv().databasePath, { readonly: getEnv().DATABASE_READONLY === '1' });
  return holder.__portalDb;
}

/** False when the process's database was opened read-only (DATABASE_READONLY=1, or a file it cannot write). */
export function isDatabaseWritable(): boolean {
  return !getDb().$client.readonly;
}

/**
 * `next build` renders the pages without dynamic segments (home, the 404 page) once. It gets an empty
 * database in memory: a build never needs, creates or touches the real one, and what it renders is never
 * served (every server process expires all cached pages when it starts; see server.mjs).
 */
function isBuilding(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build';
}

/** Makes every query in this process use `db` (scripts with their own file, tests on a throwaway file). */
export function setProcessDatabase(db: Db): void {
  holder.__portalDb = db;
}

export function closeDatabase(): void {
  holder.__portalDb?.$client.close();
  holder.__portalDb = undefined;
}

/**
 * For server.mjs, once no request is in flight: copies the WAL into the database file and empties it
 * (`wal_checkpoint(TRUNCATE)`), so the file is complete on its own, then closes the connection. Waits at most
 * a second for other processes' readers and writers. Returns what it did, for the log.
 */
export function closeDatabaseForShutdown(): string {
  const db = holder.__portalDb;
  if (!db) return 'database was not open';
  const sqlite = db.$client;
  let outcome = 'read-only, closed';
  if (!sqlite.readonly && sqlite.open) {
    sqlite.pragma('busy_timeout = 1000');
    const [result] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    outcome = result?.busy ? 'WAL checkpoint blocked by another process, closed' : 'WAL checkpointed and emptied, closed';
  }
  closeDatabase();
  return outcome;
}
holder.__portalCloseDatabase = closeDatabaseForShutdown;
