import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { count, eq, isNotNull } from 'drizzle-orm';
import { articleKeywords, articles, images, keywords } from '@/db/schema';
import { getSitemapPart, getSitemapRoot } from '@/db/queries/sitemap';
import { generateDemoArticles } from '@/db/seed/generate';
import { insertCategories, sqliteOf, useThrowawayDatabase } from '@/db/testing';
import type { Db } from '@/db/client';

// A generated archive of 120,000 articles: more than one sitemap file can hold.
const SITE = 'https://tin.example.vn';
const ARTICLES = 120_000;
let db: Db;
let cleanup: () => Promise<void>;

const parser = new XMLParser();
function parse(xml: string) {
  assert.equal(XMLValidator.validate(xml), true);
  return parser.parse(xml);
}
const list = <T,>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [17, 18, 19, 20, 21, 22, 29].map((id) => ({ id, name: `Chuyên mục ${id}` })));
  await db.insert(images).values({ file: 'anh-1-0123456789.jpg', width: 1600, height: 1067, alt: 'Ảnh' });
  generateDemoArticles(sqliteOf(db), { count: ARTICLES, seed: 7 });
});
after(() => cleanup());

test('past 50,000 URLs the sitemap is an index of a pages file and three article files', async (t) => {
  const started = performance.now();
  const root = parse(await getSitemapRoot(SITE));
  t.diagnostic(`index built in ${(performance.now() - started).toFixed(0)} ms`);
  assert.deepEqual(
    list(root.sitemapindex.sitemap).map((s: { loc: string }) => s.loc),
    [`${SITE}/sitemaps/pages.xml`, `${SITE}/sitemaps/articles-1.xml`, `${SITE}/sitemaps/articles-2.xml`, `${SITE}/sitemaps/articles-3.xml`],
  );
  assert.equal(await getSitemapPart(SITE, 'articles-4.xml'), null);
  assert.equal(await getSitemapPart(SITE, '../etc.xml'), null);
});

test('every published article is listed exactly once, at most 50,000 to a file, each with lastmod', async (t) => {
  const seen = new Set<string>();
  for (const name of ['articles-1.xml', 'articles-2.xml', 'articles-3.xml']) {
    const started = performance.now();
    const xml = (await getSitemapPart(SITE, name))!;
    t.diagnostic(`${name}: ${(xml.length / 1e6).toFixed(1)} MB built in ${(performance.now() - started).toFixed(0)} ms`);
    const urls = list(parse(xml).urlset.url) as Array<{ loc: string; lastmod: string }>;
    assert.ok(urls.length <= 50_000);
    for (const url of urls) {
      assert.match(url.lastmod, /\+07:00$/);
      assert.ok(!seen.has(url.loc), `${url.loc} listed twice`);
      seen.add(url.loc);
    }
  }
  const published = (await db.select({ n: count() }).from(articles).where(eq(articles.status, 'published')))[0]!.n;
  assert.equal(seen.size, published);
  assert.equal(seen.size, ARTICLES);
});

test('the pages file lists home, categories and keyword pages, each dated, but no keyword of drafts only', async (t) => {
  const [draft] = await db
    .insert(articles)
    .values({ id: 900, categoryId: 17, slug: 'ban-nhap', title: 'Bản nháp', sapo: 'Chưa đăng.', body: [], publishedAt: new Date(), updatedAt: new Date() })
    .returning({ id: articles.id });
  const [keyword] = await db.insert(keywords).values({ slug: 'chi-co-ban-nhap', name: 'Chỉ có bản nháp' }).returning({ id: keywords.id });
  await db.insert(articleKeywords).values({ articleId: draft!.id, keywordId: keyword!.id });
  const started = performance.now();
  const xml = (await getSitemapPart(SITE, 'pages.xml'))!;
  t.diagnostic(`pages.xml built in ${(performance.now() - started).toFixed(0)} ms`);
  const urls = list(parse(xml).urlset.url) as Array<{ loc: string; lastmod?: string }>;
  assert.equal(urls[0]!.loc, `${SITE}/`);
  const locs = urls.map((u) => u.loc);
  assert.ok(locs.includes(`${SITE}/news/17`));
  const tagged = locs.filter((l) => l.startsWith(`${SITE}/tu-khoa/`));
  assert.equal(tagged.length, (await db.selectDistinct({ id: articleKeywords.keywordId }).from(articleKeywords).where(isNotNull(articleKeywords.publishedAt))).length);
  assert.ok(!locs.includes(`${SITE}/tu-khoa/chi-co-ban-nhap`));
  for (const url of urls) assert.match(url.lastmod ?? '', /\+07:00$/, url.loc);
});

test('an article taken down leaves the sitemap that is built next', async () => {
  assert.ok((await getSitemapPart(SITE, 'articles-1.xml'))!.includes('/1000000/'));
  await db.update(articles).set({ status: 'draft' }).where(eq(articles.id, 1_000_000));
  assert.ok(!(await getSitemapPart(SITE, 'articles-1.xml'))!.includes('/1000000/'));
});
