import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { articleKeywords, articles, keywords } from '@/db/schema';
import { listKeywordArticles } from '@/db/queries/listings';
import { listRelatedArticles } from '@/db/queries/related';
import { PAGE_SIZE } from '@/db/queries/teasers';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';
import type { Db } from '@/db/client';

let db: Db;
let cleanup: () => Promise<void>;
let tag: number;
let other: number;
const day = (d: number) => new Date(Date.UTC(2022, 0, 1) + d * 86_400_000);

// Articles 1..45 carry keyword `tag` (published on day = id, so newer ids are newer), 46 and 47 do not; 40 is a draft.
before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [
    { id: 10, name: 'Chính trị' },
    { id: 20, name: 'Kinh tế' },
  ]);
  [tag, other] = (
    await db
      .insert(keywords)
      .values([
        { slug: 'nong-thon-moi', name: 'Nông thôn mới' },
        { slug: 'khac', name: 'Khác' },
      ])
      .returning({ id: keywords.id })
  ).map((k) => k.id) as [number, number];
  for (let id = 1; id <= 47; id++) {
    const status = id === 40 ? 'draft' : 'published';
    await db
      .insert(articles)
      .values({ id, categoryId: id % 2 ? 10 : 20, slug: `bai-${id}`, title: `Bài ${id}`, sapo: 'Sapo', body: [], status, publishedAt: day(id), updatedAt: day(id) });
    if (id <= 45) await db.insert(articleKeywords).values({ articleId: id, keywordId: tag });
  }
  await db.insert(articleKeywords).values({ articleId: 46, keywordId: other });
});
after(() => cleanup());

const ids = async (page: number) => (await listKeywordArticles({ keywordId: tag, page })).items.map((a) => a.id);

test('a keyword page lists its published articles newest first, 20 a page, drafts and untagged articles left out', async () => {
  const first = await listKeywordArticles({ keywordId: tag, page: 1 });
  assert.equal(first.total, 44);
  assert.equal(first.pageCount, 3);
  assert.equal(first.items.length, PAGE_SIZE);
  assert.deepEqual(first.items.slice(0, 6).map((a) => a.id), [45, 44, 43, 42, 41, 39]);
  assert.deepEqual(await ids(3), [4, 3, 2, 1]);
  assert.deepEqual(await ids(4), []);
  assert.equal((await listKeywordArticles({ keywordId: other, page: 1 })).total, 1);
});

test('keyword pages and related news follow an article that is unpublished, re-dated or moved at once', async () => {
  await db.update(articles).set({ status: 'draft' }).where(eq(articles.id, 45));
  await db.update(articles).set({ publishedAt: day(100) }).where(eq(articles.id, 1));
  await db.update(articles).set({ status: 'published' }).where(eq(articles.id, 40));
  assert.equal((await listKeywordArticles({ keywordId: tag, page: 1 })).total, 44);
  assert.deepEqual((await ids(1)).slice(0, 4), [1, 44, 43, 42]);
  assert.ok((await ids(1)).includes(40));
  assert.ok(!(await ids(1)).includes(45));

  // Related news of 44 (category 20): shared keyword first, same category before newer ones of another.
  const related = async () => (await listRelatedArticles({ id: 44, categoryId: 20 })).map((a) => a.id);
  assert.deepEqual(await related(), [42, 40, 38, 36, 34, 32]);
  await db.update(articles).set({ categoryId: 20 }).where(eq(articles.id, 1));
  assert.deepEqual(await related(), [1, 42, 40, 38, 36, 34]);
});

test('links written with wrong copies of the article are put right', async () => {
  await db.insert(articleKeywords).values({ articleId: 47, keywordId: tag, categoryId: 99, publishedAt: day(-5) });
  assert.deepEqual(
    await db.select({ categoryId: articleKeywords.categoryId, publishedAt: articleKeywords.publishedAt }).from(articleKeywords).where(eq(articleKeywords.articleId, 47)),
    [{ categoryId: 10, publishedAt: day(47) }],
  );
  assert.equal((await ids(1))[0], 1);
  assert.equal((await ids(1))[1], 47);
});
