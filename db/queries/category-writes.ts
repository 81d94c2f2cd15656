import { eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/engine';
import { categories } from '@/db/schema';
import { recordInvalidation } from '@/db/queries/cache-invalidations';
import { tagsForCategoryChange } from '@/lib/cache-tags';

export type CategoryInput = { id: number; name: string; position: number; description?: string | null };

export type SavedCategories = {
  created: number[];
  updated: number[];
  unchanged: number[];
  /** The cache tags the change expired (recorded in the same transaction); none when nothing changed. */
  expiredTags: string[];
};

/** Whether the category exists (a check before anything is written, and again inside the transaction). */
export async function categoryExists(db: Db, categoryId: number): Promise<boolean> {
  const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, categoryId)).limit(1);
  return Boolean(row);
}

/**
 * Creates or updates categories by id, in the transaction `tx`, and records the cache invalidation of those that
 * changed (the menu is on every page). Categories not in the list are left as they are.
 */
export async function saveCategories(tx: Db, list: readonly CategoryInput[]): Promise<SavedCategories> {
  const ids = list.map((c) => c.id);
  const before = new Map((ids.length ? await tx.select().from(categories).where(inArray(categories.id, ids)) : []).map((row) => [row.id, row]));
  const saved: SavedCategories = { created: [], updated: [], unchanged: [], expiredTags: [] };
  for (const category of list) {
    const values = { name: category.name, position: category.position, description: category.description ?? null };
    const old = before.get(category.id);
    if (old && old.name === values.name && old.position === values.position && old.description === values.description) {
      saved.unchanged.push(category.id);
      continue;
    }
    await tx.insert(categories).values({ id: category.id, ...values }).onConflictDoUpdate({ target: categories.id, set: values });
    (old ? saved.updated : saved.created).push(category.id);
  }
  const changed = [...saved.created, ...saved.updated];
  if (changed.length) {
    saved.expiredTags = tagsForCategoryChange(changed);
    await recordInvalidation(tx, saved.expiredTags);
  }
  return saved;
}
