import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { getEnv } from '@/env';
import * as schema from '@/db/schema';
import { ensureSearchIndex } from '@/db/queries/search-index';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/** Opens (creating if needed) a SQLite file with the settings the portal relies on, and migrates it. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  ensureSearchIndex(db);
  return db;
}

// One connection per process, shared through globalThis so dev-mode reloads do not open more.
const holder = globalThis as typeof globalThis & { __portalDb?: Db };

export function getDb(): Db {
  holder.__portalDb ??= openDatabase(isBuilding() ? ':memory:' : getEnv().databasePath);
  return holder.__portalDb;
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
