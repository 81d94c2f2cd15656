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

// Network errors reaching a PostgreSQL server, as well as the file errors above.
const NODE_UNAVAILABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EIO', 'EDQUOT', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE']);

// PostgreSQL's SQLSTATE codes (node-postgres puts them in `code`): whole classes, then single conditions.
const POSTGRES_UNAVAILABLE_CLASSES = new Set([
  '08', // connection exception
  '53', // insufficient resources: disk full (53100), out of memory, too many connections
  '57', // operator intervention: server shutting down (57P01), starting up (57P03)
  '58', // system error: I/O error
]);
const POSTGRES_UNAVAILABLE = new Set([
  '25006', // read-only SQL transaction (a hot standby, default_transaction_read_only)
  '40001', // serialization failure
  '40P01', // deadlock detected
  '55P03', // lock not available
]);

function codeOf(error: unknown): string | null {
  // Drizzle wraps a driver's error ("Failed query: ...") with the original as `cause`.
  for (let e = error as { code?: unknown; cause?: unknown } | null, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
    // node-postgres's own message when the server closes the connection mid-query has no code.
    if (e instanceof Error && /^Connection terminated/.test(e.message)) return 'ECONNRESET';
  }
  return null;
}

/** The code of an error that means the database cannot be used right now, or null for any other error. */
export function storageErrorCode(error: unknown): string | null {
  const code = codeOf(error);
  if (code === null) return null;
  const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0];
  if (primary) return SQLITE_UNAVAILABLE.has(primary) ? code : null;
  if (NODE_UNAVAILABLE.has(code)) return code;
  return POSTGRES_UNAVAILABLE.has(code) || POSTGRES_UNAVAILABLE_CLASSES.has(code.slice(0, 2)) ? code : null;
}

/** True for the errors of a file that cannot be written at all (as opposed to a full disk or a lock). */
export function isReadOnlyError(error: unknown): boolean {
  const code = storageErrorCode(error);
  return code !== null && (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM');
}
