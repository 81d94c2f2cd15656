import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { closeDatabase, openDatabase, openPostgres, prepareDatabase, setProcessDatabase, type Db } from '@/db/client';
import { asSqlite, type SqliteDb } from '@/db/engine';
import { categories } from '@/db/schema';
import { databaseDialect } from '@/env';

/**
 * Which engine the query contract tests run on: SQLite files by default; PostgreSQL when DATABASE_URL is a
 * postgres:// URL (`npm run test:contract`, run by `npm run test:cluster`), each test then on a database of its
 * own, created on that server and dropped afterwards.
 */
export const testDialect = databaseDialect();

let created = 0;

export type ThrowawayDatabase = {
  db: Db;
  /** A temporary folder, removed by `cleanup` (on SQLite the database file is `test.db` in it). */
  dir: string;
  /**
   * Closes the process's database and opens the same one again through a connection that refuses every write,
   * made the process's database: on SQLite the file opened read-only (SQLITE_READONLY), on PostgreSQL a pool
   * whose transactions are read-only (default_transaction_read_only: SQLSTATE 25006).
   */
  reopenReadOnly: () => Promise<Db>;
  cleanup: () => Promise<void>;
};

/** A migrated, empty database made the process's database until `cleanup`, on the engine under test. */
export async function useThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'));
  if (testDialect === 'postgres') return throwawayPostgres(dir);
  const file = path.join(dir, 'test.db');
  const db = openDatabase(file);
  setProcessDatabase(db);
  return {
    db,
    dir,
    reopenReadOnly: async () => {
      await closeDatabase();
      const readonly = openDatabase(file, { readonly: true });
      setProcessDatabase(readonly);
      return readonly;
    },
    cleanup: async () => {
      await closeDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function throwawayPostgres(dir: string): Promise<ThrowawayDatabase> {
  const server = new URL(process.env.DATABASE_URL!);
  const name = `portal_test_${process.pid}_${++created}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await prepareDatabase(openPostgres(url.toString(), { max: 4 }));
  setProcessDatabase(db);
  return {
    db,
    dir,
    reopenReadOnly: async () => {
      await closeDatabase();
      const readOnlyUrl = new URL(url);
      readOnlyUrl.searchParams.set('options', '-c default_transaction_read_only=on');
      const readonly = openPostgres(readOnlyUrl.toString(), { max: 4 });
      setProcessDatabase(readonly);
      return readonly;
    },
    cleanup: async () => {
      await closeDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
      const dropper = new pg.Client({ connectionString: server.toString() });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export async function insertCategories(db: Db, rows: Array<{ id: number; name: string }>): Promise<void> {
  await db.insert(categories).values(rows);
}

/** `db` as the SQLite database it is, for the *.sqlite.test.ts files (throws on PostgreSQL). */
export function sqliteOf(db: Db): SqliteDb {
  const sqlite = asSqlite(db);
  if (!sqlite) throw new Error('this test runs on SQLite only: name it *.sqlite.test.ts');
  return sqlite;
}

export type RecordedStatement = { sql: string; params: unknown[] };

/**
 * Records every statement executed on `db` (its SQL and parameters, in order) while `during` runs. Install it
 * before the code under test prepares anything: statements prepared earlier are not seen. SQLite only.
 */
export function recordStatements(db: Db): { during: (run: () => Promise<unknown>) => Promise<RecordedStatement[]> } {
  const sqlite = sqliteOf(db).$client;
  const prepare = sqlite.prepare.bind(sqlite);
  let sink: RecordedStatement[] | null = null;
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      const original = statement[method].bind(statement) as (...params: unknown[]) => unknown;
      Object.assign(statement, { [method]: (...params: unknown[]) => (sink?.push({ sql: source, params }), original(...params)) });
    }
    return statement;
  }) as typeof sqlite.prepare;
  return {
    async during(run) {
      sink = [];
      try {
        await run();
        return sink;
      } finally {
        sink = null;
      }
    },
  };
}

/**
 * Makes every statement prepared on `db` from now on whose SQL matches `sql` throw `error` when it runs, as a
 * full disk or a failing drive would (prepare before the code under test prepares its statements). SQLite only.
 */
export function failStatements(db: Db, sql: RegExp, error: Error): void {
  const sqlite = sqliteOf(db).$client;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    if (!sql.test(source)) return statement;
    for (const method of ['all', 'get', 'run', 'iterate'] as const) {
      Object.assign(statement, {
        [method]: () => {
          throw error;
        },
      });
    }
    return statement;
  }) as typeof sqlite.prepare;
}
