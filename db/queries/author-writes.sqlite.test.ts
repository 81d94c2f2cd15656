import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDatabase } from '@/db/client';

// A database from before author pages (migrated up to 0008, articles with bylines) gets its author index when this
// version opens it: migration 0009 copies the bylines, the opening splits them (ensureAuthorIndex).

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-authors-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The migrations folder as it was before migration 0009. */
function migrationsBeforeAuthors(): string {
  const source = path.join(process.cwd(), 'db', 'migrations');
  const target = path.join(dir, 'migrations');
  fs.mkdirSync(path.join(target, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(source, 'meta', '_journal.json'), 'utf8')) as { entries: Array<{ tag: string }> };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag.startsWith('0009_')));
  assert.equal(journal.entries.length, 9);
  fs.writeFileSync(path.join(target, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const { tag } of journal.entries) fs.copyFileSync(path.join(source, `${tag}.sql`), path.join(target, `${tag}.sql`));
  return target;
}

test('an existing database gets its bylines split into authors when it is opened, drafts included but not published', () => {
  const file = path.join(dir, 'old.db');
  const old = new Database(file);
  migrate(drizzle({ client: old }), { migrationsFolder: migrationsBeforeAuthors() });
  old.prepare(`INSERT INTO categories (id, name) VALUES (17, 'Chính trị')`).run();
  const insert = old.prepare(
    `INSERT INTO articles (id, category_id, slug, title, sapo, body, byline, status, published_at, updated_at) VALUES (?, 17, ?, 'x', 'x', '[]', ?, ?, ?, ?)`,
  );
  insert.run(1, 'a', 'Cao Biền - Minh Thu', 'published', 1_700_000_000, 1_700_000_000);
  insert.run(2, 'b', 'Đức Thịnh', 'draft', 1_700_000_100, 1_700_000_100);
  insert.run(3, 'c', null, 'published', 1_700_000_200, 1_700_000_200);
  insert.run(4, 'd', '   ', 'published', 1_700_000_300, 1_700_000_300);
  old.close();

  const db = openDatabase(file);
  try {
    const rows = db.$client.prepare('SELECT article_id, author_slug, name, position, published_at FROM article_authors ORDER BY article_id, position').all();
    assert.deepEqual(rows, [
      { article_id: 1, author_slug: 'cao-bien', name: 'Cao Biền', position: 0, published_at: 1_700_000_000 },
      { article_id: 1, author_slug: 'minh-thu', name: 'Minh Thu', position: 1, published_at: 1_700_000_000 },
      { article_id: 2, author_slug: 'duc-thinh', name: 'Đức Thịnh', position: 0, published_at: null },
    ]);
    // Publishing the draft later reaches its author through the trigger.
    db.$client.prepare(`UPDATE articles SET status = 'published' WHERE id = 2`).run();
    assert.deepEqual(db.$client.prepare(`SELECT published_at FROM article_authors WHERE article_id = 2`).get(), { published_at: 1_700_000_100 });
  } finally {
    db.$client.close();
  }
});
