import path from 'node:path';
import { getDb } from '@/db/client';
import { importPath, type ImportOutcome } from '@/db/import/import-content';
import { countCategoriesAndArticles } from '@/db/queries/content-tables';

export const SEED_DIR = path.join(process.cwd(), 'db', 'seed');

/**
 * Loads the demo content through the same importer staff use. Import is an upsert by id, so running it
 * again changes nothing; by default it only runs on an empty database.
 */
export async function seedDatabase({ force = false, mediaDir }: { force?: boolean; mediaDir?: string } = {}): Promise<{ ran: boolean; outcomes: ImportOutcome[] }> {
  const { articles } = await countCategoriesAndArticles(getDb());
  if (articles > 0 && !force) return { ran: false, outcomes: [] };
  const outcomes = await importPath(SEED_DIR, mediaDir ? { mediaDir } : {});
  const failures = outcomes.filter((o) => !o.ok);
  if (failures.length) {
    const detail = failures.map((f) => `${f.file}: ${f.ok ? '' : f.errors.join('; ')}`).join('\n');
    throw new Error(`Seed failed for ${failures.length} file(s):\n${detail}`);
  }
  return { ran: true, outcomes };
}
