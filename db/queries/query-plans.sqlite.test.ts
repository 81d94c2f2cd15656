import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, desc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import { articleAuthors, articleKeywords, articles, articleViews, categories, images, keywords } from '@/db/schema';
import { getArticleDetail, getArticleLocation } from '@/db/queries/articles';
import { getAuthorBySlug } from '@/db/queries/authors';
import { getCategory, listCategories } from '@/db/queries/categories';
import { latestInvalidationId, listInvalidationsAfter, recordInvalidation } from '@/db/queries/cache-invalidations';
import { getRssFeed } from '@/db/queries/feeds';
import { checkDatabase } from '@/db/queries/health';
import { getHomePage } from '@/db/queries/home';
import { getKeywordBySlug } from '@/db/queries/keywords';
import { listAuthorArticles, listCategoryArticles, listKeywordArticles, listLatestArticles } from '@/db/queries/listings';
import { computeMostRead } from '@/db/queries/most-read';
import { listMyArticles, listNewsroomArticles, type NewsroomViewer } from '@/db/queries/newsroom-articles';
import { ensureTitlesFolded } from '@/db/queries/newsroom-articles-backfill';
import { listRelatedArticles } from '@/db/queries/related';
import { searchArticles } from '@/db/queries/search';
import { ensureSearchIndex } from '@/db/queries/search-index';
import { getNewsSitemap, getSitemapPart, getSitemapRoot } from '@/db/queries/sitemap';
import { isPublished } from '@/db/queries/teasers';
import { getViewCount, recordView } from '@/db/queries/views';
import { DEMO_DATE_RANGE, generateDemoArticles } from '@/db/seed/generate';
import { recordStatements, sqliteOf, useThrowawayDatabase, type RecordedStatement } from '@/db/testing';
import type { SqliteDb } from '@/db/engine';
import { parseSearchQuery } from '@/lib/search-query';

// Every query the pages and APIs run, recorded while the real query functions run on a generated archive, then
// EXPLAIN QUERY PLAN-ed with the same parameters. The portal never runs ANALYZE, so neither does this test: the
// plans must be right from the schema and the SQL alone.

const ARTICLES = 3_000;
let db: SqliteDb;
let cleanup: () => Promise<void>;
let recorder: ReturnType<typeof recordStatements>;
let sample: { id: number; categoryId: number; keywordId: number; keywordSlug: string; authorSlug: string };
const END = new Date(DEMO_DATE_RANGE.to * 1000);
const UNTAGGED = 1_000_500; // its keywords are removed below
const LEADER: NewsroomViewer = { id: 'plan-ld', role: 'lanh-dao', categoryIds: [] };
const REPORTER: NewsroomViewer = { id: 'plan-pv', role: 'phong-vien', categoryIds: [17, 18] };

before(async () => {
  const t = await useThrowawayDatabase();
  ({ cleanup } = t);
  db = sqliteOf(t.db);
  recorder = recordStatements(db);
  db.insert(categories).values([17, 18, 19, 20, 21, 22, 29].map((id, position) => ({ id, name: `Chuyên mục ${id}`, position }))).run();
  db.insert(images).values({ file: 'anh-0123456789.jpg', width: 1600, height: 1067, alt: 'Ảnh' }).run();
  generateDemoArticles(db, { count: ARTICLES, seed: 3 });
  db.update(articles).set({ status: 'draft' }).where(lt(articles.id, 1_000_030)).run();
  ensureSearchIndex(db);
  ensureTitlesFolded(db);
  // A reporter's articles, for the newsroom's list.
  db.update(articles).set({ createdBy: REPORTER.id }).where(lt(articles.id, 1_000_100)).run();
  // An article with three keywords or more.
  const link = db
    .select({ id: articleKeywords.articleId, keywordId: articleKeywords.keywordId, slug: keywords.slug, categoryId: articles.categoryId })
    .from(articleKeywords)
    .innerJoin(keywords, eq(keywords.id, articleKeywords.keywordId))
    .innerJoin(articles, eq(articles.id, articleKeywords.articleId))
    .where(and(isPublished, eq(articleKeywords.position, 2)))
    .orderBy(desc(articleKeywords.articleId))
    .get()!;
  const author = db.select({ slug: articleAuthors.authorSlug }).from(articleAuthors).where(isNotNull(articleAuthors.publishedAt)).limit(1).get()!;
  sample = { id: link.id, categoryId: link.categoryId, keywordId: link.keywordId, keywordSlug: link.slug, authorSlug: author.slug };
  db.delete(articleKeywords).where(eq(articleKeywords.articleId, UNTAGGED)).run();
});
after(() => cleanup());

type PlanRow = { id: number; parent: number; detail: string };

// Tables that grow with the archive. A walk over all of one (an index scan, or a search on `status` alone:
// nearly every article is published) is allowed only where it can stop early.
const CONTENT_TABLES = new Set(['articles', 'article_keywords', 'article_authors', 'article_views', 'keywords', 'images', 'articles_fts']);

function explain(statement: RecordedStatement): PlanRow[] {
  return db.$client.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as PlanRow[];
}

function tableOfIndex(index: string): string | undefined {
  return (db.$client.prepare('SELECT tbl_name FROM sqlite_master WHERE type = ? AND name = ?').get('index', index) as { tbl_name: string } | undefined)
    ?.tbl_name;
}

function isFullTextTable(name: string): boolean {
  return Boolean(db.$client.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ? AND sql LIKE '%USING fts5%'`).get(name));
}

/** What is wrong with a statement's plan, as sentences; empty when nothing is. */
function planProblems(statement: RecordedStatement, plan: PlanRow[], { bulk }: { bulk: boolean }): string[] {
  const problems: string[] = [];
  const subqueries = new Set(plan.flatMap((r) => /^(?:CO-ROUTINE|MATERIALIZE) (.+)$/.exec(r.detail)?.[1] ?? []));
  const loops = plan.filter((r) => /^(?:SCAN|SEARCH) /.test(r.detail));
  const sorts = plan.some((r) => /^USE TEMP B-TREE FOR (?:ORDER BY|GROUP BY|DISTINCT)$/.test(r.detail));
  const filteredBySubquery = plan.some((r) => /^(?:LIST|CORRELATED .*|SCALAR) SUBQUERY|BLOOM FILTER/.test(r.detail));
  const limited = /\blimit\b/i.test(statement.sql);
  for (const row of loops) {
    const d = row.detail;
    const plain = /^SCAN (\S+)$/.exec(d);
    if (plain && !subqueries.has(plain[1]!) && !plain[1]!.startsWith('(')) problems.push(`full table scan: ${d}`);
    if (/AUTOMATIC/.test(d)) problems.push(`builds a throwaway index over a whole table: ${d}`);
    const virtual = /^SCAN (\S+) VIRTUAL TABLE INDEX \d+:(.*)$/.exec(d);
    // json_each(?) and the like read a parameter; a full-text table must be read through MATCH.
    if (virtual && isFullTextTable(virtual[1]!) && !virtual[2]!.includes('M')) problems.push(`full-text table read without MATCH: ${d}`);
    const walk = /^SCAN \S+ USING (?:COVERING )?INDEX (\S+)$/.exec(d) ?? /^SEARCH \S+ USING (?:COVERING )?INDEX (\S+) \(status=\?\)$/.exec(d);
    if (!walk || bulk || !CONTENT_TABLES.has(tableOfIndex(walk[1]!) ?? '')) continue;
    // A walk in the order asked for, with nothing but its own rows to check, stops at the LIMIT.
    if (row !== loops[0]) problems.push(`walks a whole table inside another loop: ${d}`);
    else if (!limited) problems.push(`walks a whole table with no LIMIT to stop it: ${d}`);
    else if (sorts) problems.push(`walks a whole table and sorts it: ${d}`);
    else if (filteredBySubquery) problems.push(`walks a whole table, filtering it by another query: ${d}`);
  }
  return problems;
}

/**
 * Runs `work` with every statement recorded, and returns each statement whose plan has a problem. With `bulkCounts`,
 * a bare count(*) is checked as bulk: it reads every entry it counts (a whole index at most, never a table).
 */
async function badPlans(work: () => Promise<unknown>, { bulk = false, bulkCounts = false } = {}): Promise<Array<{ sql: string; plan: string[]; problems: string[] }>> {
  const statements = await recorder.during(work);
  assert.ok(statements.length > 0, 'the work ran no query at all');
  return statements.flatMap((statement) => {
    const plan = explain(statement);
    const problems = planProblems(statement, plan, { bulk: bulk || (bulkCounts && /^select count\(\*\) from /.test(statement.sql)) });
    return problems.length ? [{ sql: statement.sql, plan: plan.map((r) => r.detail), problems }] : [];
  });
}

test('the database has no planner statistics, as in production (the portal never runs ANALYZE)', () => {
  assert.deepEqual(db.$client.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name LIKE 'sqlite_stat%'`).get(), { n: 0 });
});

test('article page: location, detail with its keywords and photos, related news, menu', async () => {
  assert.deepEqual(
    await badPlans(async () => {
      await getArticleLocation(sample.id);
      await getArticleDetail(sample.id);
      await listRelatedArticles(sample);
      await listRelatedArticles({ id: UNTAGGED, categoryId: 17 });
      await listRelatedArticles({ id: UNTAGGED, categoryId: 999 }); // nothing in its category: filled from the latest
      await listCategories();
    }),
    [],
  );
});

test('most read: the last 30 days, and topped up from all time', async () => {
  assert.equal((await computeMostRead(5, END)).length, 5);
  assert.deepEqual(await badPlans(() => computeMostRead(5, END)), []);
  assert.deepEqual(await badPlans(() => computeMostRead(5, new Date(Date.UTC(2040, 0, 1)))), []);
});

test('view counter: reading and counting a view', async () => {
  assert.deepEqual(
    await badPlans(async () => {
      await getViewCount(sample.id);
      await recordView(sample.id);
      await recordView(UNTAGGED);
    }),
    [],
  );
});

test('health check: one read of the archive that stops at once', async () => {
  assert.deepEqual(await badPlans(() => checkDatabase()), []);
});

test('home, category, keyword and author pages with their counts', async () => {
  assert.deepEqual(
    await badPlans(async () => {
      await getHomePage();
      await listLatestArticles(20);
      await getCategory(sample.categoryId);
      await listCategoryArticles({ categoryId: sample.categoryId, page: 1 });
      await listCategoryArticles({ categoryId: sample.categoryId, page: 3 });
      await getKeywordBySlug(sample.keywordSlug);
      await listKeywordArticles({ keywordId: sample.keywordId, page: 1 });
      await listKeywordArticles({ keywordId: sample.keywordId, page: 2 });
      await getAuthorBySlug(sample.authorSlug);
      await listAuthorArticles({ slug: sample.authorSlug, page: 1 });
      await listAuthorArticles({ slug: sample.authorSlug, page: 2 });
    }),
    [],
  );
});

test('search: one word, several words, and the any-word fallback', async () => {
  assert.deepEqual(
    await badPlans(async () => {
      for (const q of ['hội nghị', 'nông thôn mới', 'giao', 'chùa keo xyzzy']) await searchArticles({ terms: parseSearchQuery(q).terms, page: 1 });
    }),
    [],
  );
});

test('cache sync: recording a change, and each process reading the changes it has not applied', async () => {
  assert.deepEqual(
    await badPlans(async () => {
      await recordInvalidation(db, ['article:1', 'home']);
      await listInvalidationsAfter((await latestInvalidationId()) - 1);
    }),
    [],
  );
});

test('feeds and the news sitemap', async () => {
  assert.deepEqual(
    await badPlans(async () => {
      await getRssFeed('https://feeds.example.vn');
      await getRssFeed('https://feeds.example.vn', sample.categoryId);
      await getNewsSitemap('https://feeds.example.vn', END);
      await getNewsSitemap('https://feeds.example.vn', new Date(Date.UTC(2040, 0, 1))); // nothing recent: the newest article
    }),
    [],
  );
});

test('sitemaps read every published article, keyword and author (once per content change), never a table without an index', async () => {
  assert.deepEqual(
    await badPlans(
      async () => {
        await getSitemapRoot('https://sitemap.example.vn');
        await getSitemapPart('https://sitemap.example.vn', 'pages.xml');
      },
      { bulk: true },
    ),
    [],
  );
});

test('newsroom article list: with no filter or one, the page walks that filter’s index and stops after it (its count reads the index)', async () => {
  assert.deepEqual(
    await badPlans(async () => {
      for (const page of [1, 3]) await listNewsroomArticles({ viewer: LEADER, page });
      await listNewsroomArticles({ viewer: LEADER, status: 'draft', page: 1 });
      await listNewsroomArticles({ viewer: LEADER, status: 'published', page: 2 });
      await listNewsroomArticles({ viewer: LEADER, categoryId: sample.categoryId, page: 2 });
      await listNewsroomArticles({ viewer: REPORTER, page: 2 });
      await listNewsroomArticles({ viewer: { ...REPORTER, categoryIds: [] }, page: 1 });
      await listMyArticles(REPORTER);
    }, { bulkCounts: true }),
    [],
  );
});

test('newsroom article list: a title search, an author or two filters read small indexes, never the article rows', async () => {
  assert.ok((await listNewsroomArticles({ viewer: LEADER, q: 'thai binh', page: 1 })).total > 0);
  const searches = () =>
    Promise.all([
      listNewsroomArticles({ viewer: LEADER, q: 'thai binh', page: 2 }),
      listNewsroomArticles({ viewer: LEADER, q: 'xyzzy', page: 2 }), // nothing: counted apart
      listNewsroomArticles({ viewer: LEADER, q: 'thai binh', categoryId: sample.categoryId, page: 1 }),
      listNewsroomArticles({ viewer: LEADER, author: sample.authorSlug, page: 1 }),
      listNewsroomArticles({ viewer: LEADER, status: 'draft', categoryId: 17, page: 1 }),
      listNewsroomArticles({ viewer: REPORTER, status: 'draft', page: 1 }),
      listNewsroomArticles({ viewer: REPORTER, q: 'thai binh', page: 1 }),
    ]);
  // Whole indexes are read (no LIMIT can stop a search for a substring), but no plain table scan...
  assert.deepEqual(await badPlans(searches, { bulk: true }), []);
  // ...and the statements that find and count the matches read articles through covering indexes only: looking up
  // each match's row (an index of one filter, or an author's ids one by one) reads the bodies too.
  const statements = await recorder.during(searches);
  const rowReads = statements
    .filter((statement) => statement.sql.includes('count(*)'))
    .flatMap((statement) => explain(statement).map((row) => row.detail))
    .filter((detail) => /^(?:SCAN|SEARCH) articles /.test(detail) && !/ USING COVERING INDEX /.test(detail));
  assert.deepEqual(rowReads, []);
});

// The check itself: plans that once served keyword pages and "most read" on a 100,000-article archive.
test('the check catches a walk of the whole archive and a full table scan', async () => {
  const tagged = db.select({ id: articleKeywords.articleId }).from(articleKeywords).where(eq(articleKeywords.keywordId, sample.keywordId));
  const problems = async (work: () => Promise<unknown>) => (await badPlans(work)).flatMap((b) => b.problems);
  assert.match(
    (await problems(async () => db.select({ id: articles.id }).from(articles).where(and(isPublished, inArray(articles.id, tagged))).orderBy(desc(articles.publishedAt)).limit(20).all())).join(),
    /filtering it by another query/,
  );
  assert.match(
    (await problems(async () =>
      db.select({ id: articles.id }).from(articleViews).innerJoin(articles, eq(articles.id, articleViews.articleId)).where(isPublished)
        .orderBy(desc(articleViews.views), desc(articles.publishedAt)).limit(5).all(),
    )).join(),
    /sorts it/,
  );
  assert.match((await problems(async () => db.select({ id: articles.id }).from(articles).where(eq(articles.byline, 'Cao Biền')).all())).join(), /full table scan/);
});
