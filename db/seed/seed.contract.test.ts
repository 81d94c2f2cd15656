import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { count } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { articleKeywords, articles, articleViews, categories, images, keywords } from '@/db/schema';
import { getArticleDetail } from '@/db/queries/articles';
import { seedDatabase } from '@/db/seed/seed';
import { useThrowawayDatabase } from '@/db/testing';
import type { Db } from '@/db/client';
import fixture from '@/e2e/fixtures/seed-article.json';

let db: Db;
let dir: string;
let cleanup: () => Promise<void>;

before(async () => {
  ({ db, dir, cleanup } = await useThrowawayDatabase());
});
after(() => cleanup());

async function snapshot() {
  const tally = async (table: SQLiteTable) => (await db.select({ n: count() }).from(table))[0]!.n;
  return {
    counts: await Promise.all([articles, categories, images, keywords, articleKeywords, articleViews].map(tally)),
    articles: await db.select().from(articles).orderBy(articles.id),
    views: await db.select().from(articleViews).orderBy(articleViews.articleId),
  };
}

test('the seed loads the demo content into an empty database', async () => {
  const { ran, outcomes } = await seedDatabase({ mediaDir: path.join(dir, 'media') });
  assert.equal(ran, true);
  assert.ok(outcomes.every((o) => o.ok));
  const published = (await db.select().from(articles)).filter((a) => a.status === 'published');
  assert.ok(published.length >= 64, `${published.length} published articles`);
  assert.ok(new Set(published.map((a) => a.categoryId)).size >= 6);
});

test('the seed article is stored exactly as in the fixture', async () => {
  const article = (await getArticleDetail(fixture.article.id))!;
  assert.equal(article.title, fixture.article.title);
  assert.equal(article.slug, fixture.article.slug);
  assert.equal(article.categoryId, fixture.article.categoryId);
  assert.equal(article.sapo, fixture.article.sapo);
  assert.equal(article.byline, fixture.article.author);
  assert.equal(article.views, fixture.article.views);
  assert.equal(article.publishedAt.getTime(), new Date(fixture.article.publishedAt).getTime());
  const shown = article.body.map((b) =>
    b.type === 'image'
      ? { type: 'image', caption: b.image.caption, alt: b.image.alt }
      : { type: b.type, text: b.type === 'paragraph' ? b.spans.map((s) => s.text).join('') : '' },
  );
  assert.deepEqual(shown, fixture.article.body);
});

test('running the seed again on a seeded database changes nothing', async () => {
  const before = await snapshot();
  const { ran } = await seedDatabase({ mediaDir: path.join(dir, 'media') });
  assert.equal(ran, false);
  assert.deepEqual(await snapshot(), before);
});

test('forcing the seed over existing content is idempotent (upsert by id)', async () => {
  const before = await snapshot();
  const { ran } = await seedDatabase({ force: true, mediaDir: path.join(dir, 'media') });
  assert.equal(ran, true);
  assert.deepEqual(await snapshot(), before);
});
