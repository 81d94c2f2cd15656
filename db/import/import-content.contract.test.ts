import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { count, eq } from 'drizzle-orm';
import { articles, articleViews, images } from '@/db/schema';
import { getArticleDetail } from '@/db/queries/articles';
import { latestInvalidationId, listInvalidationsAfter } from '@/db/queries/cache-invalidations';
import { importFile, importPath } from '@/db/import/import-content';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';
import type { Db } from '@/db/client';
import { CROP_VARIANTS, cropName, cropSize } from '@/lib/media';

let db: Db;
let dir: string;
let cleanup: () => Promise<void>;

const base = {
  id: 70001,
  categoryId: 17,
  title: 'Hội nghị tổng kết công tác năm 2020',
  sapo: 'Chiều 26/01/2021, Văn phòng UBND tỉnh tổ chức hội nghị tổng kết.',
  publishedAt: '2021-01-26T19:14:24+07:00',
  author: 'Cao Biền',
  views: 100,
  keywords: ['Hội nghị tổng kết'],
  body: [
    { type: 'image', file: 'a60431-1.jpg', alt: 'Toàn cảnh hội nghị', caption: 'Toàn cảnh hội nghị' },
    { type: 'paragraph', text: 'Đoạn văn đầu tiên.' },
  ],
};

function writeJson(name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

before(async () => {
  ({ db, dir, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [{ id: 17, name: 'Chính trị' }]);
  // Photos sit beside the import files, as an editor would hand them over.
  for (const name of ['a60431-1.jpg', 'a60431-2.jpg']) fs.copyFileSync(path.join('db/seed/media', name), path.join(dir, name));
});

const importHere = (file: string) => importFile(file, { mediaDir: path.join(dir, 'store') });
const articleRows = (id: number) => db.select().from(articles).where(eq(articles.id, id));
const imageCount = async () => (await db.select({ n: count() }).from(images))[0]!.n;
after(() => cleanup());

test('an article file is imported; its photo is stored under a content-addressed name with its real size', async () => {
  const outcome = await importHere(writeJson('ok.json', base));
  assert.deepEqual(outcome, { file: path.join(dir, 'ok.json'), ok: true, summary: 'article 70001 created' });
  const article = (await getArticleDetail(70001))!;
  assert.equal(article.slug, 'hoi-nghi-tong-ket-cong-tac-nam-2020');
  const lead = article.leadImage!;
  assert.match(lead.file, /^a60431-1-[0-9a-f]{10}\.jpg$/);
  const stored = await sharp(path.join(dir, 'store', lead.file)).metadata();
  assert.deepEqual([lead.width, lead.height], [stored.width, stored.height]);
  assert.deepEqual(article.keywords.map((k) => k.slug), ['hoi-nghi-tong-ket']);
});

test('the lead photo gets its share and structured-data crops, at the sizes the pages declare', async () => {
  const lead = (await getArticleDetail(70001))!.leadImage!;
  for (const variant of CROP_VARIANTS) {
    const meta = await sharp(path.join(dir, 'store', cropName(lead.file, variant))).metadata();
    assert.deepEqual({ width: meta.width, height: meta.height }, cropSize(variant, lead), variant);
  }
});

test('a changed title keeps the old slug, so shared links stay valid', async () => {
  const outcome = await importHere(writeJson('renamed.json', { ...base, title: 'Tiêu đề đã được sửa lại' }));
  assert.ok(outcome.ok && outcome.summary === 'article 70001 updated');
  const article = (await getArticleDetail(70001))!;
  assert.equal(article.title, 'Tiêu đề đã được sửa lại');
  assert.equal(article.slug, 'hoi-nghi-tong-ket-cong-tac-nam-2020');
});

test('a change records the cache tags it expires: the article, the listings it leaves and joins, home, the latest, sitemaps, feeds', async () => {
  const before = await latestInvalidationId();
  await importHere(writeJson('moved.json', { ...base, title: 'Tiêu đề đã được sửa lại', keywords: ['Thi đua'] }));
  const [change, ...more] = await listInvalidationsAfter(before);
  assert.ok(change);
  assert.equal(more.length, 0);
  assert.deepEqual(change.tags.sort(), ['article:70001', 'author:cao-bien', 'category:17', 'feeds', 'home', 'keyword:hoi-nghi-tong-ket', 'keyword:thi-dua', 'latest', 'sitemaps']);
  // Importing the same content again changes nothing, so it expires nothing.
  const unchanged = await latestInvalidationId();
  await importHere(writeJson('moved-again.json', { ...base, title: 'Tiêu đề đã được sửa lại', keywords: ['Thi đua'] }));
  assert.equal(await latestInvalidationId(), unchanged);
});

test('an imported view count never lowers the stored count', async () => {
  await db.update(articleViews).set({ views: 500 }).where(eq(articleViews.articleId, 70001));
  await importHere(writeJson('views.json', { ...base, views: 10 }));
  assert.equal((await getArticleDetail(70001))!.views, 500);
});

test('a javascript: link is refused with the field named, and nothing from the file is written', async () => {
  const hostile = {
    ...base,
    id: 70002,
    body: [
      { type: 'image', file: 'a60431-2.jpg', alt: 'Ảnh' },
      { type: 'paragraph', spans: [{ text: 'bấm vào đây', href: 'javascript:alert(1)' }] },
    ],
  };
  const imagesBefore = await imageCount();
  const outcome = await importHere(writeJson('hostile.json', hostile));
  assert.equal(outcome.ok, false);
  assert.ok(!outcome.ok && outcome.errors.some((e) => e.startsWith('body.1.spans.0.href:')), JSON.stringify(outcome));
  assert.deepEqual(await articleRows(70002), []);
  assert.equal(await imageCount(), imagesBefore);
});

test('a data: link, a link with a space before it and a relative link are refused, each with its field and value', async () => {
  const outcome = await importHere(
    writeJson('links.json', {
      ...base,
      id: 70006,
      body: [
        { type: 'paragraph', spans: [{ text: 'ảnh', href: 'data:text/html,<script>alert(1)</script>' }] },
        { type: 'paragraph', spans: [{ text: 'a' }, { text: 'b', href: ' https://example.com/' }] },
        { type: 'paragraph', spans: [{ text: 'c', href: '/news/17' }, { text: 'd', href: 'JaVaScRiPt:alert(1)' }] },
      ],
    }),
  );
  assert.ok(!outcome.ok);
  assert.deepEqual(outcome.errors, [
    'body.0.spans.0.href: link must be an absolute http(s) URL, not "data:text/html,<script>alert(1)</script>"',
    'body.1.spans.1.href: link must be an absolute http(s) URL, not " https://example.com/"',
    'body.2.spans.0.href: link must be an absolute http(s) URL, not "/news/17"',
    'body.2.spans.1.href: link must be an absolute http(s) URL, not "JaVaScRiPt:alert(1)"',
  ]);
  assert.deepEqual(await articleRows(70006), []);
});

test('markup and entities in text are stored as typed: plain text, never decoded or stripped', async () => {
  const hostile = '<script>window.__pwned=1</script> <img src=x onerror="alert(1)"> &amp; &lt;b&gt; &#39;';
  const outcome = await importHere(
    writeJson('markup.json', {
      ...base,
      id: 70007,
      title: `Tiêu đề ${hostile}`,
      sapo: `Sapo ${hostile}`,
      author: `</script>${hostile}`,
      body: [{ type: 'image', file: 'a60431-1.jpg', alt: hostile, caption: hostile, credit: hostile }, { type: 'paragraph', text: hostile }],
    }),
  );
  assert.ok(outcome.ok, JSON.stringify(outcome));
  const article = (await getArticleDetail(70007))!;
  assert.equal(article.title, `Tiêu đề ${hostile}`);
  assert.equal(article.sapo, `Sapo ${hostile}`);
  assert.equal(article.byline, `</script>${hostile}`);
  assert.deepEqual(article.body[1], { type: 'paragraph', spans: [{ text: hostile }] });
  const photo = article.body[0];
  assert.ok(photo?.type === 'image');
  assert.deepEqual([photo.image.alt, photo.image.caption, photo.image.credit], [hostile, hostile, hostile]);
});

const storeFiles = () => fs.readdirSync(path.join(dir, 'store'), { recursive: true }).sort();

test('a file that fails writes no photo into the media store: every check comes before the first write', async () => {
  fs.copyFileSync(path.join('db/seed/media', 'a60100-1.jpg'), path.join(dir, 'unused.jpg'));
  const before = storeFiles();
  const unknownCategory = await importHere(
    writeJson('no-category.json', { ...base, id: 70008, categoryId: 998, body: [{ type: 'image', file: 'unused.jpg', alt: 'Ảnh' }] }),
  );
  const oneMissing = await importHere(
    writeJson('one-missing.json', {
      ...base,
      id: 70008,
      body: [
        { type: 'image', file: 'unused.jpg', alt: 'Ảnh' },
        { type: 'image', file: 'khong-co.jpg', alt: 'Ảnh' },
      ],
    }),
  );
  assert.deepEqual(!unknownCategory.ok && unknownCategory.errors, ['categoryId: unknown category 998']);
  assert.deepEqual(!oneMissing.ok && oneMissing.errors, ['body.1.file: image "khong-co.jpg" not found beside the file, in media/ or in ../media/']);
  assert.deepEqual(storeFiles(), before);
});

test('every problem in a file is listed, not only the first', async () => {
  const outcome = await importHere(
    writeJson('many.json', {
      ...base,
      id: 70009,
      title: ' ',
      extra: true,
      body: [{ type: 'paragraph', spans: [{ text: 'x', href: 'javascript:void(0)' }] }],
    }),
  );
  assert.ok(!outcome.ok);
  assert.deepEqual(outcome.errors, [
    'title: must not be empty',
    'body.0.spans.0.href: link must be an absolute http(s) URL, not "javascript:void(0)"',
    'extra: unknown field',
  ]);
});

test('an unknown category rolls the whole file back', async () => {
  const outcome = await importHere(writeJson('cat.json', { ...base, id: 70003, categoryId: 999 }));
  assert.ok(!outcome.ok && outcome.errors[0] === 'categoryId: unknown category 999');
  assert.deepEqual(await articleRows(70003), []);
});

test('broken JSON and missing images are reported per file; good files in the folder still import', async () => {
  const folder = path.join(dir, 'batch');
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, 'a.json'), '{ "id": ');
  fs.writeFileSync(path.join(folder, 'b.json'), JSON.stringify({ ...base, id: 70004, body: [{ type: 'image', file: 'khong-co.jpg', alt: 'x' }] }));
  fs.writeFileSync(path.join(folder, 'c.json'), JSON.stringify({ ...base, id: 70005 }));
  fs.mkdirSync(path.join(folder, 'media'));
  fs.copyFileSync(path.join(dir, 'a60431-1.jpg'), path.join(folder, 'media', 'a60431-1.jpg'));
  const outcomes = await importPath(folder, { mediaDir: path.join(dir, 'store') });
  assert.deepEqual(outcomes.map((o) => o.ok), [false, false, true]);
  assert.match(JSON.stringify(outcomes[0]), /not valid JSON/);
  assert.match(JSON.stringify(outcomes[1]), /body\.0\.file: image \\"khong-co\.jpg\\" not found/);
  assert.ok(await getArticleDetail(70005));
});
