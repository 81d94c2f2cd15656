import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { articles, articleViews } from '@/db/schema';
import { getViewCount, recordView } from '@/db/queries/views';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';
import type { Db } from '@/db/client';

let db: Db;
let cleanup: () => Promise<void>;
const AT = new Date('2021-01-26T12:14:24Z');

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [{ id: 1, name: 'Chính trị' }]);
  for (const [id, status] of [[10, 'published'], [11, 'published'], [12, 'draft']] as const) {
    await db.insert(articles).values({ id, categoryId: 1, slug: `bai-${id}`, title: 'Bài', sapo: 'Sapo', body: [], status, publishedAt: AT, updatedAt: AT });
  }
  await db.insert(articleViews).values({ articleId: 10, views: 267 });
});
after(() => cleanup());

test('recording a view adds one and returns the new count', async () => {
  assert.equal(await getViewCount(10), 267);
  assert.equal(await recordView(10), 268);
  assert.equal(await recordView(10), 269);
  assert.equal(await getViewCount(10), 269);
});

test('an article with no count row yet starts at 0 and its first view makes 1', async () => {
  assert.equal(await getViewCount(11), 0);
  assert.equal(await recordView(11), 1);
  assert.equal(await getViewCount(11), 1);
});

test('unknown and unpublished articles have no count and are never counted', async () => {
  assert.equal(await getViewCount(999), null);
  assert.equal(await recordView(999), null);
  assert.equal(await getViewCount(12), null);
  assert.equal(await recordView(12), null);
  assert.equal((await db.select().from(articleViews)).length, 2, 'no row was created for them');
});

test('the count lives in its own table: counting never rewrites the article row', async () => {
  const everyArticle = () => db.select().from(articles).orderBy(articles.id);
  const before = await everyArticle();
  await recordView(10);
  assert.deepEqual(await everyArticle(), before);
});

test('views counted at the same time are all counted, the first ones of an article included', async () => {
  const [before] = await db.select().from(articleViews).where(eq(articleViews.articleId, 10));
  assert.ok(before);
  await db.insert(articles).values({ id: 13, categoryId: 1, slug: 'bai-13', title: 'Bài', sapo: 'Sapo', body: [], status: 'published', publishedAt: AT, updatedAt: AT });
  const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => recordView(i % 2 ? 10 : 13)));
  assert.deepEqual(
    counts.filter((_, i) => i % 2).sort((a, b) => a! - b!),
    Array.from({ length: 20 }, (_, i) => before.views + i + 1),
    'each view got a count of its own',
  );
  assert.deepEqual(counts.filter((_, i) => i % 2 === 0).sort((a, b) => a! - b!), Array.from({ length: 20 }, (_, i) => i + 1));
  assert.equal(await getViewCount(10), before.views + 20);
  assert.equal(await getViewCount(13), 20);
});
