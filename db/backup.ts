import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

// Backups with SQLite's online backup API, never a file copy: in WAL mode the latest commits may live only in
// the -wal file, and a copy of the main file taken while a server writes can be torn. The backup API reads
// one consistent snapshot (committed WAL content included) through SQLite's locks while the server goes on
// reading and writing. docs/decisions/0011-faults-and-backups.md.

export type DatabaseSummary = {
  integrity: string;
  articles: number;
  published: number;
  categories: number;
  keywords: number;
  images: number;
  /** Articles with a view count, and the sum of all counts. */
  viewRows: number;
  views: number;
};

// better-sqlite3 copies 100 pages per step by default, and the backup starts over whenever another connection
// writes between two steps: under a steady stream of view counts it might never finish. Asking for every
// page at once copies the whole database in one read transaction, which in WAL mode blocks no writer.
const ALL_PAGES = 0x7fffffff;
const BUSY_TIMEOUT_MS = 5000;

function openForReading(file: string): Database.Database {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  return db;
}

const count = (db: Database.Database, sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;

/** Integrity and the row counts worth comparing, read from one snapshot. */
export function summarizeDatabase(file: string): DatabaseSummary {
  const db = openForReading(file);
  try {
    return db.transaction(() => ({
      integrity: String(db.pragma('integrity_check', { simple: true })),
      articles: count(db, 'SELECT count(*) AS n FROM articles'),
      published: count(db, `SELECT count(*) AS n FROM articles WHERE status = 'published'`),
      categories: count(db, 'SELECT count(*) AS n FROM categories'),
      keywords: count(db, 'SELECT count(*) AS n FROM keywords'),
      images: count(db, 'SELECT count(*) AS n FROM images'),
      viewRows: count(db, 'SELECT count(*) AS n FROM article_views'),
      views: count(db, 'SELECT sum(views) AS n FROM article_views'),
    }))();
  } finally {
    db.close();
  }
}

/** One line for people: what a database holds. */
export function describeSummary(summary: DatabaseSummary): string {
  return [
    `integrity ${summary.integrity}`,
    `${summary.articles} articles (${summary.published} published)`,
    `${summary.categories} categories`,
    `${summary.keywords} keywords`,
    `${summary.images} photos`,
    `${summary.views} views on ${summary.viewRows} articles`,
  ].join(', ');
}

/** `20261126T153000Z`: sorts by time, no characters a file system or shell minds. */
export function backupStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

function freeName(dir: string, base: string, ext: string): string {
  for (let n = 1; ; n++) {
    const candidate = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}${ext}`);
    if (!fs.existsSync(candidate)) return candidate;
  }
}

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies `source` (all of it, one snapshot) to `destination`, a new file or a database to overwrite. */
async function copyDatabase(source: string, destination: string): Promise<void> {
  const db = openForReading(source);
  try {
    await db.backup(destination, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
}

/**
 * Makes the copy a single self-contained file (rollback journal instead of WAL, so it needs no -wal or -shm
 * beside it and can be served from read-only storage) and checks it.
 */
function finishCopy(file: string): DatabaseSummary {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  fsyncPath(file);
  return summarizeDatabase(file);
}

/**
 * Backs up the database at `source` into `dir` as `portal-<UTC time>.db` while servers keep using it, then
 * checks the copy. A copy that fails its integrity check is deleted and the call throws.
 */
export async function backupDatabase({ source, dir, now = new Date() }: { source: string; dir: string; now?: Date }): Promise<{ file: string; summary: DatabaseSummary }> {
  fs.mkdirSync(dir, { recursive: true });
  const file = freeName(dir, `portal-${backupStamp(now)}`, '.db');
  const partial = `${file}.partial`;
  try {
    await copyDatabase(source, partial);
    const summary = finishCopy(partial);
    if (summary.integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${summary.integrity}`);
    fs.renameSync(partial, file);
    fsyncPath(dir);
    return { file, summary };
  } finally {
    for (const leftover of [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`]) fs.rmSync(leftover, { force: true });
  }
}

/**
 * Restores `backup` into the database at `target` (created if missing). The backup is checked first; the
 * current target, WAL included, is kept beside it as `<name>.before-restore-<UTC time>`. The copy into the
 * target goes through SQLite as one transaction, so the target is never half-restored, even if this process
 * dies. Stop the servers first: one still running would serve the restored data with a stale page cache.
 */
export async function restoreDatabase({ backup, target, now = new Date() }: { backup: string; target: string; now?: Date }): Promise<{
  previous: string | null;
  summary: DatabaseSummary;
}> {
  let checked: DatabaseSummary;
  try {
    checked = summarizeDatabase(backup);
  } catch (error) {
    throw new Error(`${backup} is not a readable portal database, nothing restored: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (checked.integrity !== 'ok') throw new Error(`${backup} failed its integrity check, nothing restored: ${checked.integrity}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = freeName(path.dirname(target), `${path.basename(target)}.before-restore-${backupStamp(now)}`, '');
    await copyDatabase(target, previous);
    finishCopy(previous);
  }
  await copyDatabase(backup, target);
  const db = new Database(target, { fileMustExist: true });
  try {
    // A target that was in WAL mode stays so; fold the restored pages into the main file.
    if (db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const summary = summarizeDatabase(target);
  if (summary.integrity !== 'ok') throw new Error(`the restored database failed its integrity check: ${summary.integrity}`);
  return { previous, summary };
}
