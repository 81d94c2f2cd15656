import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { eq } from 'drizzle-orm';
import { articleAuthors, articleKeywords, articles, categories, keywords } from '@/db/schema';
import { getAuthorBySlug } from '@/db/queries/authors';
import { getKeywordBySlug } from '@/db/queries/keywords';
import { listAuthorArticles, listCategoryArticles, listKeywordArticles } from '@/db/queries/listings';
import { getNewsSitemap, getSitemapRoot } from '@/db/queries/sitemap';
import { useThrowawayDatabase } from '@/db/testing';
import type { Db } from '@/db/client';

// Sitemaps list only what answers 200 (issue #15): a category or keyword while it has a published article, with
// the newest one's publication as lastmod; the news sitemap is a valid urlset whatever the clock says (decision
// 0020). A contract test: the same expectations on SQLite and PostgreSQL.

const SITE = 'https://tin.example.vn';
let db: Db;
let cleanup: () => Promise<void>;

/** 08:00 in Vietnam on `day` November 2026. */
const nov = (day: number) => new Date(Date.UTC(2026, 10, day, 1));
const DRAFT = 3;

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await db.insert(categories).values([
    { id: 17, name: 'Chính trị', position: 1 },
    { id: 18, name: 'Kinh tế', position: 0 },
    { id: 19, name: 'Văn hóa', position: 2 }, // a draft only
    { id: 20, name: 'Thể thao', position: 3 }, // nothing at all
  ]);
  const rows = await db
    .insert(keywords)
    .values([
      { slug: 'xay-dung-dang', name: 'Xây dựng Đảng' },
      { slug: 'giao-thong', name: 'Giao thông' },
      { slug: 'dau-tu-cong', name: 'Đầu tư công' }, // a draft only
      { slug: 'khong-dung', name: 'Không dùng' }, // nothing at all
    ])
    .returning({ id: keywords.id, slug: keywords.slug });
  const keyword = Object.fromEntries(rows.map((r) => [r.slug, r.id])) as Record<string, number>;
  const article = (id: number, categoryId: number, published: number, updated: number) => ({
    id,
    categoryId,
    slug: `bai-${id}`,
    title: `Bài ${id}`,
    sapo: `Sapo của bài ${id}.`,
    body: [{ type: 'paragraph' as const, spans: [{ text: `Nội dung ${id}.` }] }],
    status: id === DRAFT ? ('draft' as const) : ('published' as const),
    publishedAt: nov(published),
    updatedAt: nov(updated),
  });
  // Article 1 was edited on the 20th, 2 on the 22nd; the draft is newer than everything published.
  await db.insert(articles).values([article(1, 17, 1, 20), article(2, 18, 2, 22), article(DRAFT, 19, 25, 25), article(4, 17, 3, 3), article(5, 18, 21, 21)]);
  await db.insert(articleKeywords).values([
    { articleId: 1, keywordId: keyword['xay-dung-dang']!, position: 0 },
    { articleId: 1, keywordId: keyword['giao-thong']!, position: 1 },
    { articleId: 2, keywordId: keyword['giao-thong']!, position: 0 },
    { articleId: DRAFT, keywordId: keyword['dau-tu-cong']!, position: 0 },
    { articleId: DRAFT, keywordId: keyword['giao-thong']!, position: 1 },
  ]);
  // The author index as saveArticle writes it (db/queries/author-writes.ts); the triggers fill in published_at.
  await db.insert(articleAuthors).values([
    { articleId: 1, authorSlug: 'cao-bien', name: 'Cao Biền', position: 0 },
    { articleId: 5, authorSlug: 'cao-bien', name: 'Cao Biền', position: 0 },
    { articleId: 5, authorSlug: 'minh-thu', name: 'Minh Thu', position: 1 },
    { articleId: DRAFT, authorSlug: 'hoang-lam', name: 'Hoàng Lâm', position: 0 }, // a draft only
  ]);
});
after(() => cleanup());

const xml = new XMLParser();
type Url = { loc: string; lastmod?: string; 'news:news'?: Record<string, unknown> };
function urlsOf(text: string): Url[] {
  assert.equal(XMLValidator.validate(text), true);
  const url = xml.parse(text).urlset?.url as Url | Url[] | undefined;
  return url === undefined ? [] : Array.isArray(url) ? url : [url];
}
const listingsIn = async () => urlsOf(await getSitemapRoot(SITE)).filter((u) => !/\/news\/\d+\/\d+\//.test(u.loc));

test('categories, keywords and authors are listed only while they have a published article, dated by the newest', async () => {
  // Home's lastmod is the last change to any published article (article 2, edited on the 22nd); a listing's is when
  // its newest published article came out (edits show in the article's own lastmod).
  assert.deepEqual(await listingsIn(), [
    { loc: `${SITE}/`, lastmod: '2026-11-22T08:00:00+07:00' },
    { loc: `${SITE}/news/18`, lastmod: '2026-11-21T08:00:00+07:00' },
    { loc: `${SITE}/news/17`, lastmod: '2026-11-03T08:00:00+07:00' },
    { loc: `${SITE}/tu-khoa/giao-thong`, lastmod: '2026-11-02T08:00:00+07:00' },
    { loc: `${SITE}/tu-khoa/xay-dung-dang`, lastmod: '2026-11-01T08:00:00+07:00' },
    { loc: `${SITE}/tac-gia/cao-bien`, lastmod: '2026-11-21T08:00:00+07:00' },
    { loc: `${SITE}/tac-gia/minh-thu`, lastmod: '2026-11-21T08:00:00+07:00' },
  ]);
});

test('what the sitemap lists is what the listing pages show: a listed keyword, category or author has articles, the others none', async () => {
  const locs = new Set((await listingsIn()).map((u) => u.loc));
  for (const slug of ['xay-dung-dang', 'giao-thong', 'dau-tu-cong', 'khong-dung']) {
    const { total } = await listKeywordArticles({ keywordId: (await getKeywordBySlug(slug))!.id, page: 1 });
    assert.equal(locs.has(`${SITE}/tu-khoa/${slug}`), total > 0, slug);
  }
  for (const categoryId of [17, 18, 19, 20]) {
    const { total } = await listCategoryArticles({ categoryId, page: 1 });
    assert.equal(locs.has(`${SITE}/news/${categoryId}`), total > 0, `category ${categoryId}`);
  }
  for (const slug of ['cao-bien', 'minh-thu', 'hoang-lam', 'khong-co']) {
    const { total } = await listAuthorArticles({ slug, page: 1 });
    assert.equal(locs.has(`${SITE}/tac-gia/${slug}`), total > 0, slug);
    assert.equal(locs.has(`${SITE}/tac-gia/${slug}`), (await getAuthorBySlug(slug)) !== null, slug);
  }
});

test('publishing a draft lists its keywords, category and authors; taking it down again removes them', async () => {
  await db.update(articles).set({ status: 'published' }).where(eq(articles.id, DRAFT));
  const published = await listingsIn();
  assert.deepEqual(
    published.filter((u) => /\/(19|dau-tu-cong|giao-thong|hoang-lam)$/.test(u.loc)),
    [
      { loc: `${SITE}/news/19`, lastmod: '2026-11-25T08:00:00+07:00' },
      { loc: `${SITE}/tu-khoa/dau-tu-cong`, lastmod: '2026-11-25T08:00:00+07:00' },
      { loc: `${SITE}/tu-khoa/giao-thong`, lastmod: '2026-11-25T08:00:00+07:00' },
      { loc: `${SITE}/tac-gia/hoang-lam`, lastmod: '2026-11-25T08:00:00+07:00' },
    ],
  );
  await db.update(articles).set({ status: 'draft' }).where(eq(articles.id, DRAFT));
  const locs = (await listingsIn()).map((u) => u.loc);
  assert.ok(!locs.includes(`${SITE}/news/19`) && !locs.includes(`${SITE}/tu-khoa/dau-tu-cong`), locs.join());
  assert.ok(!locs.includes(`${SITE}/tac-gia/hoang-lam`), locs.join());
  assert.ok(locs.includes(`${SITE}/tu-khoa/giao-thong`));
});

test('the news sitemap: recent articles with news metadata; with none, the newest article without; with no article, home', async () => {
  const recent = urlsOf(await getNewsSitemap(SITE, new Date('2026-11-22T12:00:00Z')));
  assert.deepEqual(recent, [
    {
      loc: `${SITE}/news/18/5/bai-5`,
      'news:news': {
        'news:publication': { 'news:name': 'Thái Bình TV', 'news:language': 'vi' },
        'news:publication_date': '2026-11-21T08:00:00+07:00',
        'news:title': 'Bài 5',
      },
    },
  ]);
  // Nothing in the last two days (the draft of the 25th does not count).
  assert.deepEqual(urlsOf(await getNewsSitemap(SITE, new Date('2026-12-10T00:00:00Z'))), [
    { loc: `${SITE}/news/18/5/bai-5`, lastmod: '2026-11-21T08:00:00+07:00' },
  ]);
  // Before anything was published.
  assert.deepEqual(urlsOf(await getNewsSitemap(SITE, new Date('2026-10-01T00:00:00Z'))), [{ loc: `${SITE}/` }]);
});
