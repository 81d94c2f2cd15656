import { asc, gt, lte, max } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cacheInvalidations } from '@/db/schema';

// Only the newest rows are kept: a process that starts expires its whole cache anyway, and a running one
// reads new rows every second.
const KEEP_ROWS = 10_000;

/** Call inside the transaction that changes content, with the tags the change expires. */
export function recordInvalidation(tags: readonly string[], now = new Date()): void {
  if (tags.length === 0) return;
  const db = getDb();
  const { id } = db.insert(cacheInvalidations).values({ tags: [...new Set(tags)], createdAt: now }).returning({ id: cacheInvalidations.id }).get();
  db.delete(cacheInvalidations).where(lte(cacheInvalidations.id, id - KEEP_ROWS)).run();
}

/** The id of the newest change (0 when there is none): a process starts reading after it. */
export function latestInvalidationId(): number {
  return getDb().select({ id: max(cacheInvalidations.id) }).from(cacheInvalidations).get()?.id ?? 0;
}

/** Changes recorded after `afterId`, oldest first. */
export function listInvalidationsAfter(afterId: number): { id: number; tags: string[] }[] {
  return getDb()
    .select({ id: cacheInvalidations.id, tags: cacheInvalidations.tags })
    .from(cacheInvalidations)
    .where(gt(cacheInvalidations.id, afterId))
    .orderBy(asc(cacheInvalidations.id))
    .all();
}
