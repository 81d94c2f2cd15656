import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, openDatabase, setProcessDatabase, type Db } from '@/db/client';
import { categories } from '@/db/schema';

/** A migrated SQLite file in a temporary folder, made the process's database until `cleanup`. */
export function useThrowawayDatabase(): { db: Db; dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'));
  const db = openDatabase(path.join(dir, 'test.db'));
  setProcessDatabase(db);
  return {
    db,
    dir,
    cleanup: () => {
      closeDatabase();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function insertCategories(db: Db, rows: Array<{ id: number; name: string }>): void {
  db.insert(categories).values(rows).run();
}

export type RecordedStatement = { sql: string; params: unknown[] };

/**
 * Records every statement executed on `db` (its SQL and parameters, in order) while `during` runs. Install it
 * before the code under test prepares anything: statements prepared earlier are not seen.
 */
export function recordStatements(db: Db): { during: (run: () => void) => RecordedStatement[] } {
  const sqlite = db.$client;
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
    during(run) {
      sink = [];
      try {
        run();
        return sink;
      } finally {
        sink = null;
      }
    },
  };
}

/**
 * Makes every statement prepared on `db` from now on whose SQL matches `sql` throw `error` when it runs, as a
 * full disk or a failing drive would (prepare before the code under test prepares its statements).
 */
export function failStatements(db: Db, sql: RegExp, error: Error): void {
  const sqlite = db.$client;
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
