import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, mock, test } from 'node:test';
import Database from 'better-sqlite3';
import { GET, HEAD } from '@/app/api/health/route';
import { closeDatabase, openDatabase, setProcessDatabase } from '@/db/client';
import { failStatements, useThrowawayDatabase } from '@/db/testing';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  mock.restoreAll();
});

function useFreshDatabase() {
  const database = useThrowawayDatabase();
  cleanups.push(database.cleanup);
  return database;
}

test('a database that answers a read: 200 {"status":"ok"}, never cached; HEAD the same without a body', async () => {
  useFreshDatabase();
  const response = GET();
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await response.json(), { status: 'ok' });
  const head = await HEAD();
  assert.equal(head.status, 200);
  assert.equal(head.body, null);
});

test('a database opened read-only still serves: 200 with "writable": false', async () => {
  const { dir } = useFreshDatabase();
  closeDatabase();
  setProcessDatabase(openDatabase(path.join(dir, 'test.db'), { readonly: true }));
  assert.deepEqual(await GET().json(), { status: 'ok', writable: false });
});

test('a read that fails (an I/O error): 503 {"status":"error"} with the code, and a log line', async () => {
  const { db } = useFreshDatabase();
  failStatements(db, /^select max/i, new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_READ'));
  const log = mock.method(console, 'error', () => {});
  const response = GET();
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await response.json(), { status: 'error', error: 'database unavailable', code: 'SQLITE_IOERR_READ' });
  assert.equal(log.mock.callCount(), 1);
  assert.equal((await HEAD()).status, 503);
});
