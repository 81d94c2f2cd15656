import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { articles, articleViews } from '@/db/schema';
import { computeMostRead } from '@/db/queries/most-read';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';
import type { Db } from '@/db/client';

let db: Db;
let cleanup: () => Promise<void>;
const NOW = new Date('2026-11-26T12:00:00+07:00');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);

async function add(id: number, { age, views, draft = false }: { age: number; views: number; draft?: boolean }) {
  await db
    .insert(articles)
    .values({ id, categoryId: 1, slug: `bai-${id}`, title: `Bài ${id}`, sapo: 's', body: [], status: draft ? 'draft' : 'published', publishedAt: daysAgo(age), updatedAt: daysAgo(age) });
  await db.insert(articleViews).values({ articleId: id, views });
}

before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [{ id: 1, name: 'Chính trị' }]);
  await add(1, { age: 1, views: 50 });
  await add(2, { age: 5, views: 500 });
  await add(3, { age: 29, views: 300 });
  await add(4, { age: 40, views: 9000 }); // popular, but older than 30 days
  await add(5, { age: 200, views: 7000 });
  await add(6, { age: 2, views: 99999, draft: true }); // never listed
});
after(() => cleanup());

test('most read: recent articles by views first, topped up from all time when fewer than five', async () => {
  assert.deepEqual((await computeMostRead(5, NOW)).map((a) => a.id), [2, 3, 1, 4, 5]);
});

test('with enough recent articles, only the last 30 days count', async () => {
  for (let id = 10; id < 15; id++) await add(id, { age: 3, views: 1000 + id });
  assert.deepEqual((await computeMostRead(5, NOW)).map((a) => a.id), [14, 13, 12, 11, 10]);
});
