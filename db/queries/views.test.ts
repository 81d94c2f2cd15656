import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { articles, articleViews } from '@/db/schema';
import { getViewCount, recordView } from '@/db/queries/views';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';
import type { Db } from '@/db/client';

let db: Db;
let cleanup: () => void;

before(() => {
  ({ db, cleanup } = useThrowawayDatabase());
  insertCategories(db, [{ id: 1, name: 'Chính trị' }]);
  const at = new Date('2021-01-26T12:14:24Z');
  for (const [id, status] of [[10, 'published'], [11, 'published'], [12, 'draft']] as const) {
    db.insert(articles).values({ id, categoryId: 1, slug: `bai-${id}`, title: 'Bài', sapo: 'Sapo', body: [], status, publishedAt: at, updatedAt: at }).run();
  }
  db.insert(articleViews).values({ articleId: 10, views: 267 }).run();
});
after(() => cleanup());

test('recording a view adds one and returns the new count', () => {
  assert.equal(getViewCount(10), 267);
  assert.equal(recordView(10), 268);
  assert.equal(recordView(10), 269);
  assert.equal(getViewCount(10), 269);
});

test('an article with no count row yet starts at 0 and its first view makes 1', () => {
  assert.equal(getViewCount(11), 0);
  assert.equal(recordView(11), 1);
  assert.equal(getViewCount(11), 1);
});

test('unknown and unpublished articles have no count and are never counted', () => {
  assert.equal(getViewCount(999), null);
  assert.equal(recordView(999), null);
  assert.equal(getViewCount(12), null);
  assert.equal(recordView(12), null);
  assert.equal(db.select().from(articleViews).all().length, 2, 'no row was created for them');
});

test('the count lives in its own table: counting never rewrites the article row', () => {
  const before = db.select().from(articles).all();
  recordView(10);
  assert.deepEqual(db.select().from(articles).all(), before);
});
