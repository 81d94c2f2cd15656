import { max } from 'drizzle-orm';
import { getDb, isDatabaseWritable, type Db } from '@/db/client';
import { articles } from '@/db/schema';

// Prepared once per connection: the health check is polled (load balancers, orchestrators).
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  // A real read of the largest table that costs one walk down its primary key (SQLite's max() optimisation).
  return db.select({ latest: max(articles.id) }).from(articles).prepare();
}

/**
 * Reads one row of the database (opening it first if this process has not yet). Throws whatever the database
 * throws; returns whether the database takes writes.
 */
export function checkDatabase(): { writable: boolean } {
  const db = getDb();
  let statement = prepared.get(db);
  if (!statement) {
    statement = prepare(db);
    prepared.set(db, statement);
  }
  statement.get();
  return { writable: isDatabaseWritable() };
}
