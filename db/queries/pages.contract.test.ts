import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { articleKeywords, articles, articleViews, categories, images, keywords } from '@/db/schema';
import { getArticleDetail, getArticleLocation, getArticlePreview } from '@/db/queries/articles';
import { latestInvalidationId, listInvalidationsAfter, recordInvalidation } from '@/db/queries/cache-invalidations';
import { getCategory, listCategories } from '@/db/queries/categories';
import { getRssFeed } from '@/db/queries/feeds';
import { checkDatabase } from '@/db/queries/health';
import { getHomePage } from '@/db/queries/home';
import { getKeywordBySlug, listArticleKeywords } from '@/db/queries/keywords';
import { listCategoryArticles, listLatestArticles } from '@/db/queries/listings';
import { computeMostRead, listMostRead } from '@/db/queries/most-read';
import { searchArticles } from '@/db/queries/search';
import { ensureSearchIndex } from '@/db/queries/search-index';
import { getNewsSitemap, getSitemapPart, getSitemapRoot } from '@/db/queries/sitemap';
import { useThrowawayDatabase } from '@/db/testing';
import type { Db } from '@/db/client';
import type { StoredBlock } from '@/lib/content-schema';
import { toRfc822Vietnam } from '@/lib/dates';
import { parseSearchQuery } from '@/lib/search-query';

// What the pages, feeds and sitemaps read, on a small archive written straight into the tables (as another tool
// would). A contract test: npm run test:contract runs it on PostgreSQL, npm run test:unit on SQLite, with the
// same expectations. The SQLite-only tests on large generated archives are sitemap.test.ts and query-plans.test.ts.

const SITE = 'https://tin.example.vn';
const DAY = 86_400_000;
let db: Db;
let cleanup: () => Promise<void>;
let imageId: number;
let keywordIds: Record<'a' | 'b' | 'c', number>;

// Articles 1..25 are in category 17, 26..30 in 18; 13 is a draft; each is published on day `id` (24 and 25 on
// the same day and time), at 01:00 UTC (08:00 in Vietnam), and updated an hour later, except 28 (5 November).
const DRAFT = 13;
const at = (day: number) => new Date(Date.UTC(2026, 9, 1, 1) + day * DAY);
const publishedOn = (id: number) => at(id === 25 ? 24 : id);
const updatedOn = (id: number) => (id === 28 ? new Date('2026-11-05T01:00:00Z') : new Date(publishedOn(id).getTime() + 3_600_000));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const down = (from: number, to: number) => range(to, from).reverse();

const richBody = (image: number): StoredBlock[] => [
  { type: 'heading', text: 'Những con số nổi bật' },
  { type: 'paragraph', spans: [{ text: 'Theo ' }, { text: 'báo cáo', bold: true }, { text: ' của tỉnh', italic: true, href: 'https://thaibinh.gov.vn/bao-cao?nam=2026&q="a"' }] },
  { type: 'list', ordered: true, items: ['Một', 'Hai <b>'] },
  { type: 'quote', text: 'Trích dẫn "đặc biệt" & ký tự <>', cite: 'Ông A' },
  { type: 'image', imageId: image },
];

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await db.insert(categories).values([
    { id: 17, name: 'Chính trị', position: 1 },
    { id: 18, name: 'Kinh tế', position: 0 },
    { id: 19, name: 'Văn hóa', position: 2, description: 'Không có bài nào' },
  ]);
  [{ id: imageId }] = (await db
    .insert(images)
    .values({ file: 'anh-0123456789.jpg', width: 1600, height: 1067, alt: 'Ảnh đại diện', caption: 'Chú thích', credit: null })
    .returning({ id: images.id })) as [{ id: number }];
  const [a, b, c] = await db
    .insert(keywords)
    .values([
      { slug: 'kinh-te-so', name: 'Kinh tế số' },
      { slug: 'nong-thon-moi', name: 'Nông thôn mới' },
      { slug: 'khong-dung', name: 'Không dùng' },
    ])
    .returning({ id: keywords.id, slug: keywords.slug });
  keywordIds = { a: a!.id, b: b!.id, c: c!.id };
  await db.insert(articles).values(
    range(1, 30).map((id) => ({
      id,
      categoryId: id <= 25 ? 17 : 18,
      slug: `bai-${id}`,
      title: id === DRAFT ? 'Bản nháp chưa đăng' : `Bài ${id}`,
      sapo: `Sapo của bài ${id}.`,
      body:
        id === 1
          ? richBody(imageId)
          : [...(id % 2 === 0 ? [{ type: 'image' as const, imageId }] : []), { type: 'paragraph' as const, spans: [{ text: `Nội dung ${id}.` }] }],
      byline: id === 1 ? 'Cao Biền' : null,
      leadImageId: id === 1 || id % 2 === 0 ? imageId : null,
      status: id === DRAFT ? ('draft' as const) : ('published' as const),
      publishedAt: publishedOn(id),
      updatedAt: updatedOn(id),
    })),
  );
  await db.insert(articleKeywords).values([
    { articleId: 1, keywordId: keywordIds.b, position: 0 },
    { articleId: 1, keywordId: keywordIds.a, position: 1 },
    { articleId: 26, keywordId: keywordIds.a, position: 0 },
  ]);
  await db.insert(articleViews).values({ articleId: 1, views: 42 });
});
after(() => cleanup());

const teaserIds = (list: Array<{ id: number }>) => list.map((a) => a.id);
const xml = new XMLParser({ ignoreAttributes: false });
function parse(text: string) {
  assert.equal(XMLValidator.validate(text), true);
  return xml.parse(text);
}
const list = <T,>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

test('the database answers the health check and takes writes', async () => {
  assert.deepEqual(await checkDatabase(), { writable: true });
});

test('categories in menu order; one by id; an unknown id is null', async () => {
  assert.deepEqual(await listCategories(), [
    { id: 18, name: 'Kinh tế' },
    { id: 17, name: 'Chính trị' },
    { id: 19, name: 'Văn hóa' },
  ]);
  assert.deepEqual(await getCategory(17), { id: 17, name: 'Chính trị' });
  assert.equal(await getCategory(999), null);
});

test('an article page: its location, and its detail with body blocks, photos, keywords and views as stored', async () => {
  assert.deepEqual(await getArticleLocation(26), { id: 26, categoryId: 18, slug: 'bai-26' });
  assert.equal(await getArticleLocation(DRAFT), null);
  assert.equal(await getArticleLocation(999), null);

  const image = { file: 'anh-0123456789.jpg', src: '/media/anh-0123456789.jpg', width: 1600, height: 1067, alt: 'Ảnh đại diện', caption: 'Chú thích', credit: null };
  const detail = await getArticleDetail(1);
  assert.deepEqual(detail, {
    id: 1,
    categoryId: 17,
    categoryName: 'Chính trị',
    slug: 'bai-1',
    title: 'Bài 1',
    sapo: 'Sapo của bài 1.',
    byline: 'Cao Biền',
    publishedAt: publishedOn(1),
    updatedAt: updatedOn(1),
    views: 42,
    body: [...richBody(imageId).slice(0, 4), { type: 'image', image }],
    leadImage: image,
    keywords: [
      { id: keywordIds.b, slug: 'nong-thon-moi', name: 'Nông thôn mới' },
      { id: keywordIds.a, slug: 'kinh-te-so', name: 'Kinh tế số' },
    ],
  });
  // Key order too: the body is read back exactly as written (PostgreSQL's json, not jsonb).
  assert.equal(JSON.stringify(detail!.body.slice(0, 4)), JSON.stringify(richBody(imageId).slice(0, 4)));

  const plain = await getArticleDetail(3);
  assert.ok(plain);
  assert.equal(plain.views, 0, 'no count row yet');
  assert.equal(plain.leadImage, null);
  assert.deepEqual(plain.keywords, []);
  assert.equal(await getArticleDetail(DRAFT), null);
  assert.equal(await getArticleDetail(999), null);
});

test('a preview: any article, draft or published, as its page shows it, with its status and maker for the permissions', async () => {
  const draft = await getArticlePreview(DRAFT);
  assert.ok(draft);
  assert.equal(draft.detail.title, 'Bản nháp chưa đăng');
  assert.deepEqual(draft.facts, { categoryId: 17, createdBy: null, status: 'draft' });
  const published = await getArticlePreview(1);
  assert.deepEqual(published?.detail, await getArticleDetail(1));
  assert.deepEqual(published?.facts, { categoryId: 17, createdBy: null, status: 'published' });
  assert.equal(await getArticlePreview(999), null);
});

test('keywords by slug, and an article\'s keywords in their order', async () => {
  assert.deepEqual(await getKeywordBySlug('kinh-te-so'), { id: keywordIds.a, slug: 'kinh-te-so', name: 'Kinh tế số' });
  assert.equal(await getKeywordBySlug('khong-co'), null);
  assert.deepEqual(teaserIds(await listArticleKeywords(1)), [keywordIds.b, keywordIds.a]);
});

test('a category page: 20 a page, newest first, a tie broken by the larger id, drafts left out', async () => {
  const first = await listCategoryArticles({ categoryId: 17, page: 1 });
  assert.equal(first.total, 24);
  assert.equal(typeof first.total, 'number');
  assert.equal(first.pageCount, 2);
  assert.deepEqual(teaserIds(first.items), [25, 24, ...down(23, 14), ...down(12, 5)]);
  const second = await listCategoryArticles({ categoryId: 17, page: 2 });
  assert.deepEqual([second.total, second.pageCount, teaserIds(second.items)], [24, 2, [4, 3, 2, 1]]);
  assert.deepEqual(await listCategoryArticles({ categoryId: 17, page: 3 }), { items: [], total: 24, page: 3, pageCount: 2 });
  assert.deepEqual(await listCategoryArticles({ categoryId: 19, page: 1 }), { items: [], total: 0, page: 1, pageCount: 1 });
});

test('teasers carry their lead photo, or none', async () => {
  const latest = await listLatestArticles(3);
  assert.deepEqual(latest, [
    { id: 30, categoryId: 18, slug: 'bai-30', title: 'Bài 30', sapo: 'Sapo của bài 30.', publishedAt: at(30), image: { src: '/media/anh-0123456789.jpg', width: 1600, height: 1067, alt: 'Ảnh đại diện' } },
    { id: 29, categoryId: 18, slug: 'bai-29', title: 'Bài 29', sapo: 'Sapo của bài 29.', publishedAt: at(29), image: null },
    { id: 28, categoryId: 18, slug: 'bai-28', title: 'Bài 28', sapo: 'Sapo của bài 28.', publishedAt: at(28), image: { src: '/media/anh-0123456789.jpg', width: 1600, height: 1067, alt: 'Ảnh đại diện' } },
  ]);
});

test('the home page: the latest, then the newest of each category that has any, in menu order', async () => {
  const home = await getHomePage({ latest: 3, perCategory: 2 });
  assert.deepEqual(teaserIds(home.latest), [30, 29, 28]);
  assert.deepEqual(
    home.sections.map((s) => [s.category, teaserIds(s.articles)]),
    [
      [{ id: 18, name: 'Kinh tế' }, [30, 29]],
      [{ id: 17, name: 'Chính trị' }, [25, 24]],
    ],
  );
});

test('RSS: the latest published articles of the site or of a category; an unknown category has no feed', async () => {
  const site = parse((await getRssFeed(SITE))!).rss.channel;
  const items = list<{ title: string; link: string; category: string; pubDate: string }>(site.item);
  assert.equal(items.length, 29);
  assert.deepEqual(items.slice(0, 3).map((i) => i.title), ['Bài 30', 'Bài 29', 'Bài 28']);
  assert.equal(items[0]!.link, `${SITE}/news/18/30/bai-30`);
  assert.equal(items[0]!.category, 'Kinh tế');
  assert.equal(items[0]!.pubDate, toRfc822Vietnam(at(30)));
  assert.equal(site.lastBuildDate, toRfc822Vietnam(at(30)));
  assert.ok(!items.some((i) => i.title === 'Bản nháp chưa đăng'));

  const economy = parse((await getRssFeed(SITE, 18))!).rss.channel;
  assert.deepEqual(list<{ title: string }>(economy.item).map((i) => i.title), down(30, 26).map((id) => `Bài ${id}`));
  assert.equal(await getRssFeed(SITE, 999), null);
  const empty = parse((await getRssFeed(SITE, 19))!).rss.channel;
  assert.deepEqual([list(empty.item), empty.lastBuildDate], [[], undefined]);
});

test('a small site has one sitemap file: home, categories and keywords with their dates, then every published article', async () => {
  const urls = list<{ loc: string; lastmod?: string; 'image:image'?: { 'image:loc': string } }>(parse(await getSitemapRoot(SITE)).urlset.url);
  // Home's lastmod is the last change to any article; a listing's, when its newest article came out. Category 19
  // and keyword khong-dung have no article, so they are not listed (sitemap.contract.test.ts).
  assert.deepEqual(urls.slice(0, 5), [
    { loc: `${SITE}/`, lastmod: '2026-11-05T08:00:00+07:00' },
    { loc: `${SITE}/news/18`, lastmod: '2026-10-31T08:00:00+07:00' },
    { loc: `${SITE}/news/17`, lastmod: '2026-10-25T08:00:00+07:00' },
    { loc: `${SITE}/tu-khoa/kinh-te-so`, lastmod: '2026-10-27T08:00:00+07:00' },
    { loc: `${SITE}/tu-khoa/nong-thon-moi`, lastmod: '2026-10-02T08:00:00+07:00' },
  ]);
  const published = range(1, 30).filter((id) => id !== DRAFT);
  assert.deepEqual(
    urls.slice(5).map((u) => u.loc),
    published.map((id) => `${SITE}/news/${id <= 25 ? 17 : 18}/${id}/bai-${id}`),
  );
  assert.deepEqual(urls[5], { loc: `${SITE}/news/17/1/bai-1`, lastmod: '2026-10-02T09:00:00+07:00', 'image:image': { 'image:loc': `${SITE}/media/anh-0123456789.jpg` } });
  assert.deepEqual(urls[6], { loc: `${SITE}/news/17/2/bai-2`, lastmod: '2026-10-03T09:00:00+07:00', 'image:image': { 'image:loc': `${SITE}/media/anh-0123456789.jpg` } });
  assert.deepEqual(urls[7], { loc: `${SITE}/news/17/3/bai-3`, lastmod: '2026-10-04T09:00:00+07:00' });
  assert.equal(await getSitemapPart(SITE, 'pages.xml'), null, 'no parts while everything fits in one file');
  assert.equal(await getSitemapPart(SITE, 'articles-1.xml'), null);
});

test('the news sitemap: the last two days, newest first, nothing from the future; never empty', async () => {
  const news = (now: Date) =>
    getNewsSitemap(SITE, now).then((text) => list<{ loc: string; 'news:news': { 'news:title': string; 'news:publication_date': string } }>(parse(text).urlset.url));
  const recent = await news(new Date('2026-10-31T12:00:00Z'));
  assert.deepEqual(
    recent.map((u) => [u.loc, u['news:news']['news:title'], u['news:news']['news:publication_date']]),
    [
      [`${SITE}/news/18/30/bai-30`, 'Bài 30', '2026-10-31T08:00:00+07:00'],
      [`${SITE}/news/18/29/bai-29`, 'Bài 29', '2026-10-30T08:00:00+07:00'],
    ],
  );
  assert.deepEqual((await news(new Date('2026-10-30T12:00:00Z'))).map((u) => u.loc), [`${SITE}/news/18/29/bai-29`, `${SITE}/news/18/28/bai-28`]);
  // Nothing in the last two days: the newest article, without news metadata (a urlset needs a url).
  assert.deepEqual(parse(await getNewsSitemap(SITE, new Date('2027-01-01T00:00:00Z'))).urlset.url, {
    loc: `${SITE}/news/18/30/bai-30`,
    lastmod: '2026-10-31T09:00:00+07:00',
  });
});

test('the search index of a database written by another tool is rebuilt once, with its published articles only', async () => {
  assert.equal((await searchArticles({ terms: parseSearchQuery('bài 30').terms, page: 1 })).total, 0, 'not indexed yet');
  assert.deepEqual(await ensureSearchIndex(db), { rebuilt: true });
  assert.deepEqual(await ensureSearchIndex(db), { rebuilt: false });
  const found = await searchArticles({ terms: parseSearchQuery('bài 30').terms, page: 1 });
  assert.deepEqual([found.total, teaserIds(found.hits)], [1, [30]]);
  assert.equal((await searchArticles({ terms: parseSearchQuery('bài').terms, page: 1 })).total, 29);
  assert.equal((await searchArticles({ terms: parseSearchQuery('nháp').terms, page: 1 })).total, 0);
});

test('the change log: each change once with its tags (deduplicated), read by id from where a process left off', async () => {
  assert.equal(await latestInvalidationId(), 0);
  await recordInvalidation(db, ['home', 'article:1', 'home']);
  await recordInvalidation(db, []);
  await recordInvalidation(db, ['feeds']);
  const changes = await listInvalidationsAfter(0);
  assert.deepEqual(changes.map((c) => c.tags), [['home', 'article:1'], ['feeds']]);
  assert.ok(changes[0]!.id < changes[1]!.id);
  assert.equal(await latestInvalidationId(), changes[1]!.id);
  assert.deepEqual(await listInvalidationsAfter(changes[0]!.id), [changes[1]]);
  assert.deepEqual(await listInvalidationsAfter(changes[1]!.id), []);
});

test('the most-read rail kept per process is what the query gives', async () => {
  assert.deepEqual(await listMostRead(), await computeMostRead());
  // Only articles with a count row are listed: here article 1 alone.
  assert.deepEqual(teaserIds(await computeMostRead(5, new Date('2026-11-01T00:00:00Z'))), [1]);
});
