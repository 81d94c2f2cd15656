import assert from 'node:assert/strict';
import { test } from 'node:test';
import Database from 'better-sqlite3';
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

test('PostgreSQL: an unreachable, full, read-only or stopping server is a storage failure, also when Drizzle wraps the error', () => {
  const pgError = (code: string) => Object.assign(new Error('postgres'), { code });
  for (const code of ['08006', '08001', '53100', '57P01', '57P03', '25006', '40P01', 'ECONNREFUSED', 'ECONNRESET']) {
    assert.equal(storageErrorCode(pgError(code)), code);
    assert.equal(storageErrorCode(new Error('Failed query: select 1', { cause: pgError(code) })), code);
  }
  assert.equal(storageErrorCode(new Error('Failed query', { cause: new Error('Connection terminated unexpectedly') })), 'ECONNRESET');
  // Constraint violations, syntax errors and unknown columns are bugs, not outages.
  for (const code of ['23505', '23503', '42601', '42703', '22P02']) assert.equal(storageErrorCode(pgError(code)), null);
  assert.equal(isReadOnlyError(pgError('25006')), false);
});
