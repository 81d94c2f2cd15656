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
let cleanup: () => void;
let tag: number;
let other: number;
const day = (d: number) => new Date(Date.UTC(2022, 0, 1) + d * 86_400_000);

// Articles 1..45 carry keyword `tag` (published on day = id, so newer ids are newer), 46 and 47 do not; 40 is a draft.
before(() => {
  ({ db, cleanup } = useThrowawayDatabase());
  insertCategories(db, [
    { id: 10, name: 'Chính trị' },
    { id: 20, name: 'Kinh tế' },
  ]);
  [tag, other] = db
    .insert(keywords)
    .values([
      { slug: 'nong-thon-moi', name: 'Nông thôn mới' },
      { slug: 'khac', name: 'Khác' },
    ])
    .returning({ id: keywords.id })
    .all()
    .map((k) => k.id) as [number, number];
  for (let id = 1; id <= 47; id++) {
    const status = id === 40 ? 'draft' : 'published';
    db.insert(articles)
      .values({ id, categoryId: id % 2 ? 10 : 20, slug: `bai-${id}`, title: `Bài ${id}`, sapo: 'Sapo', body: [], status, publishedAt: day(id), updatedAt: day(id) })
      .run();
    if (id <= 45) db.insert(articleKeywords).values({ articleId: id, keywordId: tag }).run();
  }
  db.insert(articleKeywords).values({ articleId: 46, keywordId: other }).run();
});
after(() => cleanup());

const ids = (page: number) => listKeywordArticles({ keywordId: tag, page }).items.map((a) => a.id);

test('a keyword page lists its published articles newest first, 20 a page, drafts and untagged articles left out', () => {
  const first = listKeywordArticles({ keywordId: tag, page: 1 });
  assert.equal(first.total, 44);
  assert.equal(first.pageCount, 3);
  assert.equal(first.items.length, PAGE_SIZE);
  assert.deepEqual(first.items.slice(0, 6).map((a) => a.id), [45, 44, 43, 42, 41, 39]);
  assert.deepEqual(ids(3), [4, 3, 2, 1]);
  assert.deepEqual(ids(4), []);
  assert.equal(listKeywordArticles({ keywordId: other, page: 1 }).total, 1);
});

test('keyword pages and related news follow an article that is unpublished, re-dated or moved at once', () => {
  db.update(articles).set({ status: 'draft' }).where(eq(articles.id, 45)).run();
  db.update(articles).set({ publishedAt: day(100) }).where(eq(articles.id, 1)).run();
  db.update(articles).set({ status: 'published' }).where(eq(articles.id, 40)).run();
  assert.equal(listKeywordArticles({ keywordId: tag, page: 1 }).total, 44);
  assert.deepEqual(ids(1).slice(0, 4), [1, 44, 43, 42]);
  assert.ok(ids(1).includes(40));
  assert.ok(!ids(1).includes(45));

  // Related news of 44 (category 20): shared keyword first, same category before newer ones of another.
  const related = () => listRelatedArticles({ id: 44, categoryId: 20 }).map((a) => a.id);
  assert.deepEqual(related(), [42, 40, 38, 36, 34, 32]);
  db.update(articles).set({ categoryId: 20 }).where(eq(articles.id, 1)).run();
  assert.deepEqual(related(), [1, 42, 40, 38, 36, 34]);
});

test('links written with wrong copies of the article are put right', () => {
  db.insert(articleKeywords).values({ articleId: 47, keywordId: tag, categoryId: 99, publishedAt: day(-5) }).run();
  assert.deepEqual(
    db.select({ categoryId: articleKeywords.categoryId, publishedAt: articleKeywords.publishedAt }).from(articleKeywords).where(eq(articleKeywords.articleId, 47)).get(),
    { categoryId: 10, publishedAt: day(47) },
  );
  assert.equal(ids(1)[0], 1);
  assert.equal(ids(1)[1], 47);
});
