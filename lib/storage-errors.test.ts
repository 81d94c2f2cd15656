import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { DrizzleQueryError } from 'drizzle-orm';
import pg from 'pg';
import { isReadOnlyError, storageErrorCode } from '@/lib/storage-errors';

const sqliteError = (code: string) => new Database.SqliteError('message', code);

test('a database that cannot take the request is recognised by its SQLite code, extended codes included', () => {
  for (const code of ['SQLITE_READONLY', 'SQLITE_READONLY_DIRECTORY', 'SQLITE_FULL', 'SQLITE_IOERR_WRITE', 'SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_CANTOPEN', 'SQLITE_CORRUPT']) {
    assert.equal(storageErrorCode(sqliteError(code)), code);
  }
  for (const code of ['EROFS', 'ENOSPC', 'EACCES']) assert.equal(storageErrorCode(Object.assign(new Error('x'), { code })), code);
});

test('bugs stay bugs: constraint and SQL errors, and errors without a code, are not storage failures', () => {
  for (const error of [sqliteError('SQLITE_CONSTRAINT_UNIQUE'), sqliteError('SQLITE_ERROR'), sqliteError('SQLITE_MISMATCH'), new Error('x'), null, 'SQLITE_FULL']) {
    assert.equal(storageErrorCode(error), null);
  }
});

test('read-only failures are told apart from a full disk or a lock', () => {
  assert.equal(isReadOnlyError(sqliteError('SQLITE_READONLY')), true);
  assert.equal(isReadOnlyError(sqliteError('SQLITE_READONLY_DBMOVED')), true);
  assert.equal(isReadOnlyError(Object.assign(new Error('x'), { code: 'EROFS' })), true);
  assert.equal(isReadOnlyError(sqliteError('SQLITE_FULL')), false);
  assert.equal(isReadOnlyError(sqliteError('SQLITE_BUSY')), false);
});

// PostgreSQL: node-postgres gives the SQLSTATE in `code`; Drizzle wraps a failed query in a DrizzleQueryError
// whose `cause` is that error.
const postgresError = (code: string) => Object.assign(new pg.DatabaseError('message', 0, 'error'), { code });
const failedQuery = (cause: unknown) => new DrizzleQueryError('insert into "article_views" ...', [1], cause as Error);

test('PostgreSQL: a server that refuses writes, is full, shutting down or out of reach is a storage failure, wrapped or not', () => {
  for (const code of ['25006', '53100', '53300', '57P01', '57P03', '57014', '08006', '08001', '58030', '55P03', 'XX001']) {
    assert.equal(storageErrorCode(postgresError(code)), code);
    assert.equal(storageErrorCode(failedQuery(postgresError(code))), code, `${code} inside a DrizzleQueryError`);
  }
  for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT']) {
    assert.equal(storageErrorCode(failedQuery(Object.assign(new Error('connect'), { code }))), code);
  }
});

test('PostgreSQL: constraint, syntax and missing-table errors stay bugs, wrapped or not', () => {
  for (const code of ['23505', '23503', '42601', '42P01', '42703', '22P02', '40001']) {
    assert.equal(storageErrorCode(postgresError(code)), null, code);
    assert.equal(storageErrorCode(failedQuery(postgresError(code))), null, code);
  }
  assert.equal(storageErrorCode(failedQuery(new Error('no code'))), null);
  assert.equal(storageErrorCode(failedQuery(undefined)), null);
  const loop: Error & { cause?: unknown } = new Error('a');
  loop.cause = new Error('b', { cause: loop });
  assert.equal(storageErrorCode(loop), null, 'a chain of causes that loops ends');
});

test('PostgreSQL: a deadlock, and a connection the server closed mid-query (no code), are storage failures', () => {
  const pgError = (code: string) => Object.assign(new Error('postgres'), { code });
  for (const code of ['40P01']) assert.equal(storageErrorCode(new Error('Failed query', { cause: pgError(code) })), code);
  assert.equal(storageErrorCode(new Error('Failed query', { cause: new Error('Connection terminated unexpectedly') })), 'ECONNRESET');
  assert.equal(storageErrorCode(new Error('Connection refused by a bug')), null);
});
