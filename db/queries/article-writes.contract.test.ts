import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { withTransaction, type Db } from '@/db/client';
import { articles, categories, images } from '@/db/schema';
import { ArticleRejected, listArticleProblems, saveArticle, type ArticleInput } from '@/db/queries/article-writes';
import { getArticleDetail } from '@/db/queries/articles';
import { latestInvalidationId, listInvalidationsAfter } from '@/db/queries/cache-invalidations';
import { saveCategories } from '@/db/queries/category-writes';
import { searchArticles } from '@/db/queries/search';
import { carryOverViewCount, getViewCount } from '@/db/queries/views';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';
import { parseSearchQuery } from '@/lib/search-query';

// The one write path (saveArticle, saveCategories, carryOverViewCount), as the importer and the newsroom's
// editor call it: in the caller's transaction, with what readers, search and the caches see afterwards.

let db: Db;
let cleanup: () => Promise<void>;

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [
    { id: 17, name: 'Chính trị' },
    { id: 18, name: 'Kinh tế' },
  ]);
});
after(() => cleanup());

const PHOTO = { type: 'image' as const, file: 'hoi-nghi-0123456789.jpg', width: 1600, height: 1067, alt: 'Toàn cảnh hội nghị', caption: 'Hội nghị' };
const input: ArticleInput = {
  id: 80001,
  categoryId: 17,
  title: 'Hội nghị tổng kết công tác chuyển đổi số',
  sapo: 'Sáng nay, UBND tỉnh tổ chức hội nghị tổng kết.',
  byline: 'Cao Biền',
  status: 'published',
  publishedAt: new Date('2026-03-02T01:00:00Z'),
  body: [PHOTO, { type: 'paragraph', spans: [{ text: 'Đoạn văn đầu tiên về nền tảng số.' }] }],
  keywords: ['Chuyển đổi số', 'Hội nghị', 'chuyển đổi  số ', '!!!'],
};

const save = (article: ArticleInput, now?: Date) => withTransaction((tx) => saveArticle(tx, article, now ? { now } : {}));
const search = async (query: string) => (await searchArticles({ terms: parseSearchQuery(query).terms, page: 1 })).hits.map((h) => h.id);
const imageCount = async () => (await db.select({ n: count() }).from(images))[0]!.n;
const changesAfter = async (id: number) => (await listInvalidationsAfter(id)).map((c) => [...c.tags].sort());

test('a new article is created with its photo, its keywords (one per slug, in order) and a slug from its title', async () => {
  const before = await latestInvalidationId();
  const saved = await save(input);
  assert.equal(saved.outcome, 'created');
  assert.equal(saved.slug, 'hoi-nghi-tong-ket-cong-tac-chuyen-doi-so');
  assert.deepEqual(saved.changed, ['categoryId', 'slug', 'title', 'sapo', 'body', 'leadImage', 'byline', 'status', 'publishedAt', 'updatedAt', 'keywords']);
  assert.equal(saved.version, 1);
  const article = (await getArticleDetail(80001))!;
  assert.equal(article.title, input.title);
  assert.equal(article.updatedAt.getTime(), input.publishedAt.getTime());
  assert.deepEqual(article.leadImage && [article.leadImage.file, article.leadImage.alt, article.leadImage.caption, article.leadImage.credit], [PHOTO.file, PHOTO.alt, 'Hội nghị', null]);
  assert.deepEqual(article.body[1], input.body[1]);
  assert.deepEqual(article.keywords.map((k) => [k.slug, k.name]), [['chuyen-doi-so', 'Chuyển đổi số'], ['hoi-nghi', 'Hội nghị']]);
  // Searchable at once, and the pages that show it are expired: the change is recorded with exactly its tags.
  assert.deepEqual(await search('nền tảng số'), [80001]);
  assert.deepEqual(saved.expiredTags.sort(), ['article:80001', 'author:cao-bien', 'category:17', 'feeds', 'home', 'keyword:chuyen-doi-so', 'keyword:hoi-nghi', 'latest', 'sitemaps']);
  assert.deepEqual(await changesAfter(before), [saved.expiredTags]);
});

test('saving what is stored writes nothing: no new photo row, no invalidation, the same updatedAt', async () => {
  const [photos, latest] = [await imageCount(), await latestInvalidationId()];
  const saved = await save(input, new Date('2026-04-01T00:00:00Z'));
  assert.deepEqual(saved, { id: 80001, slug: 'hoi-nghi-tong-ket-cong-tac-chuyen-doi-so', outcome: 'unchanged', version: 1, changed: [], expiredTags: [] });
  assert.equal(await imageCount(), photos);
  assert.equal(await latestInvalidationId(), latest);
  assert.equal((await getArticleDetail(80001))!.updatedAt.getTime(), input.publishedAt.getTime());
});

test('an edit says what changed, keeps the slug, re-indexes and expires the listings the article leaves and joins', async () => {
  const before = await latestInvalidationId();
  const now = new Date('2026-04-02T03:00:00Z');
  const saved = await save({ ...input, categoryId: 18, title: 'Tỉnh sơ kết chương trình nông thôn mới', keywords: ['Nông thôn mới', 'Hội nghị'] }, now);
  assert.equal(saved.outcome, 'updated');
  assert.equal(saved.version, 2);
  assert.deepEqual(saved.changed, ['categoryId', 'title', 'updatedAt', 'keywords']);
  assert.equal(saved.slug, 'hoi-nghi-tong-ket-cong-tac-chuyen-doi-so');
  const article = (await getArticleDetail(80001))!;
  assert.equal(article.updatedAt.getTime(), now.getTime());
  assert.deepEqual(article.keywords.map((k) => k.slug), ['nong-thon-moi', 'hoi-nghi']);
  assert.deepEqual(await search('nông thôn'), [80001]);
  assert.deepEqual(await search('chuyển đổi'), []);
  assert.deepEqual(await changesAfter(before), [
    ['article:80001', 'author:cao-bien', 'category:17', 'category:18', 'feeds', 'home', 'keyword:chuyen-doi-so', 'keyword:hoi-nghi', 'keyword:nong-thon-moi', 'latest', 'sitemaps'],
  ]);
});

test('a photo is one row per use: the same file and texts share it, a new caption makes another', async () => {
  const photos = await imageCount();
  await save({ ...input, id: 80002, slug: 'bai-thu-hai', keywords: [] });
  assert.equal(await imageCount(), photos);
  await save({ ...input, id: 80003, slug: 'bai-thu-ba', keywords: [], body: [{ ...PHOTO, caption: 'Chú thích khác' }] });
  assert.equal(await imageCount(), photos + 1);
  assert.equal((await getArticleDetail(80003))!.leadImage!.caption, 'Chú thích khác');
  assert.equal((await getArticleDetail(80002))!.slug, 'bai-thu-hai');
});

test('taking an article back to draft removes it from search and from every page that showed it', async () => {
  const before = await latestInvalidationId();
  const saved = await save({ ...input, id: 80002, slug: 'bai-thu-hai', keywords: [], status: 'draft' });
  assert.deepEqual(saved.changed, ['status', 'updatedAt']);
  assert.equal(await getArticleDetail(80002), null);
  assert.ok(!(await search('nền tảng số')).includes(80002));
  assert.ok((await changesAfter(before))[0]!.includes('article:80002'));
});

test('a title that makes no slug gets one from the id; an explicit updatedAt is kept', async () => {
  const updatedAt = new Date('2026-03-03T00:00:00Z');
  const saved = await save({ ...input, id: 80004, slug: undefined, title: '!!!', updatedAt, keywords: [] });
  assert.equal(saved.slug, 'bai-viet-80004');
  assert.equal((await getArticleDetail(80004))!.updatedAt.getTime(), updatedAt.getTime());
});

test('an unknown category is refused with the field named, before and inside the transaction, and nothing is written', async () => {
  assert.deepEqual(await listArticleProblems(db, { categoryId: 999 }), ['categoryId: unknown category 999']);
  assert.deepEqual(await listArticleProblems(db, { categoryId: 17 }), []);
  const [photos, latest] = [await imageCount(), await latestInvalidationId()];
  await assert.rejects(save({ ...input, id: 80005, categoryId: 999, body: [{ ...PHOTO, alt: 'Ảnh mới' }] }), (error) => {
    assert.ok(error instanceof ArticleRejected);
    assert.deepEqual(error.problems, ['categoryId: unknown category 999']);
    return true;
  });
  assert.deepEqual(await db.select().from(articles).where(eq(articles.id, 80005)), []);
  assert.equal(await imageCount(), photos);
  assert.equal(await latestInvalidationId(), latest);
});

test('a save is part of its caller transaction: when the caller fails after it, the article, its index entry and its invalidation are rolled back', async () => {
  const latest = await latestInvalidationId();
  await assert.rejects(
    withTransaction(async (tx) => {
      await saveArticle(tx, { ...input, id: 80006, slug: 'bai-bi-huy', title: 'Bài viết về tàu ngầm', keywords: [] });
      throw new Error('audit row could not be written');
    }),
    /audit row/,
  );
  assert.deepEqual(await db.select().from(articles).where(eq(articles.id, 80006)), []);
  assert.deepEqual(await search('ngầm'), []);
  assert.equal(await latestInvalidationId(), latest);
});

test('categories are created, updated or left alone, and only a change expires the menu and listings', async () => {
  const before = await latestInvalidationId();
  const saved = await withTransaction((tx) =>
    saveCategories(tx, [
      { id: 17, name: 'Chính trị', position: 0 },
      { id: 18, name: 'Kinh tế - Xã hội', position: 1 },
      { id: 19, name: 'Văn hóa', position: 2, description: 'Tin văn hóa' },
    ]),
  );
  assert.deepEqual([saved.created, saved.updated, saved.unchanged], [[19], [18], [17]]);
  assert.deepEqual(await changesAfter(before), [[...saved.expiredTags].sort()]);
  assert.deepEqual([...saved.expiredTags].sort(), ['category:18', 'category:19', 'feeds', 'home', 'menu', 'sitemaps']);
  assert.deepEqual(await db.select().from(categories).where(eq(categories.id, 19)), [{ id: 19, name: 'Văn hóa', position: 2, description: 'Tin văn hóa' }]);
  const again = await withTransaction((tx) => saveCategories(tx, [{ id: 19, name: 'Văn hóa', position: 2, description: 'Tin văn hóa' }]));
  assert.deepEqual([again.unchanged, again.expiredTags], [[19], []]);
});

test('a view count carried over from the old site is set, and never lowers a count already recorded', async () => {
  await withTransaction((tx) => carryOverViewCount(tx, 80001, 120));
  assert.equal(await getViewCount(80001), 120);
  await withTransaction((tx) => carryOverViewCount(tx, 80001, 90));
  assert.equal(await getViewCount(80001), 120);
  await withTransaction((tx) => carryOverViewCount(tx, 80001, 300));
  assert.equal(await getViewCount(80001), 300);
});
