import assert from 'node:assert/strict';
import path from 'node:path';
import { afterEach, beforeEach, mock, test } from 'node:test';
import Database from 'better-sqlite3';
import { GET, HEAD } from '@/app/api/health/route';
import { closeDatabase, openDatabase, setProcessDatabase, type Db } from '@/db/client';
import { failStatements, useThrowawayDatabase } from '@/db/testing';

// SQLite only: a file opened read-only, and a read that fails (failStatements). The plain case is a contract
// test: route.contract.test.ts.

let db: Db;
let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ db, dir, cleanup } = await useThrowawayDatabase());
});
afterEach(async () => {
  await cleanup();
  mock.restoreAll();
});

test('a database opened read-only still serves: 200 with "writable": false', async () => {
  await closeDatabase();
  setProcessDatabase(openDatabase(path.join(dir, 'test.db'), { readonly: true }));
  assert.deepEqual(await (await GET()).json(), { status: 'ok', writable: false });
});

test('a read that fails (an I/O error): 503 {"status":"error"} with the code, and a log line', async () => {
  failStatements(db, /^select max/i, new Database.SqliteError('disk I/O error', 'SQLITE_IOERR_READ'));
  const log = mock.method(console, 'error', () => {});
  const response = await GET();
  assert.equal(response.status, 503);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  assert.deepEqual(await response.json(), { status: 'error', error: 'database unavailable', code: 'SQLITE_IOERR_READ' });
  assert.equal(log.mock.callCount(), 1);
  assert.equal((await HEAD()).status, 503);
});
