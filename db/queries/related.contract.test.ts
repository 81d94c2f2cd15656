import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { articleKeywords, articles, keywords } from '@/db/schema';
import { listRelatedArticles, listRelatedRail } from '@/db/queries/related';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';

let cleanup: () => Promise<void>;

// Article 1 is the one being read: category 10, keywords a, b, c.
before(async () => {
  const t = await useThrowawayDatabase();
  cleanup = t.cleanup;
  await insertCategories(t.db, [
    { id: 10, name: 'Chính trị' },
    { id: 20, name: 'Kinh tế' },
  ]);
  const day = (d: number) => new Date(Date.UTC(2021, 0, d, 3));
  const rows = [
    { id: 1, categoryId: 10, day: 10, kw: ['a', 'b', 'c'] },
    { id: 2, categoryId: 20, day: 1, kw: ['a', 'b'] }, // two shared keywords, other category, old
    { id: 3, categoryId: 10, day: 2, kw: ['a'] }, // one shared, same category
    { id: 4, categoryId: 20, day: 9, kw: ['c'] }, // one shared, other category, newer than 3
    { id: 5, categoryId: 20, day: 8, kw: ['b'] }, // one shared, other category, older than 4
    { id: 6, categoryId: 10, day: 20, kw: [] }, // same category, no shared keyword, newest
    { id: 7, categoryId: 10, day: 3, kw: [] }, // same category, no shared keyword
    { id: 8, categoryId: 20, day: 25, kw: ['z'] }, // nothing in common, newest of all
    { id: 9, categoryId: 10, day: 30, kw: ['a', 'b', 'c'], draft: true }, // unpublished: never shown
  ];
  await t.db.insert(keywords).values(['a', 'b', 'c', 'z'].map((slug) => ({ slug, name: slug.toUpperCase() })));
  const keywordIds = new Map((await t.db.select().from(keywords)).map((k) => [k.slug, k.id]));
  for (const row of rows) {
    await t.db
      .insert(articles)
      .values({
        id: row.id,
        categoryId: row.categoryId,
        slug: `bai-${row.id}`,
        title: `Bài ${row.id}`,
        sapo: 'Sapo',
        body: [],
        status: row.draft ? 'draft' : 'published',
        publishedAt: day(row.day),
        updatedAt: day(row.day),
      });
    for (const [position, slug] of row.kw.entries()) {
      await t.db.insert(articleKeywords).values({ articleId: row.id, keywordId: keywordIds.get(slug)!, position });
    }
  }
});

after(() => cleanup());

test('related news: most shared keywords first, then same category, then newest; self and drafts excluded', async () => {
  const ids = (await listRelatedArticles({ id: 1, categoryId: 10 })).map((a) => a.id);
  assert.deepEqual(ids, [2, 3, 4, 5, 6, 7]);
});

test('related news never lists the article itself and stops at the limit', async () => {
  const ids = (await listRelatedArticles({ id: 1, categoryId: 10 }, 3)).map((a) => a.id);
  assert.deepEqual(ids, [2, 3, 4]);
});

test('with no keywords, the same category comes first, newest first, then the newest elsewhere', async () => {
  const ids = (await listRelatedArticles({ id: 6, categoryId: 10 })).map((a) => a.id);
  assert.deepEqual(ids, [1, 7, 3, 8, 4, 5]);
});

// What the page's cache tags are made from (lib/cache-tags.ts tagsForArticlePage): a fill counts only when the
// rail still had room when it was reached, since only then could a new article of that source enter.
test('the rail says which fills it needed after the shared keywords', async () => {
  const fills = async (article: { id: number; categoryId: number }, limit?: number) => (await listRelatedRail(article, limit)).filledFrom;
  assert.deepEqual(await fills({ id: 1, categoryId: 10 }, 3), { category: false, latest: false });
  assert.deepEqual(await fills({ id: 1, categoryId: 10 }), { category: true, latest: false });
  assert.deepEqual(await fills({ id: 6, categoryId: 10 }), { category: true, latest: true });
  assert.deepEqual((await listRelatedRail({ id: 6, categoryId: 10 })).articles.map((a) => a.id), [1, 7, 3, 8, 4, 5]);
});
