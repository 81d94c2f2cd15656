// npm run bench:queries -- --db data/plans-100k.db [--samples 200] [--seed 1] [--only newsroom]  (or npx tsx scripts/bench-queries.ts ...)
// Times every hot query, in process, on random articles, categories, keywords and authors of a generated archive
// (npm run db:generate-demo -- --articles 100000 --out data/plans-100k.db) and prints a table. A benchmark, not
// a test. The database is migrated if needed, and the view counter's POST really counts (on this file only). Then the
// newsroom's article list (scripts/bench-queries-newsroom.ts); `--only newsroom` times that alone.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, setProcessDatabase } from '@/db/client';
import type { SqliteDb } from '@/db/engine';
import { getArticleDetail, getArticleLocation } from '@/db/queries/articles';
import { getCategory, listCategories } from '@/db/queries/categories';
import { getRssFeed } from '@/db/queries/feeds';
import { getHomePage } from '@/db/queries/home';
import { getAuthorBySlug } from '@/db/queries/authors';
import { getKeywordBySlug } from '@/db/queries/keywords';
import { listAuthorArticles, listCategoryArticles, listKeywordArticles, listLatestArticles } from '@/db/queries/listings';
import { computeMostRead } from '@/db/queries/most-read';
import { listRelatedArticles } from '@/db/queries/related';
import { searchArticles } from '@/db/queries/search';
import { getNewsSitemap, getSitemapPart, getSitemapRoot } from '@/db/queries/sitemap';
import { getViewCount, recordView } from '@/db/queries/views';
import { DEMO_DATE_RANGE, mulberry32 } from '@/db/seed/generate';
import { benchNewsroomList } from './bench-queries-newsroom';
import { parseSearchQuery } from '@/lib/search-query';

const BUDGET_MS = 50;
const USAGE = 'Usage: npx tsx scripts/bench-queries.ts --db data/plans-100k.db [--samples 200] [--seed 1] [--only newsroom]';

type Timing = { name: string; wall: number[]; cpu: number[] };

async function timed(timing: Timing, run: () => unknown): Promise<void> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  timing.wall.push(performance.now() - started);
  const used = process.cpuUsage(cpu);
  timing.cpu.push((used.user + used.system) / 1000);
}

async function bench(name: string, runs: number, run: (i: number) => unknown): Promise<Timing> {
  const timing: Timing = { name, wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) await timed(timing, () => run(i));
  return timing;
}

/** Runs the benchmarks one after another (never two at once). */
async function sequence(runs: Array<() => Promise<Timing>>): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (const run of runs) timings.push(await run());
  return timings;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => sorted(values)[Math.floor(values.length / 2)] ?? NaN;
const p95 = (values: number[]) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * 0.95))] ?? NaN;
const ms = (value: number) => value.toFixed(2).padStart(9);

function printTable(title: string, timings: Timing[]): void {
  console.log(`\n${title}\n${'query'.padEnd(46)}${'runs'.padStart(6)}${'median'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}${'cpu med'.padStart(9)}${'cpu max'.padStart(9)}  (ms)`);
  for (const t of timings) {
    console.log(`${t.name.padEnd(46)}${String(t.wall.length).padStart(6)}${ms(median(t.wall))}${ms(p95(t.wall))}${ms(Math.max(...t.wall))}${ms(median(t.cpu))}${ms(Math.max(...t.cpu))}`);
  }
}

function samples(sqlite: SqliteDb['$client'], count: number, seed: number) {
  const pluck = (sql: string) => sqlite.prepare(sql).pluck().all() as number[];
  const random = mulberry32(seed);
  const pick = <T>(list: T[]) => Array.from({ length: count }, () => list[Math.floor(random() * list.length)]!);
  // Articles without repeats: each is read for the first time.
  const published = pluck(`SELECT id FROM articles WHERE status = 'published'`);
  const articleIds = [...new Set(Array.from({ length: count * 2 }, () => published[Math.floor(random() * published.length)]!))].slice(0, count);
  const keywordIds = pick(pluck('SELECT DISTINCT keyword_id FROM article_keywords WHERE published_at IS NOT NULL'));
  const categoryIds = pick(pluck('SELECT id FROM categories'));
  const slugs = new Map((sqlite.prepare('SELECT id, slug FROM keywords').all() as Array<{ id: number; slug: string }>).map((k) => [k.id, k.slug]));
  const pages = Array.from({ length: count }, () => 1 + Math.floor(random() * 5));
  // Drawn last, so that the other samples are those of earlier runs.
  const authors = pick(sqlite.prepare('SELECT DISTINCT author_slug FROM article_authors WHERE published_at IS NOT NULL').pluck().all() as string[]);
  return { articleIds, keywords: keywordIds.map((id) => ({ id, slug: slugs.get(id)! })), categoryIds, authors, pages };
}

async function articlePages(s: ReturnType<typeof samples>, runs: number): Promise<Timing[]> {
  const parts = ['detail (with keywords, photos)', 'related news', 'most read (computed, not cached)', 'category menu'].map(
    (name) => ({ name: `  ${name}`, wall: [], cpu: [] }) as Timing,
  );
  const page: Timing = { name: 'article page: the four together', wall: [], cpu: [] };
  for (let i = 0; i < runs; i++) {
    await timed(page, async () => {
      let article: Awaited<ReturnType<typeof getArticleDetail>> = null;
      await timed(parts[0]!, async () => (article = await getArticleDetail(s.articleIds[i]!)));
      await timed(parts[1]!, () => listRelatedArticles(article!));
      await timed(parts[2]!, () => computeMostRead());
      await timed(parts[3]!, () => listCategories());
    });
  }
  return [page, ...parts];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, samples: { type: 'string' }, seed: { type: 'string' }, only: { type: 'string' } } });
  if (!values.db || (values.only !== undefined && values.only !== 'newsroom')) throw new Error(USAGE);
  const file = path.resolve(values.db);
  const runs = Number(values.samples ?? 200);
  const db = openDatabase(file);
  setProcessDatabase(db);
  if (values.only === 'newsroom') return benchNewsroomList(file, { runs, seed: Number(values.seed ?? 1) });
  const s = samples(db.$client, runs, Number(values.seed ?? 1));
  const published = db.$client.prepare(`SELECT count(*) FROM articles WHERE status = 'published'`).pluck().get() as number;
  const end = new Date(DEMO_DATE_RANGE.to * 1000);
  const fresh = (i: number) => `https://bench-${i}-${Date.now()}.example.vn`; // caches are keyed by site URL

  printTable(`Article page (${runs} random published articles, each read for the first time)`, await articlePages(s, runs));
  printTable('Other pages and APIs', await sequence([
    () => bench('article location (old URLs)', runs, (i) => getArticleLocation(s.articleIds[i]!)),
    () => bench('view count GET', runs, (i) => getViewCount(s.articleIds[i]!)),
    () => bench('view count POST (upsert)', runs, (i) => recordView(s.articleIds[i]!)),
    () => bench('most read, last 30 days (end of archive)', runs, () => computeMostRead(5, end)),
    () => bench('most read, all-time fallback', runs, () => computeMostRead(5, new Date(Date.UTC(2040, 0, 1)))),
    () => bench('home page', runs, () => getHomePage()),
    () => bench('latest 20', runs, () => listLatestArticles(20)),
    () => bench('category: get + page 1-5 with count', runs, async (i) => listCategoryArticles({ categoryId: (await getCategory(s.categoryIds[i]!))!.id, page: s.pages[i]! })),
    () => bench('keyword: by slug + page 1-5 with count', runs, async (i) => listKeywordArticles({ keywordId: (await getKeywordBySlug(s.keywords[i]!.slug))!.id, page: s.pages[i]! })),
    () => bench('author: by slug + page 1-5 with count', runs, async (i) => {
      const author = (await getAuthorBySlug(s.authors[i]!))!;
      return listAuthorArticles({ slug: author.slug, page: s.pages[i]! });
    }),
    () => bench('search (page 1)', 40, (i) => searchArticles({ terms: parseSearchQuery(['hội nghị', 'chùa keo', 'nong thon moi', 'bóng đá'][i % 4]).terms, page: 1 })),
    () => bench('RSS, whole site (uncached)', 40, (i) => getRssFeed(fresh(i))),
    () => bench('RSS, one category (uncached)', 40, (i) => getRssFeed(fresh(i), s.categoryIds[i]!)),
    () => bench('news sitemap (uncached)', 40, (i) => getNewsSitemap(fresh(i), end)),
  ]));
  printTable('Sitemaps (rebuilt once per content change)', await sequence([
    () => bench('sitemap.xml', 3, (i) => getSitemapRoot(fresh(i))),
    () => bench('sitemaps/pages.xml', 3, (i) => getSitemapPart(fresh(i), 'pages.xml')),
    () => bench('sitemaps/articles-1.xml', 3, (i) => getSitemapPart(fresh(i), 'articles-1.xml')),
    () => bench('sitemaps/articles-2.xml', 3, (i) => getSitemapPart(fresh(i), 'articles-2.xml')),
  ]));
  console.log(`\n${path.relative(process.cwd(), file)}: ${published.toLocaleString('en-US')} published articles. Budget for a cold article render: ${BUDGET_MS} ms.`);
  console.log(`machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}, ${new Date().toISOString()}`);
  await benchNewsroomList(file, { runs, seed: Number(values.seed ?? 1) }); // closes the database
}

// Not a top-level await: tsx runs this file as CommonJS (the package is not "type": "module").
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
