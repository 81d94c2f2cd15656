import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { openDatabase } from '@/db/client';
import { titlesAreFolded } from '@/db/queries/newsroom-articles-backfill';

// A database whose articles were written without the folded title (before migration 0013, or by the demo-database
// generator) has them folded when this version opens it, in batches, before anything searches it.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-titles-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('opening a database folds every title not folded yet, across batches, and leaves the others as they are', () => {
  const file = path.join(dir, 'old.db');
  const first = openDatabase(file);
  const sqlite = first.$client;
  sqlite.prepare(`INSERT INTO categories (id, name) VALUES (17, 'Chính trị')`).run();
  const insert = sqlite.prepare(
    `INSERT INTO articles (id, category_id, slug, title, sapo, body, status, published_at, updated_at, title_folded) VALUES (?, 17, ?, ?, 's', '[]', 'published', 1, 1, ?)`,
  );
  sqlite.transaction(() => {
    for (let id = 1; id <= 4_500; id++) insert.run(id, `bai-${id}`, `Thái Bình số ${id}`, '');
    // Folded by a save already: kept (even were it folded another way).
    insert.run(5_000, 'bai-5000', 'Đường Thái Bình', 'da luu');
  })();
  assert.equal(titlesAreFolded(first), false);
  sqlite.close();

  const reopened = openDatabase(file);
  try {
    const count = (sql: string) => (reopened.$client.prepare(sql).get() as { n: number }).n;
    assert.equal(count(`SELECT count(*) AS n FROM articles WHERE title_folded = ''`), 0);
    assert.equal(count(`SELECT count(*) AS n FROM articles WHERE title_folded = 'thai binh so ' || id`), 4_500);
    assert.deepEqual(reopened.$client.prepare('SELECT title_folded FROM articles WHERE id = 5000').get(), { title_folded: 'da luu' });
    assert.equal(titlesAreFolded(reopened), true);
  } finally {
    reopened.$client.close();
  }
});
