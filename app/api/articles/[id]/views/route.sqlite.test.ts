import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import Database from 'better-sqlite3';
import { GET, POST } from '@/app/api/articles/[id]/views/route';
import type { Db } from '@/db/client';
import { articles, articleViews } from '@/db/schema';
import { failStatements, insertCategories, useThrowawayDatabase } from '@/db/testing';

// SQLite only: a full disk and a bug, faked with failStatements (the route prepares its statements once per
// connection, so each test has a database of its own). The other answers are contract tests: route.contract.test.ts.

const ID = 10;
const context = { params: Promise.resolve({ id: String(ID) }) };
const url = `http://localhost/api/articles/${ID}/views`;
const post = () => POST(new Request(url, { method: 'POST', headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64)' } }), context);
const get = () => GET(new Request(url), context);

let db: Db;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [{ id: 1, name: 'Chính trị' }]);
  const at = new Date('2021-01-26T12:14:24Z');
  await db.insert(articles).values({ id: ID, categoryId: 1, slug: 'bai', title: 'Bài', sapo: 'Sapo', body: [], status: 'published', publishedAt: at, updatedAt: at });
  await db.insert(articleViews).values({ articleId: ID, views: 267 });
});
afterEach(async () => {
  await cleanup();
  mock.restoreAll();
});

test('a full disk (SQLITE_FULL) makes a view POST a 503 JSON error with Retry-After and one log line; GET still answers', async () => {
  failStatements(db, /^insert into "article_views"/i, new Database.SqliteError('database or disk is full', 'SQLITE_FULL'));
  const log = mock.method(console, 'error', () => {});
  const response = await post();
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('retry-after'), '30');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.deepEqual(Object.keys(await response.json()), ['error']);
  assert.equal(log.mock.callCount(), 1, 'one log line');
  assert.match(String(log.mock.calls[0]!.arguments[0]), new RegExp(`POST /api/articles/${ID}/views: .*\\(SQLITE_FULL\\)`));
  const read = await get();
  assert.equal(read.status, 200);
  assert.deepEqual(await read.json(), { id: ID, views: 267 });
});

test('a failure that is not the storage\'s (a bug) is not disguised as a 503', async () => {
  failStatements(db, /^insert into "article_views"/i, new Database.SqliteError('no such column: viewz', 'SQLITE_ERROR'));
  await assert.rejects(post(), /no such column/);
});
