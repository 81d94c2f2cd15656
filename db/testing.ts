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
