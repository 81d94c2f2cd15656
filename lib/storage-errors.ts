// Which failures of the database mean "storage unavailable" (answer 503, try again later) rather than a bug
// (500). better-sqlite3 throws SqliteError with SQLite's extended result code in `code`
// (SQLITE_READONLY_DIRECTORY, SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT ...); opening the file can also fail
// with a Node error (EACCES, EROFS, ENOSPC ...). PostgreSQL (node-postgres) gives the SQLSTATE in `code`, and
// Drizzle wraps every failed PostgreSQL query in a DrizzleQueryError whose `cause` is the driver's error.

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

const NODE_UNAVAILABLE = new Set([
  ...['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EIO', 'EDQUOT'],
  // A PostgreSQL server that cannot be reached.
  ...['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'],
]);

// SQLSTATE classes: 08 connection exception, 53 insufficient resources (53100 disk full, 53300 too many
// connections), 57 operator intervention (shutdown, statement timeout), 58 system error (58030 I/O error).
const POSTGRES_UNAVAILABLE_CLASSES = new Set(['08', '53', '57', '58']);
// 25006: a write in a read-only transaction (a read-only server or replica); 55P03: lock timeout;
// XX001/XX002: corrupted data or index.
// 40P01: deadlock detected (try again).
const POSTGRES_UNAVAILABLE = new Set(['25006', '55P03', '40P01', 'XX001', 'XX002']);

/** The code of an error that means the database cannot be used right now, or null for any other error. */
export function storageErrorCode(error: unknown): string | null {
  let code = (error as { code?: unknown } | null)?.code;
  // A wrapped error: the first code down the chain of causes (a few levels; a chain may loop).
  for (let e = error, depth = 0; typeof code !== 'string' && e instanceof Error && depth < 4; depth++) {
    e = e.cause;
    code = (e as { code?: unknown } | null)?.code;
  }
  // node-postgres's own error when the server closes the connection mid-query has no code.
  if (typeof code !== 'string') return hasMessage(error, /^Connection terminated/) ? 'ECONNRESET' : null;
  const primary = /^SQLITE_[A-Z]+/.exec(code)?.[0];
  if (primary) return SQLITE_UNAVAILABLE.has(primary) ? code : null;
  if (NODE_UNAVAILABLE.has(code)) return code;
  if (!/^[0-9A-Z]{5}$/.test(code)) return null;
  return POSTGRES_UNAVAILABLE.has(code) || POSTGRES_UNAVAILABLE_CLASSES.has(code.slice(0, 2)) ? code : null;
}

function hasMessage(error: unknown, pattern: RegExp): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) if (pattern.test(e.message)) return true;
  return false;
}

/** True for the errors of a file that cannot be written at all (as opposed to a full disk or a lock). */
export function isReadOnlyError(error: unknown): boolean {
  const code = storageErrorCode(error);
  return code !== null && (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM');
}
