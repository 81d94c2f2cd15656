import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import Database from 'better-sqlite3';
import { closeDatabaseForShutdown, openDatabase, setProcessDatabase } from '@/db/client';
import { insertCategories } from '@/db/testing';

// Opening a database that cannot be written, and closing one on shutdown (docs/decisions/0011-faults-and-backups.md).

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-client-'));
});
after(() => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) fs.chmodSync(path.join(dir, entry.name), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A migrated database with one category, closed; in rollback-journal mode unless `wal`. */
async function makeDatabase(name: string, { wal = false } = {}): Promise<string> {
  const file = path.join(dir, name, 'portal.db');
  const db = openDatabase(file);
  await insertCategories(db, [{ id: 1, name: 'Chính trị' }]);
  if (!wal) db.$client.pragma('journal_mode = DELETE');
  db.$client.close();
  return file;
}

const sha256 = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Makes the file and its folder read-only for everyone but root. */
function protect(file: string): void {
  fs.chmodSync(file, 0o444);
  fs.chmodSync(path.dirname(file), 0o555);
}

/**
 * openDatabase(file) in a process that cannot write the file: root ignores file permissions, so when the tests
 * run as root the child runs without CAP_DAC_OVERRIDE (setpriv, util-linux). It stays root, so it can still read a
 * checkout in a private folder (mkdtemp makes 0700 ones), which a child running as `nobody` could not.
 */
function openAsUnprivileged(file: string): { status: number | null; stdout: string; stderr: string } {
  const code = [
    'const { openDatabase } = require(process.argv[1]);',
    'const db = openDatabase(process.argv[2]);',
    'let write = "written";',
    'try { db.$client.prepare("INSERT INTO categories (id, name) VALUES (2, \'Xã hội\')").run(); } catch (error) { write = error.code; }',
    'console.log(JSON.stringify({ readonly: db.$client.readonly, categories: db.$client.prepare("SELECT count(*) AS n FROM categories").get().n, write }));',
  ].join('\n');
  const node = ['--import', 'tsx', '-e', code, path.resolve('db/client.ts'), file];
  const asRoot = process.getuid?.() === 0;
  const child = asRoot
    ? spawnSync('setpriv', ['--bounding-set=-dac_override', process.execPath, ...node], { encoding: 'utf8' })
    : spawnSync(process.execPath, node, { encoding: 'utf8' });
  if (child.error) throw child.error;
  return child;
}

test('DATABASE_READONLY: reads work, SQLite refuses every write, and the file is not touched', async () => {
  const file = await makeDatabase('env');
  const before = sha256(file);
  const db = openDatabase(file, { readonly: true });
  try {
    assert.equal(db.$client.readonly, true);
    assert.deepEqual(db.$client.prepare('SELECT name FROM categories').all(), [{ name: 'Chính trị' }]);
    assert.throws(() => db.$client.prepare(`INSERT INTO categories (id, name) VALUES (2, 'Xã hội')`).run(), { code: 'SQLITE_READONLY' });
  } finally {
    db.$client.close();
  }
  assert.equal(sha256(file), before);
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['portal.db'], 'no journal, -wal or -shm left behind');
});

test('a read-only database that was never migrated is refused with a message that says so', () => {
  const file = path.join(dir, 'empty.db');
  new Database(file).close();
  assert.throws(() => openDatabase(file, { readonly: true }), /read-only and not migrated/);
});

test('a file this process cannot write is opened read-only without being told: reads work, writes fail', async () => {
  const file = await makeDatabase('unwritable');
  protect(file);
  const before = sha256(file);
  const child = openAsUnprivileged(file);
  assert.equal(child.status, 0, child.stderr);
  assert.deepEqual(JSON.parse(child.stdout), { readonly: true, categories: 1, write: 'SQLITE_READONLY' });
  assert.match(child.stderr, /cannot be written \(SQLITE_READONLY\): opened read-only/);
  assert.equal(sha256(file), before);
});

test('a WAL file in a read-only folder without its -shm cannot be read by SQLite: the error says what to do', async () => {
  const file = await makeDatabase('wal', { wal: true });
  assert.deepEqual(fs.readdirSync(path.dirname(file)), ['portal.db'], 'the last connection removed -wal and -shm');
  protect(file);
  const child = openAsUnprivileged(file);
  assert.notEqual(child.status, 0);
  assert.match(child.stderr, /needs its -shm file[^]*npm run db:backup/);
});

test('on shutdown the WAL is folded into the database file and emptied before the connection closes', async () => {
  const file = path.join(dir, 'shutdown', 'portal.db');
  const db = openDatabase(file);
  db.$client.pragma('wal_autocheckpoint = 0');
  await insertCategories(db, [{ id: 1, name: 'Chính trị' }]);
  assert.ok(fs.statSync(`${file}-wal`).size > 0, 'the commit is in the WAL');
  setProcessDatabase(db);
  assert.equal(closeDatabaseForShutdown(), 'WAL checkpointed and emptied, closed');
  assert.equal(db.$client.open, false);
  assert.equal(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0, 0);
  // The main file alone has the commit.
  const copy = path.join(dir, 'shutdown', 'copy.db');
  fs.copyFileSync(file, copy);
  const reopened = new Database(copy, { readonly: true });
  assert.deepEqual(reopened.prepare('SELECT name FROM categories').all(), [{ name: 'Chính trị' }]);
  assert.equal(reopened.pragma('integrity_check', { simple: true }), 'ok');
  reopened.close();
});
