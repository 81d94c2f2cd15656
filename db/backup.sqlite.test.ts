import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { backupDatabase, backupStamp, restoreDatabase, summarizeDatabase } from '@/db/backup';
import { closeDatabase, openDatabase, setProcessDatabase } from '@/db/client';
import type { SqliteDb } from '@/db/engine';
import { articles, articleViews } from '@/db/schema';
import { insertCategories } from '@/db/testing';

let dir: string;
before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-backup-'))));
after(async () => {
  await closeDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date('2026-11-26T15:30:00.250Z');
function views(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT views FROM article_views WHERE article_id = 1').get() as { views: number }).views;
  } finally {
    db.close();
  }
}

/** A live database (WAL, automatic checkpoints off, as if a server had it open) with one article. */
async function liveDatabase(name: string): Promise<{ db: SqliteDb; file: string }> {
  const file = path.join(dir, name, 'portal.db');
  const db = openDatabase(file);
  db.$client.pragma('wal_autocheckpoint = 0');
  setProcessDatabase(db);
  await insertCategories(db, [{ id: 1, name: 'Chính trị' }]);
  const at = new Date('2021-01-26T12:14:24Z');
  db.insert(articles).values({ id: 1, categoryId: 1, slug: 'bai', title: 'Bài', sapo: 'Sapo', body: [], status: 'published', publishedAt: at, updatedAt: at }).run();
  db.insert(articleViews).values({ articleId: 1, views: 100 }).run();
  return { db, file };
}

test('backup names are the UTC time, sortable and shell-safe', () => {
  assert.equal(backupStamp(NOW), '20261126T153000Z');
});

test('a backup holds what only the WAL holds yet (a copy of the file would not), and is one self-contained file', async () => {
  const { db, file } = await liveDatabase('wal');
  assert.ok(fs.statSync(`${file}-wal`).size > 0);
  const plainCopy = path.join(dir, 'wal', 'plain-copy.db');
  fs.copyFileSync(file, plainCopy);
  assert.throws(() => summarizeDatabase(plainCopy), /no such table/, 'the main file alone does not even have the tables yet');

  const { file: backup, summary } = await backupDatabase({ source: file, dir: path.join(dir, 'wal', 'backups'), now: NOW });
  assert.equal(backup, path.join(dir, 'wal', 'backups', 'portal-20261126T153000Z.db'));
  assert.deepEqual(summary, { integrity: 'ok', articles: 1, published: 1, categories: 1, keywords: 0, images: 0, viewRows: 1, views: 100 });
  assert.deepEqual(fs.readdirSync(path.dirname(backup)), ['portal-20261126T153000Z.db'], 'no -wal, -shm or partial file beside it');
  const copy = new Database(backup, { readonly: true });
  assert.equal(copy.pragma('journal_mode', { simple: true }), 'delete');
  copy.close();

  // A second backup in the same second gets a name of its own.
  const second = await backupDatabase({ source: file, dir: path.join(dir, 'wal', 'backups'), now: NOW });
  assert.equal(path.basename(second.file), 'portal-20261126T153000Z-2.db');
  db.$client.close();
});

test('a backup taken while another connection keeps writing is one consistent snapshot', async () => {
  const { db, file } = await liveDatabase('busy');
  // Enough pages for several of better-sqlite3's default steps, so writes land between them.
  const filler = db.$client.prepare('INSERT INTO categories (id, name) VALUES (?, ?)');
  db.$client.transaction(() => {
    for (let i = 2; i < 3000; i++) filler.run(i, `Chuyên mục ${i} ${'x'.repeat(400)}`);
  })();
  const writer = new Database(file);
  writer.pragma('busy_timeout = 5000');
  let writes = 0;
  const timer = setInterval(() => {
    writer.prepare('UPDATE article_views SET views = views + 1 WHERE article_id = 1').run();
    writes++;
  }, 0);
  const pending = backupDatabase({ source: file, dir: path.join(dir, 'busy', 'backups'), now: NOW });
  let backup: Awaited<typeof pending>;
  try {
    backup = await pending;
  } finally {
    clearInterval(timer);
  }
  assert.ok(writes > 0, 'the writer ran while the backup did');
  assert.equal(backup.summary.integrity, 'ok');
  assert.equal(backup.summary.categories, 2999);
  const backedUp = views(backup.file);
  assert.ok(backedUp >= 100 && backedUp <= 100 + writes, `${backedUp} within 100..${100 + writes}`);
  writer.close();
  db.$client.close();
});

test('restore keeps the current database (WAL included) beside it, then replaces it with the backup', async () => {
  const { db, file } = await liveDatabase('restore');
  const { file: backup } = await backupDatabase({ source: file, dir: path.join(dir, 'restore', 'backups'), now: NOW });
  db.$client.prepare('UPDATE article_views SET views = 555 WHERE article_id = 1').run(); // only in the WAL
  db.$client.close();
  await closeDatabase();

  const { previous, summary } = await restoreDatabase({ backup, target: file, now: NOW });
  assert.equal(previous, `${file}.before-restore-20261126T153000Z`);
  assert.equal(views(previous!), 555);
  assert.equal(summarizeDatabase(previous!).integrity, 'ok');
  assert.equal(summary.integrity, 'ok');
  assert.equal(views(file), 100);
});

test('restore into a new location creates the database', async () => {
  const { db, file } = await liveDatabase('fresh');
  const { file: backup } = await backupDatabase({ source: file, dir: path.join(dir, 'fresh', 'backups'), now: NOW });
  db.$client.close();
  const target = path.join(dir, 'fresh', 'elsewhere', 'restored.db');
  const { previous, summary } = await restoreDatabase({ backup, target, now: NOW });
  assert.equal(previous, null);
  assert.deepEqual(summary, summarizeDatabase(backup));
  assert.equal(views(target), 100);
});

test('a damaged or foreign file is refused before anything is written', async () => {
  const { db, file } = await liveDatabase('refuse');
  db.$client.close();
  const before = fs.readdirSync(path.dirname(file)).sort();
  const garbage = path.join(dir, 'refuse', 'garbage.db');
  fs.writeFileSync(garbage, 'not a database at all '.repeat(500));
  await assert.rejects(restoreDatabase({ backup: garbage, target: file, now: NOW }), /not a readable portal database, nothing restored/);
  const foreign = path.join(dir, 'refuse', 'foreign.db');
  new Database(foreign).exec('CREATE TABLE t (x)');
  await assert.rejects(restoreDatabase({ backup: foreign, target: file, now: NOW }), /nothing restored: no such table: articles/);
  assert.deepEqual(fs.readdirSync(path.dirname(file)).sort(), [...before, 'foreign.db', 'garbage.db'].sort());
  assert.equal(views(file), 100);
});
