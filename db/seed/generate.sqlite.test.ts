import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import type { SqliteDb } from '@/db/engine';
import { articles } from '@/db/schema';
import { getArticleDetail } from '@/db/queries/articles';
import { DEMO_DATE_RANGE, generateDemoArticles, KEYWORD_VOCABULARY, MAX_VIEWS, type GenerateResult } from '@/db/seed/generate';
import { seedDatabase } from '@/db/seed/seed';
import { sqliteOf, useThrowawayDatabase } from '@/db/testing';
import { storedBodySchema } from '@/lib/content-schema';

const COUNT = 2_000;
const START = 1_000_000;
const LAST = START + COUNT - 1;

type ArticleDump = {
  id: number;
  category_id: number;
  slug: string;
  title: string;
  sapo: string;
  body: string;
  byline: string | null;
  lead_image_id: number | null;
  status: string;
  published_at: number;
  updated_at: number;
};

/** Every row the generator writes, exactly as stored. */
function dump(db: SqliteDb) {
  const all = <T>(sql: string) => db.$client.prepare(sql).all(START, LAST) as T[];
  return {
    articles: all<ArticleDump>('SELECT * FROM articles WHERE id BETWEEN ? AND ? ORDER BY id'),
    articleKeywords: all<{ article_id: number; keyword_id: number; position: number }>(
      'SELECT * FROM article_keywords WHERE article_id BETWEEN ? AND ? ORDER BY article_id, position',
    ),
    views: all<{ article_id: number; views: number }>('SELECT * FROM article_views WHERE article_id BETWEEN ? AND ? ORDER BY article_id'),
    keywords: db.$client.prepare('SELECT * FROM keywords ORDER BY id').all() as Array<{ id: number; slug: string; name: string }>,
  };
}

let db: SqliteDb;
let cleanup: () => Promise<void>;
let first: ReturnType<typeof dump>;
let result: GenerateResult;
let seededArticles: number;
let seededKeywords: ReturnType<typeof dump>['keywords'];

before(async () => {
  // Two throwaway databases one after the other (each is the process's database while it is open).
  const a = await useThrowawayDatabase();
  await seedDatabase();
  generateDemoArticles(sqliteOf(a.db), { count: COUNT });
  first = dump(sqliteOf(a.db));
  await a.cleanup();

  const b = await useThrowawayDatabase();
  ({ cleanup } = b);
  db = sqliteOf(b.db);
  await seedDatabase();
  seededArticles = db.$client.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  seededKeywords = dump(db).keywords;
  result = generateDemoArticles(db, { count: COUNT });
});
after(() => cleanup());

test('the same count and seed give identical rows in two databases', () => {
  const second = dump(db);
  assert.equal(second.articles.length, COUNT);
  assert.deepEqual(second, first);
  assert.equal(result.inserted, COUNT);
  assert.equal(result.keywordLinks, second.articleKeywords.length);
});

test('ids are exactly startId .. startId + count - 1, and nothing else was added', () => {
  const ids = db.$client.prepare('SELECT id FROM articles WHERE id >= ? ORDER BY id').pluck().all(START) as number[];
  assert.deepEqual(ids, Array.from({ length: COUNT }, (_, i) => START + i));
  const total = db.$client.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  assert.equal(total, seededArticles + COUNT);
});

test('every generated article is published, well-formed and complete', () => {
  const { articles: rows, articleKeywords, views } = dump(db);
  const imageIds = new Set(db.$client.prepare('SELECT id FROM images').pluck().all() as number[]);
  const categoryIds = new Set(db.$client.prepare('SELECT id FROM categories').pluck().all() as number[]);
  const keywordsOf = new Map<number, typeof articleKeywords>();
  for (const k of articleKeywords) keywordsOf.set(k.article_id, [...(keywordsOf.get(k.article_id) ?? []), k]);
  const viewsOf = new Map(views.map((v) => [v.article_id, v.views]));

  for (const a of rows) {
    const where = `article ${a.id}`;
    assert.equal(a.status, 'published', where);
    assert.ok(categoryIds.has(a.category_id), where);
    assert.ok(a.lead_image_id !== null && imageIds.has(a.lead_image_id), `${where}: lead image ${a.lead_image_id}`);

    const body = storedBodySchema.parse(JSON.parse(a.body));
    assert.deepEqual(body[0], { type: 'image', imageId: a.lead_image_id }, where);
    const paragraphs = body.slice(1);
    assert.ok(paragraphs.length >= 3 && paragraphs.length <= 5, `${where}: ${paragraphs.length} paragraphs`);
    assert.ok(paragraphs.every((b) => b.type === 'paragraph' && b.spans.length === 1), where);

    const texts = [a.title, a.sapo, ...paragraphs.flatMap((b) => (b.type === 'paragraph' ? b.spans.map((s) => s.text) : []))];
    for (const text of texts) {
      assert.equal(text, text.normalize('NFC'), `${where}: not NFC`);
      assert.match(text, /[^\x00-\x7f]/, `${where}: not Vietnamese: ${text}`);
      assert.doesNotMatch(text, /lorem|ipsum|undefined|\{|#/i, `${where}: ${text}`);
    }
    assert.match(a.slug, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, where);

    const tags = keywordsOf.get(a.id) ?? [];
    assert.ok(tags.length >= 1 && tags.length <= 4, `${where}: ${tags.length} keywords`);
    assert.deepEqual(tags.map((k) => k.position), tags.map((_, i) => i), where);

    const count = viewsOf.get(a.id);
    assert.ok(count !== undefined && count >= 0 && count <= MAX_VIEWS, `${where}: views ${count}`);

    assert.ok(a.published_at >= DEMO_DATE_RANGE.from && a.published_at <= DEMO_DATE_RANGE.to, where);
    assert.ok(a.updated_at >= a.published_at && a.updated_at <= DEMO_DATE_RANGE.to, where);
  }
});

test('the content is varied: categories, dates, views, slugs and keywords', () => {
  const { articles: rows, views, articleKeywords } = dump(db);
  const categories = db.$client.prepare('SELECT count(*) FROM categories').pluck().get() as number;
  assert.equal(new Set(rows.map((a) => a.category_id)).size, categories);
  assert.ok(new Set(rows.map((a) => a.title)).size > COUNT * 0.95, 'titles are mostly distinct');
  const slugs = db.$client.prepare('SELECT slug FROM articles').pluck().all() as string[];
  assert.equal(new Set(slugs).size, slugs.length, 'slugs are unique');
  const years = new Set(rows.map((a) => new Date((a.published_at + 7 * 3600) * 1000).getUTCFullYear()));
  assert.deepEqual([...years].sort(), ['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026'].map(Number));
  assert.ok(new Set(views.map((v) => v.views)).size > COUNT / 2, 'view counts vary');
  assert.ok(new Set(articleKeywords.map((k) => k.keyword_id)).size > 150, 'most of the vocabulary is used');
});

test('keywords come from the vocabulary, existing ones are reused by slug', () => {
  const { keywords, articleKeywords } = dump(db);
  assert.ok(KEYWORD_VOCABULARY.length >= 180 && KEYWORD_VOCABULARY.length <= 220, `${KEYWORD_VOCABULARY.length} keywords`);
  const vocabulary = new Set(KEYWORD_VOCABULARY.map((k) => k.slug));
  const byId = new Map(keywords.map((k) => [k.id, k]));
  for (const link of articleKeywords) assert.ok(vocabulary.has(byId.get(link.keyword_id)!.slug));
  assert.equal(new Set(keywords.map((k) => k.slug)).size, keywords.length);
  // The seed's keywords keep their rows, and generated articles point at them too ("An sinh xã hội"...).
  assert.deepEqual(keywords.slice(0, seededKeywords.length), seededKeywords);
  assert.equal(keywords.length, seededKeywords.length + result.keywordsCreated);
  const reused = new Set(seededKeywords.map((k) => k.id));
  assert.ok(articleKeywords.some((link) => reused.has(link.keyword_id)));
});

test('the portal reads a generated article like any other', async () => {
  const detail = await getArticleDetail(START);
  assert.ok(detail);
  const row = db.select().from(articles).where(eq(articles.id, START)).get()!;
  assert.equal(detail.title, row.title);
  assert.ok(row.publishedAt instanceof Date && row.publishedAt.getTime() === first.articles[0]!.published_at * 1000);
  assert.equal(detail.views, first.views[0]!.views);
  assert.equal(detail.keywords.length, first.articleKeywords.filter((k) => k.article_id === START).length);
  assert.ok(detail.leadImage);
});

test('it refuses ids already taken, and a database without images', () => {
  assert.throws(() => generateDemoArticles(db, { count: 10, startId: LAST }), /already use ids/);
  assert.deepEqual(generateDemoArticles(db, { count: 0 }), { inserted: 0, keywordLinks: 0, keywordsCreated: 0 });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'portal-test-'));
  const empty = openDatabase(path.join(dir, 'empty.db'));
  try {
    empty.$client.prepare("INSERT INTO categories (id, name) VALUES (1, 'Chính trị')").run();
    assert.throws(() => generateDemoArticles(empty, { count: 10 }), /no images/);
  } finally {
    empty.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('another seed gives other articles', () => {
  generateDemoArticles(db, { count: 100, seed: 2, startId: 5_000_000 });
  const titles = db.$client.prepare('SELECT title FROM articles WHERE id >= ? ORDER BY id').pluck().all(5_000_000) as string[];
  const same = titles.filter((t, i) => t === first.articles[i]!.title).length;
  assert.ok(same < 5, `${same} of 100 titles identical`);
});
