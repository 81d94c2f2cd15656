import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { categories } from '@/db/schema';

export type Category = { id: number; name: string };

export function listCategories(): Promise<Category[]> {
  return getDb()
    .select({ id: categories.id, name: categories.name })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.id));
}

export async function getCategory(id: number): Promise<Category | null> {
  const [row] = await getDb().select({ id: categories.id, name: categories.name }).from(categories).where(eq(categories.id, id)).limit(1);
  return row ?? null;
}
