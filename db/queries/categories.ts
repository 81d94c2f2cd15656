import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { categories } from '@/db/schema';

export type Category = { id: number; name: string };

export function listCategories(): Category[] {
  return getDb()
    .select({ id: categories.id, name: categories.name })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id))
    .all();
}

export function getCategory(id: number): Category | null {
  return (
    getDb()
      .select({ id: categories.id, name: categories.name })
      .from(categories)
      .where(eq(categories.id, id))
      .get() ?? null
  );
}
