import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { withTransaction, type Db } from '@/db/client';
import { articleAuthors, articles } from '@/db/schema';
import { saveArticle, type ArticleInput } from '@/db/queries/article-writes';
import { ensureAuthorIndex, PENDING_SLUG } from '@/db/queries/author-writes';
import { getAuthorBySlug } from '@/db/queries/authors';
import { listAuthorArticles } from '@/db/queries/listings';
import { PAGE_SIZE } from '@/db/queries/teasers';
import { insertCategories, useThrowawayDatabase } from '@/db/testing';

// Author pages (issue #15, point 3; decision 0021): the byline's authors are indexed by the one write path, and the
// author queries read that index. A contract test: the same expectations on SQLite and PostgreSQL.

let db: Db;
let cleanup: () => Promise<void>;
const day = (d: number) => new Date(Date.UTC(2024, 0, 1, 1) + d * 86_400_000);

const article = (id: number, byline: string | null, status: 'draft' | 'published' = 'published'): ArticleInput => ({
  id,
  categoryId: id % 2 ? 17 : 18,
  slug: `bai-${id}`,
  title: `Bài ${id}`,
  sapo: `Sapo ${id}.`,
  byline,
  status,
  publishedAt: day(id),
  body: [{ type: 'paragraph', spans: [{ text: `Nội dung ${id}.` }] }],
  keywords: [],
});
const save = (input: ArticleInput) => withTransaction((tx) => saveArticle(tx, input));
const ids = async (slug: string, page = 1) => (await listAuthorArticles({ slug, page })).items.map((a) => a.id);

// Cao Biền wrote 1, 2 (with Minh Thu) and 10..30; Minh Thu 2 and the draft 3; Hoàng Lâm only the draft 5; 6 has no byline.
before(async () => {
  ({ db, cleanup } = await useThrowawayDatabase());
  await insertCategories(db, [
    { id: 17, name: 'Chính trị' },
    { id: 18, name: 'Kinh tế' },
  ]);
  await save(article(1, 'Cao Biền'));
  await save(article(2, 'Cao Biền - Minh Thu'));
  await save(article(3, 'Minh Thu', 'draft'));
  await save(article(5, 'Hoàng Lâm', 'draft'));
  await save(article(6, null));
  for (let id = 10; id <= 30; id++) await save(article(id, 'Cao Biền'));
});
after(() => cleanup());

test('an author page lists the published articles whose byline names them, newest first, 20 a page', async () => {
  const first = await listAuthorArticles({ slug: 'cao-bien', page: 1 });
  assert.equal(first.total, 23);
  assert.equal(first.pageCount, 2);
  assert.equal(first.items.length, PAGE_SIZE);
  assert.deepEqual(first.items.slice(0, 3).map((a) => [a.id, a.title, a.categoryId, a.slug]), [
    [30, 'Bài 30', 18, 'bai-30'],
    [29, 'Bài 29', 17, 'bai-29'],
    [28, 'Bài 28', 18, 'bai-28'],
  ]);
  assert.deepEqual(await ids('cao-bien', 2), [10, 2, 1]);
  assert.deepEqual(await ids('cao-bien', 3), []);
  assert.deepEqual(await ids('minh-thu'), [2]);
});

test('an author is known only while a published article names them; the name is as the newest spells it', async () => {
  assert.deepEqual(await getAuthorBySlug('cao-bien'), { slug: 'cao-bien', name: 'Cao Biền' });
  assert.deepEqual(await getAuthorBySlug('minh-thu'), { slug: 'minh-thu', name: 'Minh Thu' });
  assert.equal(await getAuthorBySlug('hoang-lam'), null); // a draft only
  assert.equal((await listAuthorArticles({ slug: 'hoang-lam', page: 1 })).total, 0);
  assert.equal(await getAuthorBySlug('khong-co'), null);
  assert.equal(await getAuthorBySlug(PENDING_SLUG), null);

  await save({ ...article(31, 'CAO BIỀN') });
  assert.deepEqual(await getAuthorBySlug('cao-bien'), { slug: 'cao-bien', name: 'CAO BIỀN' });
  await save({ ...article(31, 'CAO BIỀN', 'draft') });
  assert.deepEqual(await getAuthorBySlug('cao-bien'), { slug: 'cao-bien', name: 'Cao Biền' });
});

test('a byline edit moves the article between author pages and expires the pages of the authors it leaves and joins', async () => {
  const saved = await save(article(2, 'Minh Thu, Thu Hà'));
  assert.deepEqual(saved.changed.filter((f) => f === 'byline'), ['byline']);
  assert.deepEqual(saved.expiredTags.filter((t) => t.startsWith('author:')).sort(), ['author:cao-bien', 'author:minh-thu', 'author:thu-ha']);
  assert.ok(!(await ids('cao-bien', 2)).includes(2));
  assert.deepEqual(await ids('thu-ha'), [2]);
  assert.deepEqual(
    await db.select({ slug: articleAuthors.authorSlug, name: articleAuthors.name, position: articleAuthors.position }).from(articleAuthors).where(eq(articleAuthors.articleId, 2)).orderBy(articleAuthors.position),
    [
      { slug: 'minh-thu', name: 'Minh Thu', position: 0 },
      { slug: 'thu-ha', name: 'Thu Hà', position: 1 },
    ],
  );
  // An edit of something else leaves the authors as they are, and still expires their pages (they list the title).
  const retitled = await save({ ...article(2, 'Minh Thu, Thu Hà'), title: 'Bài 2, tiêu đề mới' });
  assert.deepEqual(retitled.expiredTags.filter((t) => t.startsWith('author:')).sort(), ['author:minh-thu', 'author:thu-ha']);
  assert.equal((await listAuthorArticles({ slug: 'thu-ha', page: 1 })).items[0]!.title, 'Bài 2, tiêu đề mới');
  // No byline: no author.
  await save(article(6, null));
  assert.deepEqual(await db.select().from(articleAuthors).where(eq(articleAuthors.articleId, 6)), []);
});

test('publishing a draft, re-dating or taking down an article moves it on its authors’ pages at once, whoever writes it', async () => {
  await save(article(5, 'Hoàng Lâm'));
  assert.deepEqual(await ids('hoang-lam'), [5]);
  await db.update(articles).set({ status: 'draft' }).where(eq(articles.id, 5));
  assert.equal(await getAuthorBySlug('hoang-lam'), null);
  await db.update(articles).set({ status: 'published' }).where(eq(articles.id, 3));
  assert.deepEqual(await ids('minh-thu'), [3, 2]);
  await db.update(articles).set({ publishedAt: day(1) }).where(eq(articles.id, 3));
  assert.deepEqual(await ids('minh-thu'), [2, 3]);
});

test('bylines the migration copied are split into authors when the database is opened, once', async () => {
  // What migration 0009 (PostgreSQL 0002) leaves for an article saved before author pages: its byline, whole.
  await db.delete(articleAuthors).where(eq(articleAuthors.articleId, 1));
  await db.insert(articleAuthors).values({ articleId: 1, authorSlug: PENDING_SLUG, name: 'Bích Ngọc - Cao Biền' });
  assert.equal(await getAuthorBySlug('bich-ngoc'), null);
  assert.deepEqual(await ensureAuthorIndex(db), { split: 1 });
  assert.deepEqual(await ids('bich-ngoc'), [1]);
  assert.ok((await ids('cao-bien', 2)).includes(1));
  assert.deepEqual(await ensureAuthorIndex(db), { split: 0 });
  assert.deepEqual(await db.select().from(articleAuthors).where(eq(articleAuthors.authorSlug, PENDING_SLUG)), []);
});
