import { asc, gt, lte, max } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { cacheInvalidations } from '@/db/schema';

// Only the newest rows are kept: a process that starts expires its whole cache anyway, and a running one
// reads new rows four times a second (config/cache-sync.mjs).
const KEEP_ROWS = 10_000;

/** Call inside the transaction that changes content (`tx`), with the tags the change expires. */
export async function recordInvalidation(tx: Db, tags: readonly string[], now = new Date()): Promise<void> {
  if (tags.length === 0) return;
  const [row] = await tx.insert(cacheInvalidations).values({ tags: [...new Set(tags)], createdAt: now }).returning({ id: cacheInvalidations.id });
  await tx.delete(cacheInvalidations).where(lte(cacheInvalidations.id, row!.id - KEEP_ROWS));
}

/** The id of the newest change (0 when there is none): a process starts reading after it. */
export async function latestInvalidationId(): Promise<number> {
  const [row] = await getDb().select({ id: max(cacheInvalidations.id) }).from(cacheInvalidations);
  return row?.id ?? 0;
}

/** Changes recorded after `afterId`, oldest first. */
export function listInvalidationsAfter(afterId: number): Promise<{ id: number; tags: string[] }[]> {
  return getDb()
    .select({ id: cacheInvalidations.id, tags: cacheInvalidations.tags })
    .from(cacheInvalidations)
    .where(gt(cacheInvalidations.id, afterId))
    .orderBy(asc(cacheInvalidations.id));
}
