import assert from 'node:assert/strict';
import { afterEach, beforeEach, mock, test } from 'node:test';
import { GET, POST } from '@/app/api/articles/[id]/views/route';
import { articles, articleViews } from '@/db/schema';
import { insertCategories, testDialect, useThrowawayDatabase, type ThrowawayDatabase } from '@/db/testing';

// The view counter's answers, a database that refuses writes included. A contract test (npm run test:contract
// runs it on PostgreSQL too). A full disk and a bug, faked with failStatements, are SQLite's own:
// route.sqlite.test.ts. Each test has a database of its own.

const ID = 10;
const DRAFT = 11;
const contextOf = (id: number | string) => ({ params: Promise.resolve({ id: String(id) }) });
const urlOf = (id: number | string) => `http://localhost/api/articles/${id}/views`;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64)';
const post = (id: number | string = ID, userAgent = BROWSER) => POST(new Request(urlOf(id), { method: 'POST', headers: { 'user-agent': userAgent } }), contextOf(id));
const get = (id: number | string = ID) => GET(new Request(urlOf(id)), contextOf(id));

let database: ThrowawayDatabase;

beforeEach(async () => {
  database = await useThrowawayDatabase();
  const { db } = database;
  await insertCategories(db, [{ id: 1, name: 'Chính trị' }]);
  const at = new Date('2021-01-26T12:14:24Z');
  for (const [id, status] of [[ID, 'published'], [DRAFT, 'draft']] as const) {
    await db.insert(articles).values({ id, categoryId: 1, slug: 'bai', title: 'Bài', sapo: 'Sapo', body: [], status, publishedAt: at, updatedAt: at });
  }
  await db.insert(articleViews).values({ articleId: ID, views: 267 });
});
afterEach(async () => {
  await database.cleanup();
  mock.restoreAll();
});

test('a browser\'s view is counted and the new count returned; a bot\'s is answered, not counted; GET reads it', async () => {
  const counted = await post();
  assert.equal(counted.status, 200);
  assert.equal(counted.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await counted.json(), { id: ID, views: 268, counted: true });
  assert.deepEqual(await (await post(ID, 'Googlebot/2.1 (+http://www.google.com/bot.html)')).json(), { id: ID, views: 268, counted: false });
  assert.deepEqual(await (await get()).json(), { id: ID, views: 268 });
});

test('an unknown or unpublished article is a 404, and a malformed id a 400, for GET and POST alike', async () => {
  for (const id of [999, DRAFT]) {
    assert.equal((await get(id)).status, 404, `GET ${id}`);
    assert.equal((await post(id)).status, 404, `POST ${id}`);
  }
  assert.equal((await get('abc')).status, 400);
  assert.equal((await post('-1')).status, 400);
  assert.deepEqual(await (await get()).json(), { id: ID, views: 267 }, 'nothing was counted');
});

test('a database that refuses writes: the POST is a 503 JSON error with Retry-After and one log line; reads work', async () => {
  await database.reopenReadOnly();
  const log = mock.method(console, 'error', () => {});
  const response = await post();
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('retry-after'), '30');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.deepEqual(Object.keys(await response.json()), ['error']);
  assert.equal(log.mock.callCount(), 1, 'one log line');
  // SQLite refuses the write itself; PostgreSQL's read-only transaction answers SQLSTATE 25006.
  const code = testDialect === 'postgres' ? '25006' : 'SQLITE_READONLY';
  assert.match(String(log.mock.calls[0]!.arguments[0]), new RegExp(`POST /api/articles/${ID}/views: .*\\(${code}\\)`));
  assert.deepEqual(await (await get()).json(), { id: ID, views: 267 });
});
