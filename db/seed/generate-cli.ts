// npm run db:generate-demo -- --articles N [--out path] [--seed S] [--start-id ID]
// Builds a fresh SQLite file: migrations, the normal demo content, then N generated articles.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeDatabase, openDatabase, setProcessDatabase } from '@/db/client';
import { ensureTitlesFolded } from '@/db/queries/newsroom-articles-backfill';
import { ensureSearchIndex } from '@/db/queries/search-index';
import { generateDemoArticles } from '@/db/seed/generate';
import { seedDatabase } from '@/db/seed/seed';

const USAGE = 'Usage: npm run db:generate-demo -- --articles N [--out data/demo-N.db] [--seed 1] [--start-id 1000000]';

function integer(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined && fallback !== undefined) return fallback;
  const n = Number(value?.replace(/_/g, ''));
  if (value === undefined || value.trim() === '' || !Number.isSafeInteger(n) || n < 0) {
    throw new Error(`--${name} must be a non-negative integer${value === undefined ? '' : `, not "${value}"`}\n${USAGE}`);
  }
  return n;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      'start-id': { type: 'string' },
    },
  });
  const count = integer('articles', values.articles);
  const seed = integer('seed', values.seed, 1);
  const startId = integer('start-id', values['start-id'], 1_000_000);
  const out = path.resolve(values.out ?? path.join('data', `demo-${count}.db`));

  const started = performance.now();
  for (const file of [out, `${out}-wal`, `${out}-shm`]) fs.rmSync(file, { force: true });
  const db = openDatabase(out);
  setProcessDatabase(db);
  try {
    const { outcomes } = await seedDatabase();
    const seeded = performance.now();
    console.log(`Created ${out}: demo content loaded (${outcomes.length} files) in ${seconds(seeded - started)}.`);

    const { inserted, keywordLinks, keywordsCreated } = generateDemoArticles(db, { count, seed, startId });
    const generated = performance.now();
    const rate = Math.round(inserted / ((generated - seeded) / 1000 || 1));
    console.log(
      `Generated ${inserted} articles (ids ${startId}..${startId + count - 1}, seed ${seed}), ${keywordLinks} keyword links, ` +
        `${keywordsCreated} new keywords in ${seconds(generated - seeded)} (${rate.toLocaleString('en-US')} articles/s).`,
    );
    ensureSearchIndex(db);
    const indexed = performance.now();
    console.log(`Search index built in ${seconds(indexed - generated)}.`);
    // The generator writes rows without the newsroom's folded titles, as an old database has them.
    ensureTitlesFolded(db);
    console.log(`Titles folded in ${seconds(performance.now() - indexed)}.`);
  } finally {
    closeDatabase();
  }
  const size = fs.statSync(out).size;
  console.log(`Done in ${seconds(performance.now() - started)}; ${(size / 1024 / 1024).toFixed(1)} MiB.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
