// db:copy (db/copy.ts) on the engine under test: a seeded database goes into a new SQLite file and from there
// into a second database of the same engine, and everything a reader sees is the same at the end. On SQLite
// (npm run test:unit) that is SQLite → SQLite → SQLite; on PostgreSQL (npm run test:contract) it is the move
// docs/deploy.md describes, PostgreSQL → SQLite → PostgreSQL, which covers both directions.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { asc } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import { copyDatabase, summarise } from '@/db/copy';
import { tablesOf, type SqliteDb } from '@/db/engine';
import { getArticleDetail } from '@/db/queries/articles';
import { searchArticles } from '@/db/queries/search';
import { getViewCount, recordView } from '@/db/queries/views';
import { seedDatabase } from '@/db/seed/seed';
import { testDialect, useThrowawayDatabase } from '@/db/testing';
import { parseSearchQuery } from '@/lib/search-query';

const SEED_ID = 60431;

/** Every row of every table, in id order, read with the tables of `db`'s own engine. */
async function everything(db: Db) {
  const t = tablesOf(db);
  return {
    categories: await db.select().from(t.categories).orderBy(asc(t.categories.id)),
    images: await db.select().from(t.images).orderBy(asc(t.images.id)),
    articles: await db.select().from(t.articles).orderBy(asc(t.articles.id)),
    keywords: await db.select().from(t.keywords).orderBy(asc(t.keywords.id)),
    links: await db.select().from(t.articleKeywords).orderBy(asc(t.articleKeywords.articleId), asc(t.articleKeywords.keywordId)),
    authors: await db.select().from(t.articleAuthors).orderBy(asc(t.articleAuthors.articleId), asc(t.articleAuthors.authorSlug)),
    views: await db.select().from(t.articleViews).orderBy(asc(t.articleViews.articleId)),
  };
}

test(`a whole database survives ${testDialect} → SQLite → ${testDialect}: rows, ids, view counts, search`, async () => {
  // The source: the demo content, with views counted after the import.
  const source = await useThrowawayDatabase();
  const fileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-copy-'));
  let middle: SqliteDb | undefined;
  try {
    await seedDatabase({ mediaDir: path.join(source.dir, 'media') });
    for (let i = 0; i < 3; i++) await recordView(SEED_ID);
    const detail = await getArticleDetail(SEED_ID);
    const views = await getViewCount(SEED_ID);
    const search = await searchArticles({ terms: parseSearchQuery('hội nghị').terms, page: 1 });
    const rows = await everything(source.db);
    assert.ok(rows.articles.length >= 64 && rows.authors.length > 0 && search.total > 0 && views === 270);

    // Into a new SQLite file: every row as it was.
    middle = openDatabase(path.join(fileDir, 'middle.db'));
    const copied = await copyDatabase(source.db, middle);
    assert.deepEqual(copied, await summarise(source.db));
    assert.deepEqual(await everything(middle), rows);
    await source.cleanup();

    // And into a second database of the engine under test, which now serves the queries.
    const target = await useThrowawayDatabase();
    try {
      await copyDatabase(middle, target.db);
      assert.deepEqual(await everything(target.db), rows);
      assert.deepEqual(await getArticleDetail(SEED_ID), detail);
      const again = await searchArticles({ terms: parseSearchQuery('hoi nghi').terms, page: 1 });
      assert.equal(again.total, search.total);
      assert.deepEqual(new Set(again.hits.map((h) => h.id)), new Set(search.hits.map((h) => h.id)));
      // Counting goes on from the copied count.
      assert.equal(await recordView(SEED_ID), 271);
      // New rows get ids after the copied ones (PostgreSQL's identity sequences were moved on).
      const t = tablesOf(target.db);
      const [image] = await target.db.insert(t.images).values({ file: 'new.jpg', width: 10, height: 10, alt: 'mới' }).returning({ id: t.images.id });
      assert.ok(image!.id > Math.max(...rows.images.map((r) => r.id)), `new image id ${image!.id}`);
      // A database with content is never copied into: nothing is merged or overwritten.
      await assert.rejects(copyDatabase(middle, target.db), /already has content/);
    } finally {
      await target.cleanup();
    }
  } finally {
    middle?.$client.close();
    fs.rmSync(fileDir, { recursive: true, force: true });
  }
});
