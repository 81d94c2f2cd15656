// Which failures of the database mean "storage unavailable" (answer 503, try again later) rather than a bug
// (500). better-sqlite3 throws SqliteError with SQLite's extended result code in `code`
// (SQLITE_READONLY_DIRECTORY, SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT ...); opening the file can also fail
// with a Node error (EACCES, EROFS, ENOSPC ...).

const SQLITE_UNAVAILABLE = new Set([
  'SQLITE_READONLY', // read-only file, folder or connection (DATABASE_READONLY=1)
  'SQLITE_FULL', // disk full, or max_page_count reached
  'SQLITE_IOERR', // the disk failed a read, write or fsync
  'SQLITE_BUSY', // another writer held the lock past busy_timeout
  'SQLITE_LOCKED',
  'SQLITE_CANTOPEN', // the file or its -wal/-shm cannot be opened
  'SQLITE_PROTOCOL',
  'SQLITE_NOLFS',
  'SQLITE_CORRUPT', // nothing to retry, but no more a bug of the request than the others
  'SQLITE_NOTADB',
]);

const NODE_UNAVAILABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EIO', 'EDQUOT']);

/** The code of an error that means the database cannot be used right now, or null for any other error. */
export function storageErrorCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0];
  if (primary) return SQLITE_UNAVAILABLE.has(primary) ? code : null;
  return NODE_UNAVAILABLE.has(code) ? code : null;
}

/** True for the errors of a file that cannot be written at all (as opposed to a full disk or a lock). */
export function isReadOnlyError(error: unknown): boolean {
  const code = storageErrorCode(error);
  return code !== null && (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM');
}
