import { max } from 'drizzle-orm';
import { getDb, isDatabaseWritable } from '@/db/client';
import { articles } from '@/db/schema';

/**
 * Reads one row of the database (opening it first if this process has not yet). Throws whatever the database
 * throws; returns whether the database takes writes. The read costs one walk down the largest table's primary
 * key (max() on it), on either engine.
 */
export async function checkDatabase(): Promise<{ writable: boolean }> {
  await getDb().select({ latest: max(articles.id) }).from(articles);
  return { writable: isDatabaseWritable() };
}
